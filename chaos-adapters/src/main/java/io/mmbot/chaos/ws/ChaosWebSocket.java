package io.mmbot.chaos.ws;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.Scheduler;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * Applies the injector's WebSocket faults to a connection made with the JDK's {@link WebSocket}.
 * The connector wraps its listener (one line): {@code builder.buildAsync(uri,
 * chaosWs.wrap(listener))}, or lets {@link #connect} do it and get the wrapped {@link WebSocket}
 * back.
 *
 * <p>Fault contract, for incoming messages:
 *
 * <ul>
 *   <li>WS_LAG: a message is delivered {@code ws_lag_ms} late. Order is kept: a message is never
 *       delivered before one that arrived earlier, so a lagged message holds back those behind it.
 *   <li>WS_DISCONNECT: the connection is aborted and the listener gets {@code onError} with an
 *       {@link java.io.IOException}, as the JDK reports a connection lost without a close frame,
 *       after any lagged messages that arrived before the drop; nothing that arrives later is
 *       delivered, and sends on the wrapped socket fail. Checked on every incoming message and
 *       every {@link Builder#disconnectCheckInterval}, at the Poisson rate per minute of each
 *       connection's own time since its last check.
 *   <li>NET_LOSS: a whole incoming text or binary message is dropped (never a part of a fragmented
 *       one); the wrapper requests the next message in its place so flow control is unchanged.
 * </ul>
 *
 * <p>Every delivered complete text or binary message after the first reports the gap since the
 * previous one, in milliseconds, to {@link Builder#gapListener} (for {@code mm_ws_gap_ms}).
 *
 * <p>With chaos off, between bursts and in dry-run, messages pass straight through on the JDK's
 * thread. Lagged messages are delivered by a pool thread, one at a time per connection.
 *
 * <p>Like the JDK's own WebSocket towards the bot's listener: a listener method that throws (from
 * {@code onText}, {@code onBinary}, {@code onPing} or {@code onPong}, inline or on a lagged
 * delivery) gets the connection aborted and its {@code onError} called with that exception, and
 * nothing more is delivered; after the bot calls {@code abort()} on the wrapped socket nothing more
 * is delivered either, lagged messages included. Sends are forwarded to the JDK's socket as they
 * are, so its rules for concurrent and outstanding sends hold unchanged, and their futures fail
 * with the JDK's own exception, unwrapped; after a WS_DISCONNECT they fail with an {@link
 * java.io.IOException}. A gap callback that throws is logged, never propagated.
 *
 * <p>Time: gaps are measured on {@link Builder#nanoClock}, lag and the disconnect checks wait on
 * {@link Builder#scheduler} (virtual in tests).
 *
 * <p>Thread safety: this object is immutable and safe for concurrent use; each wrapped listener
 * serves exactly one connection and rejects a second {@code onOpen} with {@link
 * IllegalStateException} (the second connection is aborted).
 */
public final class ChaosWebSocket {

  /** Default interval of the timer check for WS_DISCONNECT on a quiet connection: 1 s. */
  public static final Duration DEFAULT_DISCONNECT_CHECK_INTERVAL = Duration.ofSeconds(1);

  final ChaosInjector injector;
  final LongSupplier nanoClock;
  final DoubleConsumer gapListener;

  /** Runs delayed deliveries and timer checks; never null. */
  final Executor executor;

  final long checkIntervalNanos;

  /** Lag and check timers; never null. */
  final Scheduler scheduler;

  private ChaosWebSocket(Builder b) {
    this.injector = b.injector;
    this.nanoClock = b.nanoClock;
    this.gapListener = b.gapListener;
    this.executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
    this.checkIntervalNanos = b.checkInterval.toNanos();
    this.scheduler = b.scheduler;
  }

  /** With the defaults of {@link Builder}. */
  public static ChaosWebSocket of(ChaosInjector injector) {
    return builder(injector).build();
  }

  /** A builder for a wrapper factory driven by {@code injector}. */
  public static Builder builder(ChaosInjector injector) {
    return new Builder(injector);
  }

  /**
   * A listener that forwards to {@code listener} with the faults applied. Use it for one connection
   * only; the {@link WebSocket} the wrapped listener receives is a wrapper too.
   */
  public WebSocket.Listener wrap(WebSocket.Listener listener) {
    return new WrappedListener(this, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Opens a connection with {@code builder} whose {@code listener} is wrapped, and completes with
   * the wrapped {@link WebSocket} (the one the listener also receives). Cancelling the returned
   * future gives the connection up: if it opens afterwards it is aborted at once, so a cancelled
   * connect leaves no open connection behind.
   */
  public CompletableFuture<WebSocket> connect(
      WebSocket.Builder builder, URI uri, WebSocket.Listener listener) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(uri, "uri");
    WrappedListener wrapped =
        new WrappedListener(this, Objects.requireNonNull(listener, "listener"));
    CompletableFuture<WebSocket> opening = builder.buildAsync(uri, wrapped);
    CompletableFuture<WebSocket> result = opening.thenApply(wrapped::socketFor);
    result.whenComplete(
        (ws, e) -> {
          if (result.isCancelled()) {
            opening.thenAccept(raw -> wrapped.socketFor(raw).abort());
          }
        });
    return result;
  }

  /** Builds a {@link ChaosWebSocket}. Not thread-safe. */
  public static final class Builder {
    private final ChaosInjector injector;
    private LongSupplier nanoClock = System::nanoTime;
    private DoubleConsumer gapListener = gapMs -> {};
    private Executor executor;
    private Duration checkInterval = DEFAULT_DISCONNECT_CHECK_INTERVAL;
    private Scheduler scheduler = Scheduler.system();

    private Builder(ChaosInjector injector) {
      this.injector = Objects.requireNonNull(injector, "injector");
    }

    /**
     * The nanosecond time source for gaps and the per-connection disconnect checks (default {@link
     * System#nanoTime()}); give it the injector's own source.
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /**
     * Hears the gap between consecutive delivered messages, in milliseconds, for example {@code
     * metrics::recordWsGapMs}.
     */
    public Builder gapListener(DoubleConsumer gapListener) {
      this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
      return this;
    }

    /** Runs delayed deliveries and timer checks (default: the common pool). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * How often a connection with no incoming messages is checked for WS_DISCONNECT, from 10 ms to
     * 1 h; {@link Duration#ZERO} checks only when messages arrive.
     */
    public Builder disconnectCheckInterval(Duration interval) {
      Objects.requireNonNull(interval, "disconnectCheckInterval");
      if (!interval.isZero()
          && (interval.compareTo(Duration.ofMillis(10)) < 0
              || interval.compareTo(Duration.ofHours(1)) > 0)) {
        throw new IllegalArgumentException(
            "disconnectCheckInterval must be 0 or in [PT0.01S, PT1H], was " + interval);
      }
      this.checkInterval = interval;
      return this;
    }

    /**
     * Time and timers for lag and the disconnect checks (default {@link Scheduler#system()}); tests
     * pass a virtual one, together with the same time as {@link #nanoClock}.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Builds the factory. */
    public ChaosWebSocket build() {
      return new ChaosWebSocket(this);
    }
  }
}
