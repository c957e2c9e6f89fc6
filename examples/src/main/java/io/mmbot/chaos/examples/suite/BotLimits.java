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
 * @param restMarketData the bot takes its market data from REST answers (book ticker, depth, price)
 *     rather than the WebSocket streams ({@code market_data=rest}; default {@code ws}): staleness
 *     is then judged from the market-data answers the exchange wrote to it
 * @param answerWaitMs the longest the bot waits for an answer, counted from the request's arrival
 *     at the exchange ({@code answer_wait_ms}; 0, the default, for not declared): a 429 or 418
 *     written later than that never reached the bot's code and binds nothing (see {@link
 *     ServerWireLog})
 */
record BotLimits(
    int openPerSide,
    double retriesPerSec,
    double cancelsPerSec,
    long levelTicks,
    long tickMs,
    long deadlineMs,
    long staleMs,
    boolean restMarketData,
    long answerWaitMs) {

  /** The example bot's declarations. */
  static final BotLimits DEFAULTS = new BotLimits(2, 1, 8, 400, 500, 210, 1_000, false, 0);

  private static final String KEYS =
      "open_per_side, retries_per_sec, cancels_per_sec, level_ticks, tick_ms, deadline_ms,"
          + " stale_ms, market_data, answer_wait_ms";

  /** Parses {@code key=value,...} over the defaults; an unknown key or bad value is an error. */
  static BotLimits parse(String spec) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String part : spec.split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + p + "' is not key=value");
      }
      String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (v.put(key, p.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException(key + " given twice");
      }
    }
    BotLimits d = DEFAULTS;
    int openPerSide = d.openPerSide;
    double retriesPerSec = d.retriesPerSec;
    double cancelsPerSec = d.cancelsPerSec;
    long levelTicks = d.levelTicks;
    long tickMs = d.tickMs;
    long deadlineMs = d.deadlineMs;
    long staleMs = d.staleMs;
    boolean rest = d.restMarketData;
    long answerWaitMs = d.answerWaitMs;
    for (Map.Entry<String, String> e : v.entrySet()) {
      String key = e.getKey();
      switch (key) {
        case "open_per_side" -> openPerSide = whole(key, number(key, e.getValue()));
        case "retries_per_sec" -> retriesPerSec = number(key, e.getValue());
        case "cancels_per_sec" -> cancelsPerSec = number(key, e.getValue());
        case "level_ticks" -> levelTicks = whole(key, number(key, e.getValue()));
        case "tick_ms" -> tickMs = whole(key, number(key, e.getValue()));
        case "deadline_ms" -> deadlineMs = whole(key, number(key, e.getValue()));
        case "stale_ms" -> staleMs = whole(key, number(key, e.getValue()));
        case "market_data" -> rest = feed(e.getValue());
        case "answer_wait_ms" -> answerWaitMs = whole(key, number(key, e.getValue()));
        default -> throw new IllegalArgumentException("unknown key '" + key + "' (" + KEYS + ")");
      }
    }
    return new BotLimits(
        openPerSide,
        retriesPerSec,
        cancelsPerSec,
        levelTicks,
        tickMs,
        deadlineMs,
        staleMs,
        rest,
        answerWaitMs);
  }

  private static double number(String key, String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not a number");
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(key + ": must be a positive finite number");
    }
    return d;
  }

  private static boolean feed(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "ws" -> false;
      case "rest" -> true;
      default ->
          throw new IllegalArgumentException("market_data: '" + value + "' is not ws or rest");
    };
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
            staleMs)
        + (restMarketData ? ",market_data=rest" : "")
        + (answerWaitMs > 0 ? ",answer_wait_ms=" + answerWaitMs : "");
  }
}
