package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.bot.TickReport;
import io.mmbot.chaos.exchange.Ledger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Records every tick of a run and the exchange-side invariants after each tick, measured against
 * the exchange's own open orders and ledger, never the bot's beliefs. Not thread-safe: one run.
 */
final class Measurement implements Bot.TickListener {

  static final int CANCEL_STORM_PER_SECOND = 10;
  static final int RETRY_STORM_PER_SECOND = 5;

  private final long warmupNanos;
  private final long burstOnNanos;
  private final long periodNanos;
  private final long tickNanos;
  private final Bot bot;
  private final Supplier<List<Ledger.Entry>> openOrders;
  private final IntSupplier openCount;
  private final LongSupplier injections;
  private final boolean chaos;

  int n;
  double[] durMs;
  boolean[] burst;
  int[] guards;
  boolean[] wsLive;
  boolean[] quoting;
  boolean[] missed;
  int[] cancels;
  int[] retries;
  double[] gapMs;
  long[] injectionsAt;
  int dnsFailures;
  int bans418Seen;
  int maxOpen;
  int orphans;
  int maxResolveTicks;
  private final Map<String, Integer> untrackedSince = new HashMap<>();
  private final Map<String, Boolean> counted = new HashMap<>();

  Measurement(
      int expectedTicks,
      long warmupNanos,
      long burstOnSec,
      long burstOffSec,
      long tickIntervalMs,
      boolean chaos,
      Bot bot,
      Supplier<List<Ledger.Entry>> openOrders,
      IntSupplier openCount,
      LongSupplier injections) {
    this.warmupNanos = warmupNanos;
    this.burstOnNanos = burstOnSec * 1_000_000_000L;
    this.periodNanos = (burstOnSec + burstOffSec) * 1_000_000_000L;
    this.tickNanos = tickIntervalMs * 1_000_000L;
    this.chaos = chaos;
    this.bot = bot;
    this.openOrders = openOrders;
    this.openCount = openCount;
    this.injections = injections;
    int cap = Math.max(16, expectedTicks + 2);
    durMs = new double[cap];
    burst = new boolean[cap];
    guards = new int[cap];
    wsLive = new boolean[cap];
    quoting = new boolean[cap];
    missed = new boolean[cap];
    cancels = new int[cap];
    retries = new int[cap];
    gapMs = new double[cap];
    injectionsAt = new long[cap];
  }

  /**
   * Whether virtual time {@code t} (at or after the warm-up) lies in a burst; for a baseline, in
   * the window a burst would occupy.
   */
  boolean inBurst(long t) {
    return periodNanos == burstOnNanos || (t - warmupNanos) % periodNanos < burstOnNanos;
  }

  long burstOnNanos() {
    return burstOnNanos;
  }

  long periodNanos() {
    return periodNanos;
  }

  long tickNanos() {
    return tickNanos;
  }

  boolean chaos() {
    return chaos;
  }

  @Override
  public void onTick(TickReport r) {
    if (r.startNanos < warmupNanos) {
      return;
    }
    if (n == durMs.length) {
      grow();
    }
    int i = n++;
    durMs[i] = r.durationNanos / 1e6;
    burst[i] = inBurst(r.startNanos);
    guards[i] = r.guards;
    wsLive[i] = r.wsLive;
    quoting[i] = r.quoting;
    missed[i] = r.deadlineMissed;
    cancels[i] = r.cancels;
    retries[i] = r.retries;
    gapMs[i] = r.wsMaxGapMs;
    injectionsAt[i] = injections.getAsLong();
    dnsFailures += r.dnsFailures;
    bans418Seen += r.bans418;
    maxOpen = Math.max(maxOpen, openCount.getAsInt());
    checkOrphans(i);
    maxResolveTicks = bot.maxResolveTicks();
  }

  /**
   * An order open on the exchange that the bot neither tracks nor is verifying, for more than one
   * whole tick after the tick in which it was first seen so, is an orphan (counted once).
   */
  private void checkOrphans(int tick) {
    List<Ledger.Entry> open = openOrders.get();
    for (int k = 0; k < open.size(); k++) {
      String id = open.get(k).clientOrderId();
      if (bot.knows(id)) {
        untrackedSince.remove(id);
        continue;
      }
      Integer since = untrackedSince.putIfAbsent(id, tick);
      if (since != null && tick - since >= 2 && counted.putIfAbsent(id, Boolean.TRUE) == null) {
        orphans++;
      }
    }
    if (!untrackedSince.isEmpty() && tick % 64 == 0) {
      untrackedSince
          .keySet()
          .removeIf(id -> open.stream().noneMatch(e -> e.clientOrderId().equals(id)));
    }
  }

  /** Whether reason {@code r} was raised at the start of tick {@code i}. */
  boolean raised(int i, GuardReason r) {
    return (guards[i] & r.bit()) != 0;
  }

  private void grow() {
    int cap = durMs.length * 2;
    durMs = java.util.Arrays.copyOf(durMs, cap);
    burst = java.util.Arrays.copyOf(burst, cap);
    guards = java.util.Arrays.copyOf(guards, cap);
    wsLive = java.util.Arrays.copyOf(wsLive, cap);
    quoting = java.util.Arrays.copyOf(quoting, cap);
    missed = java.util.Arrays.copyOf(missed, cap);
    cancels = java.util.Arrays.copyOf(cancels, cap);
    retries = java.util.Arrays.copyOf(retries, cap);
    gapMs = java.util.Arrays.copyOf(gapMs, cap);
    injectionsAt = java.util.Arrays.copyOf(injectionsAt, cap);
  }
}
