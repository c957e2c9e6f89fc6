package io.mmbot.chaos.control;

/**
 * Text from a client made safe for one log line: every character outside printable ASCII (control
 * characters, DEL, anything non-ASCII) is written as {@code \xNN} or {@code \\uNNNN}, a backslash
 * as {@code \\}, and the text is cut at a length, so a request line cannot forge log lines, move a
 * terminal's cursor or hide behind look-alike characters.
 */
final class LogText {

  /** Longest text kept, in characters of the input. */
  static final int MAX_LENGTH = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {}

  static String escape(String raw) {
    return escape(raw, MAX_LENGTH);
  }

  /** {@link #escape(String)} with another length limit. */
  static String escape(String raw, int maxLength) {
    if (raw == null) {
      return "?";
    }
    int n = Math.min(raw.length(), maxLength);
    StringBuilder b = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else if (c <= 0xff) {
        b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        b.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    if (raw.length() > n) {
      b.append("...(").append(raw.length() - n).append(" more)");
    }
    return b.toString();
  }
}
