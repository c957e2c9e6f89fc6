package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.WsRules;
import io.mmbot.chaos.exchange.model.LatencyModel;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.HttpFault;
import io.mmbot.chaos.ws.ChaosWebSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The loopback exchange as the bot's connector sees it: Binance's Spot wire, REST and streams, to
 * an {@link ExchangeServer} on 127.0.0.1, in real time, with every fault applied by the library's
 * public adapters exactly as in a user's connector, all wired by {@link ConnectorChaos}: REST
 * through {@link ChaosHttpClient} around the JDK's {@link HttpClient}, market and user data through
 * {@link ChaosWebSocket} around the JDK's WebSocket, and the host names {@value #PRIMARY_HOST} and
 * {@value #SECONDARY_HOST} through a resolver that knows only those two names and answers 127.0.0.1
 * (the bot takes its resolver, clock and order view from the same {@link ConnectorChaos}, as on the
 * simulated exchange). The server applies no fault.
 *
 * <p>The wire ({@link BinanceWire}): signed requests (HMAC-SHA256 of the query string in {@code
 * signature}, the key in {@code X-MBX-APIKEY}, {@code timestamp} and {@code recvWindow} from the
 * bot's own clock), Binance's JSON answers and {@code {"code":…,"msg":…}} errors read back into the
 * call, and one combined stream ({@code /stream?streams=btcusdt@bookTicker/<listenKey>}) for the
 * book ticker and the user data stream's fills, on a listen key taken when the connector starts.
 * Binance states the server's time only in some answers ({@code transactTime}, {@code serverTime}):
 * the exchange runs on this machine's clock, so for the other successful answers the connector
 * reports the middle of the request's round trip, where the exchange executed it (the emulated
 * distance holds both halves alike); an error answer states no time (0), so a synthetic 429 or 5xx
 * of the adapters is never read as the server's clock or weight.
 *
 * <p>Distance ({@link Distance}, {@link DistantHttpClient}, under the adapters as a WAN would be):
 * a REST request is held for half of a {@link LatencyModel} round trip before it leaves and its
 * answer for the other half after it arrived, so that a tick's timing means what it means on the
 * simulated exchange (the bot's give-up and deadline are calibrated for a WAN round trip of about
 * 175 ms, not for a loopback one of a fraction of a millisecond); the WebSocket opening handshake
 * takes a round trip too. Two endpoints: both host names reach the one stream port, and the
 * failover rule of {@link WsRules} holds on the route to each: a connection lost without a close
 * frame (as {@code ChaosWebSocket} aborts one on WS_DISCONNECT) takes its host's route down for a
 * while, as on the simulated exchange but {@value #OUTAGE_COMPRESSION} times shorter, with the
 * bursts; a connection attempt to a host whose route is down is refused.
 *
 * <p>Threading: the bot's thread calls every method; the JDK's threads only put completions and
 * WebSocket events into the inbox of a {@link BotThreadLoop} that {@link #execute} and {@link
 * #idleUntil} drain on the bot's thread, so the bot needs no locks, as on the simulated exchange.
 *
 * <p>A REST call ends in {@link RestCall.Failure#CONNECTION} on an {@link IOException} before an
 * answer (a lost connection, NET_LOSS before sending), {@link RestCall.Failure#TIMEOUT} on an
 * {@link HttpTimeoutException}, on an answer cut on its way, or when the caller's give-up time
 * passes (the request is then cancelled).
 */
public final class LoopbackExchange implements Exchange {

  /** Primary host name. */
  public static final String PRIMARY_HOST = "exchange.loopback";

  /** Secondary host name. */
  public static final String SECONDARY_HOST = "exchange2.loopback";

  /**
   * The failover outage of {@link WsRules} is compressed by this factor, as the loopback suite
   * compresses the bursts (3 s on / 9 s off instead of 30 s / 90 s), so that an outage takes the
   * same share of a burst: 150–500 ms.
   */
  public static final long OUTAGE_COMPRESSION = 10;

  private static final long MS = 1_000_000L;

  private final ExchangeServer server; // null when the exchange runs in another process
  private final ExchangeAccess access;
  private final LongSupplier time;
  private final ExecutorService pool;
  private final Distance distance;
  private final RestLink rest;
  private final HttpClient jdk;
  private final ChaosHttpClient http;
  private final ChaosWebSocket chaosWs;
  private final HostResolver resolver;
  private final BotThreadLoop loop;
  private final AtomicLong faultBans = new AtomicLong();
  private final AtomicBoolean last418 = new AtomicBoolean();
  private final WsClient wsClient;
  private final String listenKey;
  private long retryAfterUntil = Long.MIN_VALUE;
  private long retryAfterViolations;
  private long restCalls;
  private boolean closed;

  private LoopbackExchange(
      ExchangeServer server,
      ExchangeAccess access,
      ConnectorChaos chaos,
      long seed,
      boolean emulateDistance) {
    this.server = server;
    this.access = access;
    this.time = chaos.nanoClock();
    this.loop = new BotThreadLoop(time);
    this.distance = new Distance(seed, emulateDistance, time);
    this.pool = Executors.newFixedThreadPool(4, r -> daemon(r, "loopback-client"));
    this.jdk =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(pool)
            .build();
    this.http = chaos.http(new DistantHttpClient(jdk, distance), this::onFault);
    this.rest = new RestLink(access, http, distance, time);
    this.chaosWs = chaos.webSocket(pool);
    this.resolver = new LoopbackHosts(PRIMARY_HOST, SECONDARY_HOST);
    this.wsClient = new WsClient(this, jdk, chaosWs);
    try {
      this.listenKey = RestLink.openListenKey(jdk, access);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A real-time nanosecond source that starts at 0 now: build the injector on it, then hand both to
   * {@link ConnectorChaos#of} and that to {@link #connect(ExchangeServer, ConnectorChaos, long,
   * boolean)}.
   */
  public static LongSupplier clockFor() {
    long origin = System.nanoTime();
    return () -> System.nanoTime() - origin;
  }

  /**
   * The bot's side of {@code server}, with the HTTP and WebSocket faults of {@code chaos}, whose
   * time source is made by {@link #clockFor()}; {@code seed} draws the emulated round trips and
   * route outages; with {@code emulateDistance} every round trip takes a WAN's time. Takes a listen
   * key for the user data stream before it returns.
   */
  public static LoopbackExchange connect(
      ExchangeServer server, ConnectorChaos chaos, long seed, boolean emulateDistance) {
    return new LoopbackExchange(
        Objects.requireNonNull(server, "server"),
        ExchangeAccess.of(server),
        Objects.requireNonNull(chaos, "chaos"),
        seed,
        emulateDistance);
  }

  /**
   * The bot's side of an exchange in another process, reached at {@code access}; as {@link
   * #connect(ExchangeServer, ConnectorChaos, long, boolean)} otherwise, except that {@link
   * #ledger()}, {@link #rules()} and {@link #server()} have nothing to show (the exchange's state
   * is not in this process) and {@link #bans418()} counts only the adapters' bans.
   */
  public static LoopbackExchange connect(
      ExchangeAccess access, ConnectorChaos chaos, long seed, boolean emulateDistance) {
    return new LoopbackExchange(
        null,
        Objects.requireNonNull(access, "access"),
        Objects.requireNonNull(chaos, "chaos"),
        seed,
        emulateDistance);
  }

  // ---------------------------------------------------------------- Exchange

  @Override
  public long nanoTime() {
    return time.getAsLong();
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public String primaryHost() {
    return PRIMARY_HOST;
  }

  @Override
  public String secondaryHost() {
    return SECONDARY_HOST;
  }

  @Override
  public HostResolver resolver() {
    return resolver;
  }

  @Override
  public void timer(long atNanos, Runnable task) {
    loop.timer(atNanos, task);
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    long t0 = nanoTime();
    if (t0 < retryAfterUntil) {
      retryAfterViolations += calls.size();
    }
    int n = calls.size();
    int expected = 0;
    int[] done = new int[1];
    List<CompletableFuture<RestLink.Arrival>> futures = new ArrayList<>(n);
    boolean[] finished = new boolean[n];
    for (int i = 0; i < n; i++) {
      RestCall c = calls.get(i);
      if (c.address() == null) {
        c.fail(RestCall.Failure.DNS);
        c.times(t0, t0);
        finished[i] = true;
        futures.add(null);
        continue;
      }
      restCalls++;
      expected++;
      CompletableFuture<RestLink.Arrival> f = rest.send(c, giveUpAtNanos);
      futures.add(f);
      int idx = i;
      f.whenComplete(
          (a, err) ->
              loop.post(
                  () -> {
                    if (!finished[idx] && a != null) {
                      finished[idx] = true;
                      done[0]++;
                      rest.complete(c, a);
                      c.times(t0, nanoTime());
                    }
                  }));
    }
    int sent = expected;
    loop.pump(giveUpAtNanos, () -> done[0] == sent);
    for (int i = 0; i < n; i++) {
      if (!finished[i]) {
        finished[i] = true;
        futures.get(i).cancel(true);
        RestCall c = calls.get(i);
        c.fail(RestCall.Failure.TIMEOUT);
        c.times(t0, Math.max(giveUpAtNanos, t0));
      }
    }
    for (RestCall c : calls) {
      if (c.rateLimited()) {
        retryAfterUntil = Math.max(retryAfterUntil, c.doneAtNanos() + c.retryAfterMs() * MS);
      }
    }
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    Objects.requireNonNull(address, "address");
    // The host name the address was resolved from says which endpoint it is (both are 127.0.0.1).
    boolean secondary = SECONDARY_HOST.equals(address.getHostName());
    URI uri =
        URI.create(
            "ws://"
                + address.getHostAddress()
                + ":"
                + access.wsUri().getPort()
                + BinanceWire.streamPath(listenKey));
    wsClient.connect(uri, secondary, listener);
  }

  @Override
  public void idleUntil(long nanos) {
    loop.pump(nanos, () -> false);
  }

  @Override
  public Ledger ledger() {
    return inProcess().readRules(ExchangeRules::ledger);
  }

  /**
   * {@inheritDoc} The server's threads use them under its lock: read them only after the run, or
   * through {@code server().readRules(…)} while it lasts.
   */
  @Override
  public ExchangeRules rules() {
    return inProcess().readRules(r -> r);
  }

  private ExchangeServer inProcess() {
    if (server == null) {
      throw new IllegalStateException("the exchange runs in another process: ask it over the wire");
    }
    return server;
  }

  /** The exchange this connector talks to; null when it runs in another process. */
  public ExchangeServer server() {
    return server;
  }

  @Override
  public long bans418() {
    return (server == null ? 0 : server.readRules(ExchangeRules::bans)) + faultBans.get();
  }

  @Override
  public long retryAfterViolations() {
    return retryAfterViolations;
  }

  /** REST calls sent so far. */
  public long restCalls() {
    return restCalls;
  }

  /** The listen key of the user data stream this connector reads. */
  public String listenKey() {
    return listenKey;
  }

  /** Closes the connection and the client's threads (not the server); idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    wsClient.close();
    http.close();
    distance.close();
    pool.shutdownNow();
  }

  // ---------------------------------------------------------------- internals

  /** Puts an event for the bot's thread (from any thread). */
  void post(Runnable r) {
    loop.post(r);
  }

  /** The emulated distance to the exchange (round trips, the routes' failover). */
  Distance distance() {
    return distance;
  }

  private void onFault(HttpFault f) {
    boolean is418 = f.status() == 418;
    if (last418.getAndSet(is418) != is418 && is418) {
      faultBans.incrementAndGet();
    }
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
