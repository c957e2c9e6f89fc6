package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.exchange.WsRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One WebSocket connection (RFC 6455, server side): its streams, its keep-alive state under {@link
 * WsRules}, and a sender that keeps messages in order while WS_LAG holds some back (a lagged
 * message delays the ones behind it, as on a real connection).
 */
final class StreamSession {
  private static final byte[] NO_BYTES = new byte[0];

  final Socket socket;
  final Set<String> streams = ConcurrentHashMap.newKeySet();
  final boolean combined;
  final String listenKey;
  final WsRules.Session keepAlive;
  long lastDisconnectCheckNanos;
  private final OutputStream out;
  private final LinkedBlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
  private long lastDueNanos;
  private volatile boolean ended;
  private final Observing observing;
  private final long id;

  StreamSession(
      Socket socket,
      boolean combined,
      String listenKey,
      long openedAtMs,
      Observing observing,
      long id)
      throws IOException {
    this.observing = observing;
    this.id = id;
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.combined = combined;
    this.listenKey = listenKey;
    this.keepAlive = new WsRules.Session(openedAtMs);
    this.lastDisconnectCheckNanos = System.nanoTime();
  }

  boolean ended() {
    return ended;
  }

  /**
   * Queues a text message for {@code stream}, held back {@code lagMs} (and behind earlier ones).
   */
  void send(String stream, String json, long lagMs) {
    String text = combined ? "{\"stream\":\"" + stream + "\",\"data\":" + json + "}" : json;
    long due = System.nanoTime() + lagMs * 1_000_000L;
    synchronized (this) {
      due = Math.max(due, lastDueNanos);
      lastDueNanos = due;
    }
    Object seen = null;
    if (observing != null) {
      if (stream.equals(listenKey)) {
        seen = Observing.executionClientId(json);
      } else {
        seen = StreamObservation.Kind.MARKET_DATA;
      }
    }
    queue.add(new Object[] {due, text.getBytes(StandardCharsets.UTF_8), seen});
  }

  /** Sends queued messages when due, until the session ends. Runs on a thread of its own. */
  void senderLoop() {
    try {
      while (!ended) {
        Object[] m = queue.take();
        long wait = (Long) m[0] - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
        frame(0x1, (byte[]) m[1]);
        if (m[2] instanceof String cid) {
          observing.stream(id, StreamObservation.Kind.EXECUTION, cid);
        } else if (m[2] != null) {
          observing.stream(id, StreamObservation.Kind.MARKET_DATA, null);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      end();
    }
  }

  void ping() throws IOException {
    frame(0x9, NO_BYTES);
  }

  /** A close frame with {@code code}, then the end of the connection. */
  void closeNormally(int code, String reason) {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + r.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(r, 0, payload, 2, r.length);
    try {
      frame(0x8, payload);
    } catch (IOException e) {
      // the peer is gone already
    }
    end();
  }

  /** Ends the connection without a close frame (a TCP reset): what the client sees as abnormal. */
  void abort() {
    ended = true;
    Connections.reset(socket);
    if (observing != null) {
      observing.stream(id, StreamObservation.Kind.ABNORMAL_CLOSE, null);
    }
  }

  /** This connection's number on its server. */
  long id() {
    return id;
  }

  void end() {
    ended = true;
    Connections.quietClose(socket);
  }

  synchronized void frame(int opcode, byte[] payload) throws IOException {
    int n = payload.length;
    byte[] head;
    if (n < 126) {
      head = new byte[] {(byte) (0x80 | opcode), (byte) n};
    } else if (n < 65_536) {
      head = new byte[] {(byte) (0x80 | opcode), 126, (byte) (n >> 8), (byte) n};
    } else {
      head = new byte[10];
      head[0] = (byte) (0x80 | opcode);
      head[1] = 127;
      for (int i = 0; i < 8; i++) {
        head[9 - i] = (byte) ((long) n >> (8 * i));
      }
    }
    out.write(head);
    out.write(payload);
    out.flush();
  }

  /**
   * Reads one client frame: returns its opcode and fills {@code payload[0]}; -1 at end of stream.
   * Client frames must be masked.
   */
  static int readFrame(InputStream in, byte[][] payload) throws IOException {
    int b0 = in.read();
    int b1 = in.read();
    if (b0 < 0 || b1 < 0) {
      return -1;
    }
    long len = b1 & 0x7f;
    if (len == 126) {
      len = (in.read() << 8) | in.read();
    } else if (len == 127) {
      len = 0;
      for (int i = 0; i < 8; i++) {
        len = (len << 8) | in.read();
      }
    }
    if (len > HttpRequest.MAX_BODY || len < 0) {
      throw new IOException("frame too large");
    }
    byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
    byte[] data = in.readNBytes((int) len);
    if (data.length != len) {
      return -1;
    }
    if (mask != null) {
      for (int i = 0; i < data.length; i++) {
        data[i] ^= mask[i & 3];
      }
    }
    payload[0] = data;
    return b0 & 0x0f;
  }
}
