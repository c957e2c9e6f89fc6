package io.mmbot.chaos.xchange;

import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a spot exchange's REST API on 127.0.0.1, on a plain socket so that every byte of
 * an answer is the test's: answers a Binance-shaped order book, or a chosen error status with the
 * headers and body of {@link ExchangeAnswers}, or nothing at all (a lost response). Counts the
 * requests it has read in full.
 */
final class LoopbackBinance implements AutoCloseable {

  /** The order book every successful request is answered with. */
  static final String ORDER_BOOK =
      "{\"lastUpdateId\":1027024,\"bids\":[[\"29999.00\",\"1.5\"]],"
          + "\"asks\":[[\"30001.00\",\"2.5\"]]}";

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile long retryAfterSeconds;
  private volatile boolean silent;

  LoopbackBinance() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "loopback-binance");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Requests read in full so far. */
  int requests() {
    return requests.get();
  }

  /** Answer the order book from now on. */
  void answerOk() {
    silent = false;
    status = 200;
  }

  /** Answer {@code status} with the synthetic headers and body from now on. */
  void answerStatus(int status, long retryAfterSeconds) {
    silent = false;
    this.retryAfterSeconds = retryAfterSeconds;
    this.status = status;
  }

  /** Read requests but never answer them from now on. */
  void answerNothing() {
    silent = true;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "loopback-binance-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (readRequest(in)) {
        requests.incrementAndGet();
        if (silent) {
          in.read(); // holds the connection until the client or the test closes it
          return;
        }
        out.write(answer().getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private String answer() {
    int st = status;
    String body;
    StringBuilder head = new StringBuilder();
    if (st == 200) {
      body = ORDER_BOOK;
      head.append("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n");
    } else {
      body = ExchangeAnswers.body(st, retryAfterSeconds);
      head.append("HTTP/1.1 ").append(st).append(' ').append(ExchangeAnswers.reason(st));
      head.append("\r\n");
      ExchangeAnswers.headers(st, retryAfterSeconds)
          .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    }
    head.append("Content-Length: ")
        .append(body.getBytes(StandardCharsets.UTF_8).length)
        .append("\r\n\r\n");
    return head + body;
  }

  /** Reads one request (head and body); false at the end of the stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    int contentLength = 0;
    boolean first = true;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return false;
      }
      if (line.isEmpty()) {
        if (first) {
          continue;
        }
        break;
      }
      first = false;
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Integer.parseInt(lower.substring("content-length:".length()).trim());
      }
    }
    for (int i = 0; i < contentLength; i++) {
      if (in.read() < 0) {
        return false;
      }
    }
    return true;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(c);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
