package io.mmbot.chaos.agent.programs;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An unmodified program that talks to an exchange with a plain {@code HttpURLConnection} (no
 * rescu): {@code GET} reads {@code /api/v3/depth}, {@code POST} places an order on {@code
 * /api/v3/order}. Each prints the status from {@code getResponseCode()} (asked twice), the status
 * line, {@code Retry-After}, the body (through {@code getErrorStream()} for an error status) and
 * the milliseconds the call took, or the exception it ended in.
 */
public final class UrlConnectionProgram {

  private UrlConnectionProgram() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Out.line("READY " + System.getProperty("java.version"));
    for (String cmd = in.readLine(); cmd != null; cmd = in.readLine()) {
      String method = cmd.trim();
      if (method.equals("quit")) {
        Out.line("BYE");
        System.exit(0);
      }
      if (!method.equals("GET") && !method.equals("POST")) {
        Out.line("UNKNOWN " + cmd);
        continue;
      }
      long start = System.nanoTime();
      String result;
      try {
        result = call(base, method);
      } catch (Exception e) {
        result = "FAIL " + Out.describe(e);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      Out.line("R " + method + " " + result + " | ms=" + ms);
    }
    System.exit(0);
  }

  private static String call(String base, String method) throws Exception {
    String path = method.equals("GET") ? "/api/v3/depth?symbol=BTCUSDT" : "/api/v3/order";
    HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    c.setConnectTimeout(2000);
    c.setReadTimeout(1500);
    c.setRequestMethod(method);
    if (method.equals("POST")) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      try (OutputStream out = c.getOutputStream()) {
        out.write("symbol=BTCUSDT&newClientOrderId=mm-1".getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    int again = c.getResponseCode();
    String line = c.getHeaderField(0);
    String retryAfter = c.getHeaderField("Retry-After");
    String body;
    try (InputStream b = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      body = b == null ? "<none>" : new String(b.readAllBytes(), StandardCharsets.UTF_8);
    }
    return status
        + " again="
        + again
        + " line=["
        + line
        + "]"
        + " retry-after="
        + retryAfter
        + " body="
        + body;
  }
}
