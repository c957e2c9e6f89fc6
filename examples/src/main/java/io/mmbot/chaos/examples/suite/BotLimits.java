package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.judge.RunFacts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a bot run by {@code --bot-cmd} declares about itself ({@code --bot-limits key=value,...}),
 * since only the bot knows it; the judge then holds the bot to it from outside. The defaults are
 * the example bot's.
 *
 * @param openPerSide live orders per side at once, at most ({@code open_per_side}, default 2)
 * @param retriesPerSec retry budget, places repeating a failed one per second ({@code
 *     retries_per_sec}, default 1)
 * @param cancelsPerSec cancels per second, at most; a second with more is a cancel storm ({@code
 *     cancels_per_sec}, default 8)
 * @param levelTicks two live orders of one side within this many price ticks (0.01) hold one quote
 *     level ({@code level_ticks}, default 400)
 * @param tickMs the bot's tick interval, ms ({@code tick_ms}, default 500)
 * @param deadlineMs the bot's tick deadline, ms ({@code deadline_ms}, default 210): a bucket edge
 *     of {@code mm_tick_total_ms}
 * @param staleMs market data older than this must raise WS_STALE ({@code stale_ms}, default 1000)
 */
record BotLimits(
    int openPerSide,
    double retriesPerSec,
    double cancelsPerSec,
    long levelTicks,
    long tickMs,
    long deadlineMs,
    long staleMs) {

  /** The example bot's declarations. */
  static final BotLimits DEFAULTS = new BotLimits(2, 1, 8, 400, 500, 210, 1_000);

  /** Parses {@code key=value,...} over the defaults; an unknown key or bad value is an error. */
  static BotLimits parse(String spec) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (String part : spec.split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + p + "' is not key=value");
      }
      String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      double d;
      try {
        d = Double.parseDouble(p.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": '" + p.substring(eq + 1) + "' is not a number");
      }
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(key + ": must be a positive finite number");
      }
      if (v.put(key, d) != null) {
        throw new IllegalArgumentException(key + " given twice");
      }
    }
    BotLimits b = DEFAULTS;
    for (Map.Entry<String, Double> e : v.entrySet()) {
      double d = e.getValue();
      b =
          switch (e.getKey()) {
            case "open_per_side" ->
                new BotLimits(
                    whole(e.getKey(), d),
                    b.retriesPerSec,
                    b.cancelsPerSec,
                    b.levelTicks,
                    b.tickMs,
                    b.deadlineMs,
                    b.staleMs);
            case "retries_per_sec" ->
                new BotLimits(
                    b.openPerSide,
                    d,
                    b.cancelsPerSec,
                    b.levelTicks,
                    b.tickMs,
                    b.deadlineMs,
                    b.staleMs);
            case "cancels_per_sec" ->
                new BotLimits(
                    b.openPerSide,
                    b.retriesPerSec,
                    d,
                    b.levelTicks,
                    b.tickMs,
                    b.deadlineMs,
                    b.staleMs);
            case "level_ticks" ->
                new BotLimits(
                    b.openPerSide,
                    b.retriesPerSec,
                    b.cancelsPerSec,
                    whole(e.getKey(), d),
                    b.tickMs,
                    b.deadlineMs,
                    b.staleMs);
            case "tick_ms" ->
                new BotLimits(
                    b.openPerSide,
                    b.retriesPerSec,
                    b.cancelsPerSec,
                    b.levelTicks,
                    whole(e.getKey(), d),
                    b.deadlineMs,
                    b.staleMs);
            case "deadline_ms" ->
                new BotLimits(
                    b.openPerSide,
                    b.retriesPerSec,
                    b.cancelsPerSec,
                    b.levelTicks,
                    b.tickMs,
                    whole(e.getKey(), d),
                    b.staleMs);
            case "stale_ms" ->
                new BotLimits(
                    b.openPerSide,
                    b.retriesPerSec,
                    b.cancelsPerSec,
                    b.levelTicks,
                    b.tickMs,
                    b.deadlineMs,
                    whole(e.getKey(), d));
            default ->
                throw new IllegalArgumentException(
                    "unknown key '"
                        + e.getKey()
                        + "' (open_per_side, retries_per_sec, cancels_per_sec, level_ticks, tick_ms,"
                        + " deadline_ms, stale_ms)");
          };
    }
    return b;
  }

  private static int whole(String key, double d) {
    if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + ": must be a whole number");
    }
    return (int) d;
  }

  /** The judge's reading of these declarations (the same budgets as for the example bots). */
  RunFacts.Declared declared() {
    return new RunFacts.Declared(
        2 * openPerSide,
        openPerSide,
        levelTicks,
        15,
        staleMs,
        4,
        (int) Math.ceil(12 * retriesPerSec),
        4_000);
  }

  /** The declarations as {@code key=value,...}, for records and replay lines. */
  String spec() {
    return String.format(
        Locale.ROOT,
        "open_per_side=%d,retries_per_sec=%s,cancels_per_sec=%s,level_ticks=%d,tick_ms=%d,"
            + "deadline_ms=%d,stale_ms=%d",
        openPerSide,
        RunPlan.number(retriesPerSec),
        RunPlan.number(cancelsPerSec),
        levelTicks,
        tickMs,
        deadlineMs,
        staleMs);
  }
}
