package io.mmbot.chaos.exchange.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request as read off a connection: the request line, the few headers the exchange
 * uses and a body sized by {@code Content-Length} or sent chunked.
 */
final class HttpRequest {
  /** Longest request line or header line accepted. */
  static final int MAX_LINE = 16_384;

  /** Largest body accepted. */
  static final int MAX_BODY = 1 << 20;

  String method;
  String path;
  String query;
  String body = "";
  String apiKey;
  boolean keepAlive;
  String wsKey;
  boolean upgrade;

  /** Reads the next request, or returns null when the client closed the connection cleanly. */
  static HttpRequest read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) {
      return null;
    }
    while (line.isEmpty()) {
      line = line(in);
      if (line == null) {
        return null;
      }
    }
    HttpRequest r = new HttpRequest();
    int sp1 = line.indexOf(' ');
    int sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1) {
      throw new IOException("malformed request line");
    }
    r.method = line.substring(0, sp1);
    String target = line.substring(sp1 + 1, sp2);
    boolean http10 = line.endsWith("HTTP/1.0");
    r.keepAlive = !http10;
    int q = target.indexOf('?');
    r.path = q < 0 ? target : target.substring(0, q);
    r.query = q < 0 ? "" : target.substring(q + 1);
    long length = 0;
    boolean chunked = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length":
          length = Long.parseLong(value);
          break;
        case "transfer-encoding":
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          break;
        case "x-mbx-apikey":
          r.apiKey = value;
          break;
        case "connection":
          String v = value.toLowerCase(Locale.ROOT);
          if (v.contains("close")) {
            r.keepAlive = false;
          } else if (v.contains("keep-alive")) {
            r.keepAlive = true;
          }
          if (v.contains("upgrade")) {
            r.upgrade = true;
          }
          break;
        case "sec-websocket-key":
          r.wsKey = value;
          break;
        default:
          break;
      }
    }
    if (chunked) {
      r.body = chunkedBody(in);
    } else if (length > 0) {
      if (length > MAX_BODY) {
        throw new IOException("body too large");
      }
      r.body = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }
    return r;
  }

  private static String chunkedBody(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("truncated chunk");
      }
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
          // trailers are ignored
        }
        return sb.toString();
      }
      if (sb.length() + n > MAX_BODY) {
        throw new IOException("body too large");
      }
      sb.append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
      line(in);
    }
  }

  /** One CRLF-terminated line in ISO-8859-1, or null at end of stream before any byte. */
  static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
          sb.setLength(n - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE) {
        throw new IOException("line too long");
      }
      sb.append((char) c);
    }
    if (sb.length() == 0) {
      return null;
    }
    throw new IOException("truncated line");
  }
}
