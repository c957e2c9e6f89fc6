package io.mmbot.chaos.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 that breaks the connection for real after it has read a whole
 * request (headers and {@code Content-Length} body), so that a test can compare what a client
 * raises for a real cut with what an injected one gives. It counts the requests it read.
 *
 * <ul>
 *   <li>{@link Mode#ANSWER}: a normal {@code 200} answer with {@link #BODY}, then the connection
 *       closes.
 *   <li>{@link Mode#CUT_BODY}: the status line, the headers with the full {@code Content-Length},
 *       half of {@link #BODY}, then the connection closes.
 *   <li>{@link Mode#RESET}: no byte of an answer; the connection is reset (TCP RST).
 * </ul>
 */
public final class CuttingServer implements AutoCloseable {

  /** The answer's body: an order as a spot exchange reports it, 100-odd bytes of JSON. */
  public static final String BODY =
      "{\"symbol\":\"BTCUSDT\",\"orderId\":12345,\"clientOrderId\":\"mm-1\","
          + "\"transactTime\":1700000000000,\"status\":\"NEW\"}";

  /** What the server does with each request. */
  public enum Mode {
    /** Answer normally. */
    ANSWER,
    /** Send the headers and half of the body, then close. */
    CUT_BODY,
    /** Reset the connection instead of answering. */
    RESET
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Mode mode;

  /** Starts on a free port of 127.0.0.1. */
  public CuttingServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::accept);
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** Changes what the next requests meet. */
  public void mode(Mode next) {
    this.mode = next;
  }

  /** Requests read in full so far. */
  public int requests() {
    return requests.get();
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
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      int length = readHead(in);
      if (length < 0) {
        return;
      }
      in.readNBytes(length);
      requests.incrementAndGet();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n";
      OutputStream out = s.getOutputStream();
      switch (mode) {
        case RESET:
          s.setSoLinger(true, 0);
          return;
        case CUT_BODY:
          out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(body, 0, body.length / 2);
          out.flush();
          s.shutdownOutput();
          in.read(); // until the client gives up the connection
          return;
        default:
          out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(body);
          out.flush();
      }
    } catch (SocketException e) {
      // the client went away
    } catch (IOException e) {
      // the same
    }
  }

  /** Reads the request head; its Content-Length, or -1 when the connection ended first. */
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
  }
}
