package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.WsRules;
import io.mmbot.chaos.exchange.model.LatencyModel;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The distance between the bot and the loopback exchange, emulated on the connector's side: round
 * trips drawn from the simulation's {@link LatencyModel} (or none), a thread that runs what waits
 * for them, and the failover rule of {@link WsRules} on the route to each of the two host names: a
 * connection lost without a close frame takes its host's route down for the rule's outage divided
 * by {@value LoopbackExchange#OUTAGE_COMPRESSION}.
 */
final class Distance implements AutoCloseable {

  private static final long MS = 1_000_000L;

  private final LongSupplier time;
  private final LatencyModel latency;
  private final boolean emulate;
  private final SplittableRandom outages;
  private final AtomicLongArray routeDownUntil =
      new AtomicLongArray(new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> LoopbackExchange.daemon(r, "loopback-distance"));

  /** Round trips and outages drawn from {@code seed}; with {@code emulate} false no round trip. */
  Distance(long seed, boolean emulate, LongSupplier time) {
    SplittableRandom root = new SplittableRandom(seed);
    this.latency = new LatencyModel(root.split());
    this.outages = root.split();
    this.emulate = emulate;
    this.time = time;
  }

  /** An emulated round trip of {@code e}, ns (0 without distance). Any thread. */
  long roundTrip(Endpoint e) {
    if (!emulate) {
      return 0;
    }
    synchronized (latency) {
      return latency.restRoundTripNanos(e);
    }
  }

  /** Runs {@code r} after {@code nanos} on the distance thread (at once, here, when 0). */
  void later(long nanos, Runnable r) {
    if (nanos <= 0) {
      r.run();
      return;
    }
    try {
      scheduler.schedule(r, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // the connector is closing: nobody waits for the event any more
    }
  }

  /** Whether the route to the primary ({@code secondary} false) or secondary host is down now. */
  boolean routeDown(boolean secondary) {
    return time.getAsLong() < routeDownUntil.get(secondary ? 1 : 0);
  }

  /** A connection to that host was lost without a close frame: its route fails over a while. */
  void routeLost(boolean secondary) {
    long span = WsRules.MAX_OUTAGE_MS - WsRules.MIN_OUTAGE_MS;
    long outageMs;
    synchronized (outages) {
      outageMs =
          (WsRules.MIN_OUTAGE_MS + (long) (outages.nextDouble() * span))
              / LoopbackExchange.OUTAGE_COMPRESSION;
    }
    routeDownUntil.set(secondary ? 1 : 0, time.getAsLong() + outageMs * MS);
  }

  /** Stops the distance thread; what still waits on it is dropped. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
