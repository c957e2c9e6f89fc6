package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.external.Scrape;
import io.mmbot.chaos.examples.judge.OrderRecord;
import io.mmbot.chaos.examples.judge.TickSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * The judge's {@link TickSample}s of a bot in another process, from asynchronous scrapes of its
 * metrics (one every 100 ms, while ticks come every 500 ms): a tick is seen when {@code
 * mm_tick_total_ms_count} rises between two scrapes; its duration is the rise of {@code _sum} (the
 * mean when the count rose by more than one); it missed its deadline when {@code
 * mm_tick_deadline_miss_total} rose (the first misses of such a group); the guards are those whose
 * {@code mm_bot_guard_active{reason}} is 1 at the scrape, or whose {@code
 * mm_bot_guards_raised_total{reason}} rose since the previous tick was seen (so a guard raised and
 * cleared between two scrapes is not missed). The tick's end is placed at the middle of the two
 * scrapes (within half a scrape period of the truth). What the harness knows besides (injections,
 * the client's open orders on the exchange, market data on the wire) is read at that time.
 */
final class ScrapedTicks {

  static final String COUNT = "mm_tick_total_ms_count";
  static final String SUM = "mm_tick_total_ms_sum";
  static final String MISSES = "mm_tick_deadline_miss_total";
  static final String GUARD_ACTIVE = "mm_bot_guard_active";
  static final String GUARDS_RAISED = "mm_bot_guards_raised_total";
  static final String DISCREPANCIES = "mm_reconcile_discrepancies_total";
  static final String RECONNECTS = "mm_reconnect_attempts_total";

  /** What the contract requires a bot to export (SPEC section 9). */
  static final List<String> REQUIRED = List.of(COUNT, MISSES, RECONNECTS, GUARD_ACTIVE);

  private static final GuardReason[] REASONS = GuardReason.values();

  /** The samples, and how many scrape intervals held more than one tick. */
  record Result(List<TickSample> samples, int crowdedIntervals) {}

  private ScrapedTicks() {}

  /**
   * Builds the samples.
   *
   * @param scrapes the scrapes, in time order
   * @param injectionsAt the scenario's injections so far at a time (given the scrape then); asked
   *     at the time of the scrape that shows a tick
   * @param orders the client's orders on the exchange (for the open count)
   * @param marketData delivery times of market-data messages, sorted, and the session of each
   */
  static Result of(
      List<Scrape> scrapes,
      ToLongBiFunction<Long, Scrape> injectionsAt,
      List<OrderRecord> orders,
      long[][] marketData) {
    List<TickSample> out = new ArrayList<>();
    Scrape prev = null;
    double[] raisedBefore = new double[REASONS.length];
    int pendingRaised = 0;
    int crowded = 0;
    long lastTickAt = Long.MIN_VALUE;
    for (Scrape s : scrapes) {
      if (!s.has(COUNT)) {
        continue;
      }
      double[] raised = raised(s);
      if (prev != null) {
        pendingRaised |= risen(raisedBefore, raised);
      }
      raisedBefore = raised;
      if (prev == null) {
        prev = s;
        continue;
      }
      long ticks = Math.round(s.sum(COUNT) - prev.sum(COUNT));
      if (ticks <= 0) {
        prev = s;
        continue;
      }
      if (ticks > 1) {
        crowded++;
      }
      double each = (zero(s.sum(SUM)) - zero(prev.sum(SUM))) / ticks;
      long misses = Math.round(zero(s.sum(MISSES)) - zero(prev.sum(MISSES)));
      int guards = active(s) | pendingRaised;
      pendingRaised = 0;
      long at = prev.atNanos() + (s.atNanos() - prev.atNanos()) / 2;
      // as of the scrape, like the counters read from it: an injection late in the tick (its
      // open-orders answer) may fall after the estimated end, and belongs to this tick all the same
      long injections = injectionsAt.applyAsLong(s.atNanos(), s);
      int open = openAt(orders, at);
      for (long k = 0; k < ticks; k++) {
        long start = at - Math.round(each * 1e6);
        out.add(
            new TickSample(
                at,
                each,
                k < misses,
                guards,
                injections,
                open,
                maxGapMs(marketData, lastTickAt, at),
                lastAtOrBefore(marketData[0], start),
                zero(s.sum(DISCREPANCIES))));
      }
      lastTickAt = at;
      prev = s;
    }
    return new Result(out, crowded);
  }

  /** The reasons whose raise counter grew from {@code before} to {@code now} (a mask). */
  private static int risen(double[] before, double[] now) {
    int mask = 0;
    for (int i = 0; i < REASONS.length; i++) {
      if (now[i] > before[i]) {
        mask |= REASONS[i].bit();
      }
    }
    return mask;
  }

  private static double zero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static int active(Scrape s) {
    Map<String, Double> g = s.byLabel(GUARD_ACTIVE, "reason");
    int mask = 0;
    for (GuardReason r : REASONS) {
      Double v = g.get(r.name());
      if (v != null && v >= 0.5) {
        mask |= r.bit();
      }
    }
    return mask;
  }

  private static double[] raised(Scrape s) {
    double[] out = new double[REASONS.length];
    Map<String, Double> g = s.byLabel(GUARDS_RAISED, "reason");
    for (GuardReason r : REASONS) {
      Double v = g.get(r.name());
      out[r.ordinal()] = v == null ? 0 : v;
    }
    return out;
  }

  private static int openAt(List<OrderRecord> orders, long t) {
    int n = 0;
    for (OrderRecord o : orders) {
      if (o.openAt(t)) {
        n++;
      }
    }
    return n;
  }

  /** The longest gap between consecutive messages of one session delivered in (from, to], ms. */
  static double maxGapMs(long[][] data, long from, long to) {
    long[] at = data[0];
    long[] session = data[1];
    int i = Math.max(1, firstAfter(at, from));
    long max = 0;
    for (; i < at.length && at[i] <= to; i++) {
      if (session[i] == session[i - 1]) {
        max = Math.max(max, at[i] - at[i - 1]);
      }
    }
    return max / 1e6;
  }

  /** The latest time in sorted {@code at} not after {@code t}, or {@link Long#MIN_VALUE}. */
  static long lastAtOrBefore(long[] at, long t) {
    int i = firstAfter(at, t) - 1;
    return i < 0 ? Long.MIN_VALUE : at[i];
  }

  private static int firstAfter(long[] at, long t) {
    int i = Arrays.binarySearch(at, t);
    if (i < 0) {
      return -i - 1;
    }
    while (i < at.length && at[i] <= t) {
      i++;
    }
    return i;
  }
}
