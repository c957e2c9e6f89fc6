package io.mmbot.chaos.exchange.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one request: the query string and a form body, as Binance reads them (both
 * count; a parameter sent twice is refused with {@code -1101}), and the text a signature covers.
 */
final class Params {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final String signedText;
  private final String signature;

  private Params(String query, String body) throws ApiError {
    String sig = null;
    StringBuilder signed = new StringBuilder(query.length() + body.length());
    for (String part : new String[] {query, body}) {
      if (part.isEmpty()) {
        continue;
      }
      int sigAt = -1;
      int sigEnd = -1;
      int start = 0;
      while (start <= part.length()) {
        int end = part.indexOf('&', start);
        if (end < 0) {
          end = part.length();
        }
        if (end > start) {
          String pair = part.substring(start, end);
          int eq = pair.indexOf('=');
          String key = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          if (key.equals("signature")) {
            if (sig != null) {
              throw new ApiError(400, -1101, "Duplicate values for a parameter detected.");
            }
            sig = value;
            sigAt = start;
            sigEnd = end;
          } else if (values.putIfAbsent(key, value) != null) {
            throw new ApiError(400, -1101, "Duplicate values for a parameter detected.");
          }
        }
        start = end + 1;
      }
      if (sigAt < 0) {
        signed.append(part);
      } else {
        // The signature covers everything but itself, wherever it stands.
        String rest =
            part.substring(0, sigAt) + part.substring(Math.min(part.length(), sigEnd + 1));
        if (rest.endsWith("&")) {
          rest = rest.substring(0, rest.length() - 1);
        }
        signed.append(rest);
      }
    }
    this.signedText = signed.toString();
    this.signature = sig;
  }

  /** Parses a raw (still encoded) query string and a form body, either may be empty. */
  static Params parse(String query, String body) throws ApiError {
    return new Params(query == null ? "" : query, body == null ? "" : body);
  }

  String get(String key) {
    String v = values.get(key);
    return v == null || v.isEmpty() ? null : v;
  }

  String required(String key) throws ApiError {
    String v = get(key);
    if (v == null) {
      throw ApiError.mandatory(key);
    }
    return v;
  }

  long requiredLong(String key) throws ApiError {
    String v = required(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ApiError(
          400,
          -1100,
          "Illegal characters found in parameter '" + key + "'; legal range is '^[0-9]{1,20}$'.");
    }
  }

  /** The signature parameter, or null. */
  String signature() {
    return signature;
  }

  /** The text the signature is computed over: query string then body, without the signature. */
  String signedText() {
    return signedText;
  }

  private static String decode(String s) throws ApiError {
    try {
      return s.indexOf('%') < 0 && s.indexOf('+') < 0
          ? s
          : URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, -1100, "Illegal characters found in a parameter.");
    }
  }
}
