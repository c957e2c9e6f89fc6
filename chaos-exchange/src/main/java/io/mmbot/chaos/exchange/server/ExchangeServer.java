package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.model.SimMarket;
import io.mmbot.chaos.http.RequestFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A stand-in exchange that speaks Binance's Spot API (REST and WebSocket streams) on 127.0.0.1,
 * runs the same exchange rules as the simulation, and applies the injector's faults on the server
 * side, so that an unmodified connector in any language can be chaos-tested against it.
 *
 * <pre>{@code
 * try (ExchangeServer ex = ExchangeServer.builder().seed(7).injector(injector).start()) {
 *   SpotClient client = new SpotClientImpl(ex.apiKey(), ex.apiSecret(), ex.restUri().toString());
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the market, closes every connection and both listening sockets, and
 * waits for every thread it started.
 */
public final class ExchangeServer implements AutoCloseable {

  /** The API key of a server built without one. */
  public static final String DEFAULT_API_KEY = "mm-chaos-key";

  /** The API secret of a server built without one. */
  public static final String DEFAULT_API_SECRET = "mm-chaos-secret";

  private final ExchangeCore core;
  private final RestServer rest;
  private final StreamServer streams;
  private final ScheduledExecutorService market;

  /** The market pool's one worker, joined on close. */
  private volatile Thread marketThread;

  private final String host;
  private final String apiKey;
  private final String apiSecret;
  private volatile boolean closed;

  private ExchangeServer(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.apiSecret = b.apiSecret;
    this.core = new ExchangeCore(b.seed, b.wallClock, b.injector);
    core.rules.weightLimitPerMinute(b.weightLimit);
    RequestFaults faults = b.injector == null ? null : RequestFaults.of(b.injector);
    BinanceRest api = new BinanceRest(core, new Signatures(b.apiKey, b.apiSecret), b.injector);
    this.host = b.bind.getHostAddress();
    Observing observing = b.observer == null ? null : new Observing(b.observer, b.observerClock);
    ExchangeCore c = core;
    RestServer r = null;
    StreamServer s = null;
    try {
      r =
          new RestServer(
              b.bind,
              b.restPort,
              api,
              faults,
              List.copyOf(b.lostAnswers),
              b.silenceMaxMs,
              observing,
              id -> clientOrderIdOf(c, id));
      s = new StreamServer(b.bind, b.wsPort, core, b.injector, observing);
    } catch (IOException | RuntimeException e) {
      if (r != null) {
        r.close();
      }
      throw e;
    }
    this.rest = r;
    this.streams = s;
    this.market =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "chaos-exchange-market");
              t.setDaemon(true);
              marketThread = t;
              return t;
            });
    StreamServer ws = s;
    market.scheduleAtFixedRate(
        () -> {
          try {
            core.step();
            ws.afterStep();
          } catch (RuntimeException e) {
            // one bad step must not stop the market
          }
        },
        SimMarket.STEP_MS,
        SimMarket.STEP_MS,
        TimeUnit.MILLISECONDS);
  }

  /** A builder with seed 0, no chaos, the default key and secret, ephemeral ports on 127.0.0.1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The REST base URI, for example {@code http://127.0.0.1:43817}. */
  public URI restUri() {
    return URI.create("http://" + hostForUri() + ":" + rest.port());
  }

  /** The WebSocket base URI, for example {@code ws://127.0.0.1:43818}. */
  public URI wsUri() {
    return URI.create("ws://" + hostForUri() + ":" + streams.port());
  }

  private String hostForUri() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The API key the exchange accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** The secret that signs requests. */
  public String apiSecret() {
    return apiSecret;
  }

  /**
   * The exchange's ledger of every order it accepted. It changes while the exchange runs: read it
   * after {@link #close()}, or through {@link #ledgerSize()} and {@link #openOrderCount()} while it
   * serves.
   */
  public Ledger ledger() {
    return core.rules.ledger();
  }

  /** Orders accepted so far. */
  public int ledgerSize() {
    synchronized (core.lock) {
      return core.rules.ledger().size();
    }
  }

  /** Orders open now. */
  public int openOrderCount() {
    synchronized (core.lock) {
      return core.rules.openCount();
    }
  }

  /**
   * Reads the exchange's rules (counters, open orders, the ledger) under the lock every request
   * holds, so the reader sees a consistent state while the exchange serves; {@code reader} must not
   * keep the rules or block.
   */
  public <T> T readRules(Function<ExchangeRules, T> reader) {
    Objects.requireNonNull(reader, "reader");
    synchronized (core.lock) {
      return reader.apply(core.rules);
    }
  }

  private static String clientOrderIdOf(ExchangeCore core, long orderId) {
    synchronized (core.lock) {
      Ledger.Entry e = core.rules.ledger().byOrderId(orderId);
      return e == null ? null : e.clientOrderId();
    }
  }

  /** Stops the market, closes every connection and socket, and waits for every thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    market.shutdownNow();
    try {
      market.awaitTermination(5, TimeUnit.SECONDS);
      // A terminated pool may still have its worker on its way out: wait for the thread itself.
      Thread t = marketThread;
      if (t != null) {
        t.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    streams.close();
    rest.close();
  }

  /** Builds and starts an {@link ExchangeServer}. Not thread-safe. */
  public static final class Builder {
    private long seed;
    private ChaosInjector injector;
    private String apiKey = DEFAULT_API_KEY;
    private String apiSecret = DEFAULT_API_SECRET;
    private int restPort;
    private int wsPort;
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private Set<LostAnswer> lostAnswers = EnumSet.allOf(LostAnswer.class);
    private long silenceMaxMs = 120_000;
    private int weightLimit = ExchangeRules.WEIGHT_LIMIT_PER_MINUTE;
    private LongSupplier wallClock = System::currentTimeMillis;
    private ExchangeObserver observer;
    private LongSupplier observerClock = System::nanoTime;

    private Builder() {}

    /**
     * An observer that hears every REST request and WebSocket session event (null, the default, for
     * none), with times from {@link System#nanoTime()}.
     */
    public Builder observer(ExchangeObserver observer) {
      return observer(observer, System::nanoTime);
    }

    /** An observer, with times in nanoseconds from {@code nanoClock}. */
    public Builder observer(ExchangeObserver observer, LongSupplier nanoClock) {
      this.observer = observer;
      this.observerClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /** Seed of the market (the same seed gives the same prices, step by step). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The injector whose faults the exchange applies; null (the default) for none. */
    public Builder injector(ChaosInjector injector) {
      this.injector = injector;
      return this;
    }

    /** The API key and secret the exchange accepts. */
    public Builder credentials(String apiKey, String apiSecret) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
      if (apiKey.isEmpty() || apiSecret.isEmpty()) {
        throw new IllegalArgumentException("apiKey and apiSecret must not be empty");
      }
      return this;
    }

    /** REST port, 0 (the default) for an ephemeral one. */
    public Builder restPort(int port) {
      this.restPort = port(port);
      return this;
    }

    /** WebSocket port, 0 (the default) for an ephemeral one. */
    public Builder wsPort(int port) {
      this.wsPort = port(port);
      return this;
    }

    /** The address to listen on; 127.0.0.1 by default. */
    public Builder bind(InetAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The forms a lost answer may take (default: all three). The injector's {@code
     * net_loss.cut_share} decides between a lost response ({@link LostAnswer#SILENCE}) and a
     * connection cut on the answer's way ({@link LostAnswer#RESET} and {@link LostAnswer#CUT_BODY}
     * in turn); a kind none of whose forms is allowed takes the allowed ones in turn.
     */
    public Builder lostAnswers(Set<LostAnswer> forms) {
      if (forms.isEmpty()) {
        throw new IllegalArgumentException("lostAnswers must name at least one form");
      }
      this.lostAnswers = EnumSet.copyOf(forms);
      return this;
    }

    /** Longest a {@link LostAnswer#SILENCE} holds a connection open, ms (default 120 s). */
    public Builder silenceMaxMs(long ms) {
      if (ms < 1) {
        throw new IllegalArgumentException("silenceMaxMs must be >= 1, was " + ms);
      }
      this.silenceMaxMs = ms;
      return this;
    }

    /**
     * Request weight allowed per minute (default 1,200, Binance's); a load test raises it so that
     * it measures answers rather than 429s.
     */
    public Builder weightLimitPerMinute(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("weightLimitPerMinute must be >= 1, was " + limit);
      }
      this.weightLimit = limit;
      return this;
    }

    /** The exchange's wall clock in epoch ms (tests move it to reach keep-alive deadlines). */
    Builder wallClock(LongSupplier clock) {
      this.wallClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts the exchange. */
    public ExchangeServer start() {
      try {
        return new ExchangeServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the exchange", e);
      }
    }

    private static int port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
      }
      return port;
    }
  }
}
