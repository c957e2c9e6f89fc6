package io.mmbot.chaos.examples.exchange.loopback;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small RFC 6455 WebSocket server on 127.0.0.1: the opening handshake ({@code
 * Sec-WebSocket-Accept} from SHA-1 and Base64), unfragmented text frames from the server, masked
 * frames from the client (text and binary are read and ignored), ping/pong and the closing
 * handshake. One accept thread and one reader thread per connection, all daemons; {@link #close}
 * closes the listening socket and every connection.
 *
 * <p>Thread safety: sends on one {@link Conn} are serialised; the {@link Handler} is called from
 * the accept and reader threads and must be safe for concurrent use.
 */
final class WsServer implements AutoCloseable {

  /** What the server asks its owner. */
  interface Handler {
    /** Whether a new connection is admitted; a refused one is answered HTTP 429. */
    boolean admit();

    /** A connection completed its handshake. */
    void opened(Conn c);

    /** A pong arrived on {@code c}. */
    void pong(Conn c);

    /**
     * {@code c} ended: {@code abnormal} when the connection was lost without a close frame from the
     * client (end of stream or error), false after a closing handshake or a close by the server.
     */
    void closed(Conn c, boolean abnormal);
  }

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_FRAME = 1 << 16;
  private static final int OP_TEXT = 0x1;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;
  private static final int OP_PONG = 0xA;

  private final ServerSocket listener;
  private final Handler handler;
  private final Set<Conn> conns = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  private WsServer(Handler handler) throws IOException {
    this.handler = handler;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::acceptLoop, "loopback-ws-accept");
    acceptor.setDaemon(true);
  }

  /** Binds 127.0.0.1 on an ephemeral port and starts accepting. */
  static WsServer start(Handler handler) throws IOException {
    WsServer s = new WsServer(handler);
    s.acceptor.start();
    return s;
  }

  /** The bound address. */
  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Conn c : conns) {
      c.drop();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      Conn c = new Conn(s, ids.incrementAndGet());
      Thread t = new Thread(c::serve, "loopback-ws-" + c.id);
      t.setDaemon(true);
      t.start();
    }
  }

  /** The value of {@code Sec-WebSocket-Accept} for a client's {@code Sec-WebSocket-Key}. */
  static String acceptKey(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] d = sha1.digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JDK", e);
    }
  }

  /** One server-side connection. */
  final class Conn {
    final int id;
    private final Socket socket;
    private OutputStream out;
    private volatile boolean open;
    private volatile boolean clean;

    Conn(Socket socket, int id) {
      this.socket = socket;
      this.id = id;
    }

    /** Whether the handshake completed and the connection has not ended. */
    boolean isOpen() {
      return open;
    }

    /** Sends a text frame; a failed send ends the connection. */
    void sendText(String text) {
      send(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a ping frame. */
    void ping() {
      send(OP_PING, new byte[0]);
    }

    /** Sends a close frame with {@code code} and ends the connection. */
    void close(int code, String reason) {
      byte[] r = reason.getBytes(StandardCharsets.UTF_8);
      byte[] p = new byte[2 + Math.min(r.length, 120)];
      p[0] = (byte) (code >> 8);
      p[1] = (byte) code;
      System.arraycopy(r, 0, p, 2, p.length - 2);
      send(OP_CLOSE, p);
      clean = true;
      drop();
    }

    private synchronized void send(int opcode, byte[] payload) {
      if (!open) {
        return;
      }
      try {
        int n = payload.length;
        ByteArrayOutputStream f = new ByteArrayOutputStream(n + 10);
        f.write(0x80 | opcode);
        if (n < 126) {
          f.write(n);
        } else {
          f.write(126);
          f.write(n >> 8);
          f.write(n);
        }
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
      } catch (IOException e) {
        drop();
      }
    }

    private void drop() {
      boolean was = open;
      open = false;
      try {
        socket.close();
      } catch (IOException e) {
        // gone anyway
      }
      if (conns.remove(this) && was) {
        handler.closed(this, !clean);
      }
    }

    private void serve() {
      try {
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
        if (!handshake(in)) {
          socket.close();
          return;
        }
        conns.add(this);
        open = true;
        if (closed) {
          drop();
          return;
        }
        handler.opened(this);
        while (open && readFrame(in)) {
          // next frame
        }
      } catch (IOException e) {
        // connection lost
      } finally {
        drop();
      }
    }

    private boolean handshake(DataInputStream in) throws IOException {
      String line = readLine(in);
      String key = null;
      boolean upgrade = false;
      for (int lines = 0; lines < 100; lines++) {
        String h = readLine(in);
        if (h.isEmpty()) {
          break;
        }
        int colon = h.indexOf(':');
        if (colon > 0) {
          String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = h.substring(colon + 1).trim();
          if (name.equals("sec-websocket-key")) {
            key = value;
          } else if (name.equals("upgrade")) {
            upgrade = value.equalsIgnoreCase("websocket");
          }
        }
      }
      if (!line.startsWith("GET ") || key == null || !upgrade) {
        write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return false;
      }
      if (closed || !handler.admit()) {
        write("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return false;
      }
      write(
          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Accept: "
              + acceptKey(key)
              + "\r\n\r\n");
      return true;
    }

    private void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Reads one frame and acts on it; false when the connection is to end. */
    private boolean readFrame(DataInputStream in) throws IOException {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      int opcode = b0 & 0x0F;
      boolean masked = (b1 & 0x80) != 0;
      long len = b1 & 0x7F;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = in.readLong();
      }
      if (!masked || len > MAX_FRAME) {
        close(1002, "protocol error");
        return false;
      }
      byte[] mask = new byte[4];
      in.readFully(mask);
      byte[] payload = new byte[(int) len];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
      switch (opcode) {
        case OP_CLOSE:
          clean = true;
          close(1000, "");
          return false;
        case OP_PING:
          send(OP_PONG, payload);
          return true;
        case OP_PONG:
          handler.pong(this);
          return true;
        default:
          return true; // text, binary and continuation frames carry nothing the server needs
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8192; i++) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("end of stream in the handshake");
      }
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    throw new IOException("handshake line too long");
  }
}
