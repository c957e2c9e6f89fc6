package io.mmbot.chaos.examples.exchange.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.WsRules;
import io.mmbot.chaos.exchange.model.LatencyModel;
import io.mmbot.chaos.exchange.model.SimMarket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The exchange side of the loopback exchange: a REST server ({@link HttpServer}) and a WebSocket
 * server ({@link WsServer}), both bound to 127.0.0.1 on ephemeral ports, serving the same {@link
 * ExchangeRules} and {@link WsRules} as the simulation, on the same {@link SimMarket} stepped every
 * {@value SimMarket#STEP_MS} ms of real time. Server time is the machine's wall clock.
 *
 * <p>Distance: a REST request is held for half of a {@link LatencyModel} round trip before the
 * rules see it and for the other half before it is answered, so that a tick's timing means what it
 * means on the simulated exchange (the bot's give-up and deadline are calibrated for a WAN round
 * trip of about 175 ms, not for a loopback one of a fraction of a millisecond).
 *
 * <p>Faults are not applied here: they come from the library's hooks on the bot's side. The
 * WebSocket has two endpoints (one per host name) and follows {@link WsRules}, including its
 * failover rule: a connection lost without a close frame (as {@code ChaosWebSocket} aborts one on
 * WS_DISCONNECT) takes its endpoint down for a while, as on the simulated exchange but {@value
 * #OUTAGE_COMPRESSION} times shorter, with the bursts. With distance emulated, the WebSocket
 * opening handshake also takes a round trip.
 */
public final class LoopbackServer implements AutoCloseable {

  /**
   * The failover outage of {@link WsRules} is compressed by this factor, as the loopback suite
   * compresses the bursts (3 s on / 9 s off instead of 30 s / 90 s), so that an outage takes the
   * same share of a burst: 150–500 ms.
   */
  public static final long OUTAGE_COMPRESSION = 10;

  private final Object lock = new Object();
  private final ExchangeRules rules = new ExchangeRules();
  private final WsRules wsRules = new WsRules();
  private final SimMarket market;
  private final LatencyModel latency;
  private final boolean emulateDistance;
  private final HttpServer http;
  private final ExecutorService httpPool;
  private final WsServer[] ws = new WsServer[2];
  private final long[] outageUntilMs = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final SplittableRandom outages;
  private final ScheduledExecutorService marketThread;
  private final Map<WsServer.Conn, WsRules.Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger wsOpened = new AtomicInteger();
  private long sequence;
  private volatile boolean closed;

  private LoopbackServer(long seed, boolean emulateDistance) throws IOException {
    SplittableRandom root = new SplittableRandom(seed);
    this.latency = new LatencyModel(root.split());
    this.market = new SimMarket(root.split());
    this.outages = root.split();
    this.emulateDistance = emulateDistance;
    rules.top(market.bid(), market.ask());
    this.httpPool = Executors.newFixedThreadPool(12, daemons("loopback-http"));
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.createContext("/api/v3/", this::handle);
    http.setExecutor(httpPool);
    for (int i = 0; i < ws.length; i++) {
      ws[i] = WsServer.start(new WsHandler(i));
    }
    this.marketThread = Executors.newSingleThreadScheduledExecutor(daemons("loopback-market"));
  }

  /**
   * Starts both servers and the market, seeded with {@code seed}; with {@code emulateDistance} the
   * REST answers take a WAN round trip.
   */
  public static LoopbackServer start(long seed, boolean emulateDistance) throws IOException {
    LoopbackServer s = new LoopbackServer(seed, emulateDistance);
    try {
      s.http.start();
      s.marketThread.scheduleAtFixedRate(
          s::marketStep, SimMarket.STEP_MS, SimMarket.STEP_MS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** The REST server's address (127.0.0.1 and its port). */
  public InetSocketAddress httpAddress() {
    return http.getAddress();
  }

  /**
   * The address (127.0.0.1 and its port) of the WebSocket endpoint of the primary host ({@code
   * secondary} false) or the secondary one: two endpoints, so that one can fail over while the
   * other serves.
   */
  public InetSocketAddress wsAddress(boolean secondary) {
    return ws[secondary ? 1 : 0].address();
  }

  /** Reads the rules under the server's lock (for the suite's invariants). */
  public <T> T read(Function<ExchangeRules, T> f) {
    synchronized (lock) {
      return f.apply(rules);
    }
  }

  /** WebSocket connections opened so far. */
  public int wsOpened() {
    return wsOpened.get();
  }

  /** WebSocket lockouts for too many connection attempts. */
  public long wsLockouts() {
    synchronized (lock) {
      return wsRules.lockouts();
    }
  }

  /** Stops the market, both servers and their threads; idempotent. */
  @Override
  public void close() {
    closed = true;
    marketThread.shutdownNow();
    http.stop(0);
    for (WsServer w : ws) {
      if (w != null) {
        w.close();
      }
    }
    httpPool.shutdownNow();
  }

  // ---------------------------------------------------------------- REST

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Endpoint e = endpoint(ex.getRequestMethod(), ex.getRequestURI().getPath());
      if (e == null) {
        send(ex, 404, "{\"code\":-1100,\"msg\":\"unknown endpoint\"}", null);
        return;
      }
      RestCall c;
      try {
        c = Wire.request(e, ex.getRequestURI().getRawQuery());
      } catch (RuntimeException bad) {
        send(ex, 400, "{\"code\":-1102,\"msg\":\"bad parameters\"}", null);
        return;
      }
      long rtt = emulateDistance ? roundTrip(e) : 0;
      pause(rtt / 2);
      synchronized (lock) {
        rules.handle(c, System.currentTimeMillis());
      }
      pause(rtt - rtt / 2);
      send(ex, c.httpStatus(), Wire.body(c), c);
    }
  }

  private long roundTrip(Endpoint e) {
    synchronized (latency) {
      return latency.restRoundTripNanos(e);
    }
  }

  private static void pause(long nanos) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body, RestCall c)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    if (c != null) {
      ex.getResponseHeaders().set(Wire.USED_WEIGHT, Integer.toString(c.usedWeight()));
      if (c.retryAfterSec() > 0) {
        ex.getResponseHeaders().set(Wire.RETRY_AFTER, Long.toString(c.retryAfterSec()));
      }
    }
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static Endpoint endpoint(String method, String path) {
    for (Endpoint e : Endpoint.values()) {
      if (e.method().equals(method) && e.path().equals(path)) {
        return e;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- market and WebSocket

  private void marketStep() {
    if (closed) {
      return;
    }
    List<String> toAll = new ArrayList<>(4);
    List<WsServer.Conn> toClose = new ArrayList<>(1);
    List<WsServer.Conn> toPing = new ArrayList<>(1);
    synchronized (lock) {
      long ms = System.currentTimeMillis();
      market.step();
      rules.top(market.bid(), market.ask());
      rules.trade(market.lastTrade(), ms, (OrderView f) -> toAll.add(Wire.execution(f)));
      for (Map.Entry<WsServer.Conn, WsRules.Session> s : sessions.entrySet()) {
        switch (s.getValue().check(ms)) {
          case PING:
            toPing.add(s.getKey());
            break;
          case EXPIRED:
          case PONG_MISSING:
            toClose.add(s.getKey());
            break;
          default:
            break;
        }
      }
      toAll.add(Wire.bookTicker(market.bid(), market.ask(), ms, ++sequence));
    }
    for (WsServer.Conn c : toClose) {
      sessions.remove(c);
      c.close(1000, "connection lifetime or keep-alive rule");
    }
    for (WsServer.Conn c : toPing) {
      c.ping();
    }
    for (WsServer.Conn c : sessions.keySet()) {
      for (String m : toAll) {
        c.sendText(m);
      }
    }
  }

  private final class WsHandler implements WsServer.Handler {
    private final int endpoint;

    WsHandler(int endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public boolean admit() {
      // The opening handshake takes a round trip too, as on the simulated exchange.
      long rtt = emulateDistance ? roundTrip(Endpoint.SERVER_TIME) : 0;
      pause(rtt / 2);
      boolean admitted;
      synchronized (lock) {
        long ms = System.currentTimeMillis();
        admitted = wsRules.admit(ms, ms < outageUntilMs[endpoint]);
      }
      pause(rtt - rtt / 2);
      return admitted;
    }

    @Override
    public void opened(WsServer.Conn c) {
      wsOpened.incrementAndGet();
      sessions.put(c, new WsRules.Session(System.currentTimeMillis()));
    }

    @Override
    public void pong(WsServer.Conn c) {
      WsRules.Session s = sessions.get(c);
      if (s != null) {
        synchronized (lock) {
          s.pong();
        }
      }
    }

    @Override
    public void closed(WsServer.Conn c, boolean abnormal) {
      sessions.remove(c);
      if (abnormal && !closed) {
        synchronized (lock) {
          long span = WsRules.MAX_OUTAGE_MS - WsRules.MIN_OUTAGE_MS;
          long outage =
              (WsRules.MIN_OUTAGE_MS + (long) (outages.nextDouble() * span)) / OUTAGE_COMPRESSION;
          outageUntilMs[endpoint] = System.currentTimeMillis() + outage;
        }
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
