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

  /** How the body is framed, from the headers: its length, or chunked. */
  private long contentLength;

  private boolean chunked;

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
    r.requestLine(line);
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      r.header(h);
    }
    r.readBody(in);
    return r;
  }

  /** The method, path and query of the request line, and keep-alive by the protocol version. */
  private void requestLine(String line) throws IOException {
    int sp1 = line.indexOf(' ');
    int sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1) {
      throw new IOException("malformed request line");
    }
    method = line.substring(0, sp1);
    String target = line.substring(sp1 + 1, sp2);
    boolean http10 = line.endsWith("HTTP/1.0");
    keepAlive = !http10;
    int q = target.indexOf('?');
    path = q < 0 ? target : target.substring(0, q);
    query = q < 0 ? "" : target.substring(q + 1);
  }

  /** One header line; the ones this server does not use are skipped. */
  private void header(String h) {
    int colon = h.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = h.substring(colon + 1).trim();
    switch (name) {
      case "content-length":
        contentLength = Long.parseLong(value);
        break;
      case "transfer-encoding":
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        break;
      case "x-mbx-apikey":
        apiKey = value;
        break;
      case "connection":
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("close")) {
          keepAlive = false;
        } else if (v.contains("keep-alive")) {
          keepAlive = true;
        }
        if (v.contains("upgrade")) {
          upgrade = true;
        }
        break;
      case "sec-websocket-key":
        wsKey = value;
        break;
      default:
        break;
    }
  }

  /** The body the headers announced, chunked or of a given length; none otherwise. */
  private void readBody(InputStream in) throws IOException {
    if (chunked) {
      body = chunkedBody(in);
    } else if (contentLength > 0) {
      if (contentLength > MAX_BODY) {
        throw new IOException("body too large");
      }
      body = new String(in.readNBytes((int) contentLength), StandardCharsets.UTF_8);
    }
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
