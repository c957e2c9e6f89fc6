package io.mmbot.chaos.examples.binance;

import com.binance.connector.client.impl.SpotClientImpl;
import io.mmbot.chaos.time.ChaosClock;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Binance example bot: {@code java [-javaagent:mm-chaos-agent.jar=config=FILE] -jar
 * mm-binance-bot.jar --rest-url … --ws-url … --api-key … --api-secret … --metrics-port N
 * [--control-port N --control-token T] [--run-dir DIR] [--config FILE] [--naive]} (see {@link
 * BotArgs}). It prints one line on standard output once its metrics endpoint serves, ticks every
 * {@value MarketMaker#TICK_INTERVAL_MS} ms until SIGTERM, then stops ticking, cancels its open
 * orders (bounded to about a second), closes its streams and endpoints and exits. Exit status 2 on
 * bad arguments.
 */
public final class BinanceBotMain {

  private static final String SYMBOL = "BTCUSDT";
  private static final java.util.regex.Pattern IP_LITERAL =
      java.util.regex.Pattern.compile("[0-9.]+");

  private BinanceBotMain() {}

  /**
   * A client that reaches the exchange at the address its name has now, at start-up (before any
   * chaos), for the calls whose lookup of the name fails later; null when the URL already holds an
   * address or the name does not resolve now.
   */
  static SpotClientImpl startUpAddressClient(String restUrl, String key, String secret) {
    URI uri = URI.create(restUrl);
    String host = uri.getHost();
    if (host == null || IP_LITERAL.matcher(host).matches() || host.startsWith("[")) {
      return null;
    }
    try {
      InetAddress a = InetAddress.getByName(host);
      String literal =
          a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
      String base =
          uri.getScheme() + "://" + literal + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return new SpotClientImpl(key, secret, base + (uri.getPath() == null ? "" : uri.getPath()));
    } catch (UnknownHostException e) {
      System.err.println("mm-binance-bot: " + host + " does not resolve now; no fallback address");
      return null;
    }
  }

  /** Runs the bot. */
  public static void main(String[] argv) throws IOException, InterruptedException {
    BotArgs args;
    try {
      args = BotArgs.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("mm-binance-bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    run(args, System.out);
    new CountDownLatch(1).await(); // ticks run on their own thread until SIGTERM
  }

  private static void run(BotArgs args, PrintStream out) throws IOException {
    LongSupplier nanoClock = System::nanoTime;
    Random random = new Random();
    ChaosWiring wiring = ChaosWiring.start(args);
    BotMetrics metrics = new BotMetrics(wiring.injector(), MarketMaker.TICK_DEADLINE_MS);
    RateLimitGate gate = new RateLimitGate(nanoClock);
    ConnectorHttp.install(
        args.naive() ? null : new RetryAfterTap(gate),
        Duration.ofSeconds(5),
        wiring.underAgent() ? null : wiring.injector());

    SpotClientImpl client = new SpotClientImpl(args.apiKey(), args.apiSecret(), args.restUrl());
    Clock clock = ChaosClock.wrap(Clock.systemUTC(), wiring.injector());
    ExecutorService workers =
        args.naive() ? null : Executors.newCachedThreadPool(daemons("mm-binance-bot-rest"));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(daemons("mm-binance-bot-tick"));
    ScheduledExecutorService reconnects =
        Executors.newSingleThreadScheduledExecutor(daemons("mm-binance-bot-ws"));
    SpotClientImpl fallback =
        args.naive() ? null : startUpAddressClient(args.restUrl(), args.apiKey(), args.apiSecret());
    ExchangeCalls calls = new ExchangeCalls(client, fallback, SYMBOL, clock, workers, nanoClock);
    MarketFeed feed =
        new MarketFeed(
            args.wsUrl(), SYMBOL, args.naive(), metrics.chaos(), reconnects, nanoClock, random);
    UserStream users = args.naive() ? null : new UserStream();
    OrderTracker tracker =
        new OrderTracker("bb" + Long.toString(random.nextInt(1 << 30), 36) + "-");
    MarketMaker maker =
        new MarketMaker(
            calls,
            feed,
            users,
            tracker,
            metrics,
            wiring,
            gate,
            new Backoff(100, 1_000, nanoClock, random),
            args.naive(),
            nanoClock);

    warmUp(client, args.naive(), gate, users, feed);
    MetricsHttpEndpoint endpoint = serveMetrics(args.metricsPort(), metrics);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> stop(ticker, reconnects, workers, maker, feed, endpoint, wiring, metrics),
                "mm-binance-bot-stop"));
    feed.start();
    ticker.scheduleAtFixedRate(maker::tick, 0, MarketMaker.TICK_INTERVAL_MS, TimeUnit.MILLISECONDS);
    out.println(readyLine(args.naive(), endpoint.port(), wiring));
    out.flush();
  }

  /**
   * Before the first tick: the connector's classes, its HMAC signing and the connection are loaded
   * now rather than inside a tick's 190 ms (answers ignored), and the user data stream gets its
   * listen key. The resilient build sends nothing more while a Retry-After the warm-up met runs.
   */
  private static void warmUp(
      SpotClientImpl client, boolean naive, RateLimitGate gate, UserStream users, MarketFeed feed) {
    ExchangeCalls.classify(() -> client.createMarket().time());
    if (naive || gate.isOpen()) {
      ExchangeCalls.classify(
          () ->
              client
                  .createTrade()
                  .getOpenOrders(new java.util.LinkedHashMap<>(Map.of("symbol", SYMBOL))));
    }
    if (users != null && gate.isOpen()) {
      Outcome key = ExchangeCalls.classify(() -> client.createUserData().createListenKey());
      if (key.ok()) {
        feed.withUserStream(new org.json.JSONObject(key.body()).getString("listenKey"), users);
      }
    }
  }

  /** The Prometheus endpoint on 127.0.0.1; the process exits with 1 if the port is taken. */
  private static MetricsHttpEndpoint serveMetrics(int port, BotMetrics metrics) {
    try {
      return MetricsHttpEndpoint.start(port, metrics::scrape);
    } catch (IOException e) {
      System.err.println("mm-binance-bot: cannot serve metrics on 127.0.0.1:" + port + ": " + e);
      System.exit(1);
      throw new IllegalStateException("unreachable", e);
    }
  }

  /** The line that tells the suite (and a reader) the bot is ready, and how it was built. */
  private static String readyLine(boolean naive, int metricsPort, ChaosWiring wiring) {
    return "mm-binance-bot: ready, "
        + (naive ? "naive" : "resilient")
        + " build; metrics on http://127.0.0.1:"
        + metricsPort
        + "/metrics"
        + (wiring.controlPort() < 0 ? "" : "; chaos control on 127.0.0.1:" + wiring.controlPort())
        + "; chaos agent "
        + (wiring.underAgent() ? "attached" : "not attached");
  }

  /** SIGTERM: stop ticking, cancel open orders (bounded), close everything. */
  private static void stop(
      ScheduledExecutorService ticker,
      ScheduledExecutorService reconnects,
      ExecutorService workers,
      MarketMaker maker,
      MarketFeed feed,
      MetricsHttpEndpoint endpoint,
      ChaosWiring wiring,
      BotMetrics metrics) {
    ticker.shutdown();
    reconnects.shutdownNow();
    feed.close();
    try {
      if (ticker.awaitTermination(1, TimeUnit.SECONDS)) {
        Thread cancel = new Thread(maker::cancelAll, "mm-binance-bot-cancel");
        cancel.setDaemon(true);
        cancel.start();
        cancel.join(1_500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (workers != null) {
      workers.shutdownNow();
    }
    endpoint.close();
    wiring.close();
    metrics.close();
    System.err.println("mm-binance-bot: stopped");
  }

  private static ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
