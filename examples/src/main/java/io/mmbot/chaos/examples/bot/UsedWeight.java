package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.exchange.ExchangeRules;

/**
 * The request weight the exchange last reported ({@code X-MBX-USED-WEIGHT-1M}) and the minute it
 * belongs to, for the RATE_LIMITED guard: the bot holds back once {@value #HOLD_BACK_PERCENT} % of
 * the minute's limit is used. Not thread-safe: the bot's thread.
 */
final class UsedWeight {

  /** Share of the per-minute limit at which the bot stops sending, percent. */
  static final int HOLD_BACK_PERCENT = 90;

  private int used;
  private long minute = -1;

  /** An answer reported {@code weight} used at server time {@code serverTimeMs}. */
  void report(int weight, long serverTimeMs) {
    used = weight;
    minute = serverTimeMs / 60_000;
  }

  /** Whether the weight reported for {@code currentMinute} is near the limit. */
  boolean nearLimit(long currentMinute) {
    return currentMinute == minute
        && used >= ExchangeRules.WEIGHT_LIMIT_PER_MINUTE * HOLD_BACK_PERCENT / 100;
  }
}
