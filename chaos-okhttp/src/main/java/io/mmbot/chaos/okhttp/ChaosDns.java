package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosInjector;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;

/**
 * A {@link Dns} that fails lookups for DNS_FLAP: per lookup, or, with {@code dns_flap_evict_pool},
 * the lookup of a call that {@link PooledDnsFlap} struck. A name that is an IP literal is never
 * failed (no server is asked for it) and draws no gate. Safe for concurrent use when its delegate
 * is.
 */
final class ChaosDns implements Dns {

  private final Dns delegate;
  private final ChaosInjector injector;
  private final PooledDnsFlap perCall;
  private final ResolvedAddresses resolved;

  ChaosDns(
      Dns delegate, ChaosInjector injector, PooledDnsFlap perCall, ResolvedAddresses resolved) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.injector = Objects.requireNonNull(injector, "injector");
    this.perCall = Objects.requireNonNull(perCall, "perCall");
    this.resolved = Objects.requireNonNull(resolved, "resolved");
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Objects.requireNonNull(hostname, "hostname");
    if (!isIpLiteral(hostname)
        && (perCall.perCall() ? perCall.consume(hostname) : injector.shouldInjectDnsFlap())) {
      throw notFound(hostname);
    }
    List<InetAddress> addresses = delegate.lookup(hostname);
    resolved.record(hostname, addresses);
    return addresses;
  }

  /** What Dns.SYSTEM passes on from the JDK on Linux for a name the server says does not exist. */
  static UnknownHostException notFound(String hostname) {
    return new UnknownHostException(hostname + ": Name or service not known");
  }

  Dns delegate() {
    return delegate;
  }

  /** An IPv6 literal (any name with a colon, bracketed or not) or a dotted-quad IPv4 literal. */
  static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    int parts = 0;
    int value = -1;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        if (value < 0) {
          return false;
        }
        parts++;
        value = -1;
      } else if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return false;
        }
      } else {
        return false;
      }
    }
    return value >= 0 && parts == 3;
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.dns{" + delegate + '}';
  }
}
