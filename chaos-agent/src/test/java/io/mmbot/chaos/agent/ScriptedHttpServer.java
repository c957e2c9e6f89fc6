package io.mmbot.chaos.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 that answers each request as it is told, to give a client the
 * real form of each fault: a normal answer, a given status with headers and body, silence (the
 * request is read, no answer ever comes) or a reset before any answer. Counts the requests it read
 * in full.
 */
final class ScriptedHttpServer implements AutoCloseable {

  /** The body of a normal answer. */
  static final String BODY = "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}";

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String answer;
  private volatile boolean silent;
  private volatile boolean reset;

  ScriptedHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    answerNormally();
    threads.execute(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int requests() {
    return requests.get();
  }

  void answerNormally() {
    answer(200, "OK", "", BODY);
  }

  /** Answers {@code status reason}, with {@code headers} (each line ending in CRLF) and body. */
  void answer(int status, String reason, String headers, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    answer =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + headers
            + "Content-Type: application/json;charset=UTF-8\r\nContent-Length: "
            + b.length
            + "\r\nConnection: close\r\n\r\n"
            + body;
    silent = false;
    reset = false;
  }

  /** Reads each request and never answers. */
  void keepSilent() {
    silent = true;
    reset = false;
  }

  /** Reads each request and resets the connection. */
  void resetEach() {
    silent = false;
    reset = true;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(20_000);
      InputStream in = s.getInputStream();
      int length = readHead(in);
      if (length < 0) {
        return;
      }
      in.readNBytes(length);
      requests.incrementAndGet();
      if (reset) {
        s.setSoLinger(true, 0);
        return;
      }
      if (silent) {
        in.read(); // until the client gives up
        return;
      }
      OutputStream out = s.getOutputStream();
      out.write(answer.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static int readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int c;
    while ((c = in.read()) != -1) {
      head.write(c);
      last4 = (last4 << 8) | c;
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    if (c == -1) {
      return -1;
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return length;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
