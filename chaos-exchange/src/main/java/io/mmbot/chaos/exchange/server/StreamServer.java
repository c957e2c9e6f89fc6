package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.WsRules;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance's WebSocket streams on a socket of their own: raw streams at {@code /ws/<stream>},
 * combined ones at {@code /stream?streams=a/b} (wrapped as {@code {"stream":…,"data":…}}), live
 * {@code SUBSCRIBE}/{@code UNSUBSCRIBE}, the market streams {@code btcusdt@bookTicker} and {@code
 * btcusdt@depth<5|10|20>[@100ms]}, and the user data stream of a listen key. The connection limit,
 * ping/pong and the 24 h lifetime are {@link WsRules}'; WS_LAG and WS_DISCONNECT come from the
 * injector.
 */
final class StreamServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");
  private static final Pattern PARAMS = Pattern.compile("\"params\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(-?\\d+|\"[^\"]*\"|null)");

  private final ExchangeCore core;
  private final ChaosInjector injector;
  private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
  // Sessions the exchange aborted: their abnormal close is reported, not a normal one after it.
  private final Set<StreamSession> aborted = ConcurrentHashMap.newKeySet();
  private final Connections connections;
  private long steps;
  private final Observing observing;
  private final java.util.concurrent.atomic.AtomicLong sessionIds =
      new java.util.concurrent.atomic.AtomicLong();

  StreamServer(
      InetAddress bind, int port, ExchangeCore core, ChaosInjector injector, Observing observing)
      throws IOException {
    this.observing = observing;
    this.core = core;
    this.injector = injector;
    core.userEvents(this::userEvent);
    this.connections = new Connections("chaos-exchange-ws", bind, port, this::serve);
  }

  int port() {
    return connections.port();
  }

  private long lag() {
    return injector == null ? 0 : injector.wsLagToAddMs();
  }

  private void userEvent(String json) {
    for (StreamSession s : sessions) {
      if (s.listenKey != null && !s.ended()) {
        s.send(s.listenKey, json, lag());
      }
    }
  }

  /** After a market step: market data, keep-alive, the 24 h limit and WS_DISCONNECT. */
  void afterStep() {
    steps++;
    String ticker;
    String depth5;
    String depth10;
    String depth20;
    synchronized (core.lock) {
      ticker = Book.bookTicker(new Json(160).open(), core, true).close().toString();
      depth5 = Book.depth(core, 5, false);
      depth10 = Book.depth(core, 10, false);
      depth20 = Book.depth(core, 20, false);
    }
    long now = core.wallMs();
    long nanos = System.nanoTime();
    for (StreamSession s : sessions) {
      if (s.ended()) {
        sessions.remove(s);
        continue;
      }
      if (injector != null) {
        long dt = nanos - s.lastDisconnectCheckNanos;
        s.lastDisconnectCheckNanos = nanos;
        if (injector.shouldInjectWsDisconnect(dt)) {
          if (observing != null) {
            aborted.add(s);
          }
          s.abort();
          sessions.remove(s);
          continue;
        }
      }
      WsRules.Verdict v = s.keepAlive.check(now);
      if (v == WsRules.Verdict.PING) {
        try {
          s.ping();
        } catch (IOException e) {
          s.end();
        }
      } else if (v != WsRules.Verdict.OK) {
        s.closeNormally(1000, v == WsRules.Verdict.EXPIRED ? "24h limit" : "pong timeout");
        sessions.remove(s);
        continue;
      }
      for (String stream : s.streams) {
        String json = marketMessage(stream, ticker, depth5, depth10, depth20);
        if (json != null) {
          s.send(stream, json, lag());
        }
      }
    }
  }

  private String marketMessage(String stream, String ticker, String d5, String d10, String d20) {
    String prefix = Amounts.STREAM_SYMBOL + "@";
    if (!stream.startsWith(prefix)) {
      return null;
    }
    String rest = stream.substring(prefix.length());
    if (rest.equals("bookTicker")) {
      return ticker;
    }
    boolean fast = rest.endsWith("@100ms");
    if (!fast && steps % 10 != 0) {
      return null;
    }
    String levels = fast ? rest.substring(0, rest.length() - 6) : rest;
    switch (levels) {
      case "depth5":
        return d5;
      case "depth10":
        return d10;
      case "depth20":
        return d20;
      default:
        return null;
    }
  }

  private static final Set<String> MARKET_STREAMS =
      Set.of(
          "bookTicker",
          "depth5",
          "depth10",
          "depth20",
          "depth5@100ms",
          "depth10@100ms",
          "depth20@100ms");

  private static boolean marketStream(String stream) {
    String prefix = Amounts.STREAM_SYMBOL + "@";
    return stream.startsWith(prefix) && MARKET_STREAMS.contains(stream.substring(prefix.length()));
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
      OutputStream out = socket.getOutputStream();
      HttpRequest r = HttpRequest.read(in);
      if (r == null) {
        return;
      }
      long id = sessionIds.incrementAndGet();
      observe(id, StreamObservation.Kind.ATTEMPT);
      StreamSession session = handshake(socket, out, r, id);
      if (session != null) {
        run(session, in, id);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Checks the upgrade request {@code r} and answers it: 101 and the new session, or a refusal (404
   * for an unknown path, 400 for a bad stream or handshake, 429 over the connection limit) and
   * null.
   */
  private StreamSession handshake(Socket socket, OutputStream out, HttpRequest r, long id)
      throws IOException {
    List<String> streams = requestedStreams(r);
    if (streams == null) {
      refuse(out, 404, "Not Found", id);
      return null;
    }
    boolean combined = r.path.equals("/stream");
    String listenKey = null;
    for (String s : streams) {
      if (!marketStream(s)) {
        if (listenKey == null && core.listenKeyValid(s)) {
          listenKey = s;
        } else {
          refuse(out, 400, "Bad Request", id);
          return null;
        }
      }
    }
    if (r.wsKey == null || !r.upgrade) {
      refuse(out, 400, "Bad Request", id);
      return null;
    }
    boolean admitted;
    long now = core.wallMs();
    synchronized (core.lock) {
      admitted = core.wsRules.admit(now);
    }
    if (!admitted) {
      refuse(out, 429, "Too Many Requests", id);
      return null;
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept(r.wsKey)
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    StreamSession session = new StreamSession(socket, combined, listenKey, now, observing, id);
    observe(id, StreamObservation.Kind.OPEN);
    for (String s : streams) {
      if (!s.equals(listenKey)) {
        session.streams.add(s);
      }
    }
    return session;
  }

  /**
   * The streams a request asks for: the path's parts after {@code /ws/}, or the {@code streams}
   * parameter of {@code /stream}; null for any other path.
   */
  private static List<String> requestedStreams(HttpRequest r) {
    List<String> streams = new ArrayList<>();
    if (r.path.startsWith("/ws/") || r.path.equals("/ws")) {
      String s = r.path.length() > 4 ? r.path.substring(4) : "";
      for (String part : s.split("/")) {
        if (!part.isEmpty()) {
          streams.add(part);
        }
      }
    } else if (r.path.equals("/stream")) {
      for (String kv : r.query.split("&")) {
        if (kv.startsWith("streams=")) {
          String list = URLDecoder.decode(kv.substring(8), StandardCharsets.UTF_8);
          for (String part : list.split("/")) {
            if (!part.isEmpty()) {
              streams.add(part);
            }
          }
        }
      }
    } else {
      return null;
    }
    return streams;
  }

  /** Serves an open session: a sender thread pushes, this thread reads until the session ends. */
  private void run(StreamSession session, InputStream in, long id)
      throws IOException, InterruptedException {
    sessions.add(session);
    Thread sender = new Thread(session::senderLoop, "chaos-exchange-ws-send");
    sender.setDaemon(true);
    sender.start();
    try {
      read(session, in);
    } finally {
      session.end();
      sessions.remove(session);
      sender.interrupt();
      sender.join(2_000);
      if (!aborted.remove(session)) {
        observe(id, StreamObservation.Kind.CLOSE);
      }
    }
  }

  private void read(StreamSession session, InputStream in) throws IOException {
    byte[][] payload = new byte[1][];
    while (!session.ended()) {
      int op = StreamSession.readFrame(in, payload);
      switch (op) {
        case -1:
          return;
        case 0x8:
          session.closeNormally(1000, "");
          return;
        case 0x9:
          session.frame(0xA, payload[0]);
          break;
        case 0xA:
          session.keepAlive.pong();
          break;
        case 0x1:
          control(session, new String(payload[0], StandardCharsets.UTF_8));
          break;
        default:
          break;
      }
    }
  }

  /** Live subscription requests: SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS. */
  private void control(StreamSession s, String text) throws IOException {
    Matcher m = METHOD.matcher(text);
    Matcher id = ID.matcher(text);
    String idJson = id.find() ? id.group(1) : "null";
    if (!m.find()) {
      return;
    }
    List<String> params = new ArrayList<>();
    Matcher p = PARAMS.matcher(text);
    if (p.find()) {
      for (String q : p.group(1).split(",")) {
        String t = q.trim();
        if (t.length() >= 2 && t.startsWith("\"")) {
          params.add(t.substring(1, t.length() - 1));
        }
      }
    }
    String result = "null";
    switch (m.group(1)) {
      case "SUBSCRIBE":
        for (String q : params) {
          if (marketStream(q)) {
            s.streams.add(q);
          }
        }
        break;
      case "UNSUBSCRIBE":
        params.forEach(s.streams::remove);
        break;
      case "LIST_SUBSCRIPTIONS":
        Json j = new Json(128).openArray();
        for (String q : s.streams) {
          j.value(q);
        }
        result = j.closeArray().toString();
        break;
      default:
        return;
    }
    s.frame(
        0x1,
        ("{\"result\":" + result + ",\"id\":" + idJson + "}").getBytes(StandardCharsets.UTF_8));
  }

  private void observe(long session, StreamObservation.Kind kind) {
    if (observing != null) {
      observing.stream(session, kind, null);
    }
  }

  private void refuse(OutputStream out, int status, String reason, long session)
      throws IOException {
    observe(session, StreamObservation.Kind.REFUSED);
    out.write(
        ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder()
          .encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  @Override
  public void close() {
    for (StreamSession s : sessions) {
      s.closeNormally(1001, "server shutting down");
    }
    connections.close();
  }
}
