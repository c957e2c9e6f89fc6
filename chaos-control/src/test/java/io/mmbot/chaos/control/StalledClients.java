package io.mmbot.chaos.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw sockets to a control server on loopback that misbehave: they connect and then send part of a
 * request, or nothing, and hold the connection open. Closing this closes them all.
 */
final class StalledClients implements AutoCloseable {

  static final String TOKEN = ChaosControlServerTest.TOKEN;

  private final int port;
  private final List<Socket> sockets = new ArrayList<>();

  StalledClients(int port) {
    this.port = port;
  }

  /** Opens {@code n} connections, each sending {@code prefix} and then nothing more. */
  StalledClients open(int n, String prefix) throws IOException {
    for (int i = 0; i < n; i++) {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      s.setSoTimeout(10_000);
      sockets.add(s);
      if (!prefix.isEmpty()) {
        OutputStream out = s.getOutputStream();
        out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    }
    return this;
  }

  /** Sends one more byte on every connection still open (a slowloris' dribble). */
  void dribble(byte b) {
    for (Socket s : sockets) {
      try {
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
      } catch (IOException e) {
        // the server closed it: that is the point
      }
    }
  }

  List<Socket> sockets() {
    return sockets;
  }

  /** A request head without its blank line: the server waits for more headers. */
  static String unfinishedHead() {
    return "POST /chaos/disable HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  }

  /** An unauthenticated request declaring a 60 KiB body and sending one byte of it. */
  static String unauthenticatedBody() {
    return "POST /chaos/disable HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 61440\r\n\r\n{";
  }

  /** An authenticated request declaring a 60 KiB body and sending one byte of it. */
  static String authenticatedBody(String path) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + TOKEN
        + "\r\nContent-Type: application/json\r\nContent-Length: 61440\r\n\r\n{";
  }

  @Override
  public void close() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    sockets.clear();
  }
}
