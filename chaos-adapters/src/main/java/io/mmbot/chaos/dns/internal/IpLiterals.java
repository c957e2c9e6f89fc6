package io.mmbot.chaos.dns.internal;

/**
 * Recognises the host strings that the JDK resolves without DNS: IPv4 literals in dotted-quad form
 * ({@code 127.0.0.1}) and IPv6 literals with or without brackets, with an optional zone ({@code
 * ::1}, {@code [::1]}, {@code fe80::1%eth0}). A flapping DNS server cannot fail those, so DNS_FLAP
 * leaves them alone. Anything else (also names that only look numeric, such as {@code 256.1.1.1})
 * is a name.
 */
final class IpLiterals {

  private IpLiterals() {}

  static boolean isLiteral(String host) {
    if (host.isEmpty()) {
      return false;
    }
    if (host.charAt(0) == '[') {
      return host.length() > 2
          && host.charAt(host.length() - 1) == ']'
          && isIpv6(host.substring(1, host.length() - 1));
    }
    return isIpv4(host) || isIpv6(host);
  }

  /** Four decimal parts 0 to 255. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255 || ++parts > 4) {
          return false;
        }
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (++digits > 3) {
          return false;
        }
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  /**
   * Eight groups of up to four hex digits, or fewer with one {@code ::}; the last two groups may be
   * an IPv4 literal; an optional {@code %zone} follows.
   */
  static boolean isIpv6(String s) {
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (zone == s.length() - 1) {
        return false;
      }
      s = s.substring(0, zone);
    }
    if (s.indexOf(':') < 0) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue; // part of "::" (checked above) or a leading/trailing colon of it
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4 || !isHex(g)) {
        return false;
      }
      count++;
    }
    if (doubleColon < 0) {
      return count == 8 && !s.startsWith(":") && !s.endsWith(":");
    }
    boolean strayColon =
        (s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"));
    return count <= 7 && !strayColon;
  }

  private static boolean isHex(String g) {
    for (int i = 0; i < g.length(); i++) {
      if (Character.digit(g.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
