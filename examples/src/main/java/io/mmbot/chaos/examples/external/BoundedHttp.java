package io.mmbot.chaos.examples.external;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP request to a bot's endpoints, bounded in time: the connection must open within the
 * timeout, no read of the answer waits longer than the timeout, and reading stops with a {@link
 * SocketTimeoutException} once the timeout has passed since the start, so a server that trickles
 * its answer holds a call for at most about twice the timeout. Each request has its own connection,
 * closed after it. Bodies beyond {@link #MAX_BODY} bytes are refused. No proxy is used, whatever
 * the JVM's settings say: every request goes to a loopback port.
 */
final class BoundedHttp {

  /** The largest answer read: a metrics page of a few thousand series is far below. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  private BoundedHttp() {}

  /** An HTTP answer: status and body (the error body for a status of 400 and above). */
  record Response(int status, String body) {}

  /** {@code GET uri}. */
  static Response get(URI uri, String bearer, Duration timeout) throws IOException {
    return send("GET", uri, bearer, null, timeout);
  }

  /** {@code POST uri} with {@code json} (none if null). */
  static Response post(URI uri, String bearer, String json, Duration timeout) throws IOException {
    return send("POST", uri, bearer, json, timeout);
  }

  private static Response send(String method, URI uri, String bearer, String json, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
    try {
      c.setRequestMethod(method);
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setConnectTimeout(millisLeft(deadline));
      c.setReadTimeout(millisLeft(deadline));
      if (bearer != null) {
        c.setRequestProperty("Authorization", "Bearer " + bearer);
      }
      if (json != null) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      } else if (method.equals("POST")) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(0);
        c.getOutputStream().close();
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String body = in == null ? "" : read(in, deadline, uri);
      return new Response(status, body);
    } finally {
      c.disconnect();
    }
  }

  private static String read(InputStream in, long deadline, URI uri) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BODY) {
          throw new IOException(uri + " answered more than " + MAX_BODY + " bytes");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new SocketTimeoutException(uri + " did not finish its answer in time");
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** What is left until {@code deadline}, in whole milliseconds, at least 1 (0 means forever). */
  private static int millisLeft(long deadline) {
    long left = (deadline - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }
}
