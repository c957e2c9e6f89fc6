package io.mmbot.chaos.exchange;

import static io.mmbot.chaos.exchange.ExchangeRules.ERR_TOO_MUCH_WEIGHT;
import static io.mmbot.chaos.exchange.ExchangeRules.FIRST_BAN_MS;
import static io.mmbot.chaos.exchange.ExchangeRules.MAX_BAN_MS;
import static io.mmbot.chaos.exchange.ExchangeRules.VIOLATIONS_TO_BAN;
import static io.mmbot.chaos.exchange.ExchangeRules.WEIGHT_LIMIT_PER_MINUTE;

/**
 * The request limits of {@link ExchangeRules}: the weight of each clock minute, the {@code
 * Retry-After} of a 429, the violations that earn a 418 and the doubling bans. The rules ask it
 * first about every request; it answers the ones it refuses. Pure logic on the server time in epoch
 * ms; not thread-safe (as the rules).
 */
final class RequestLimits {

  private long minute = Long.MIN_VALUE;
  private int usedWeight;
  private long retryUntilMs = Long.MIN_VALUE;
  private int violations;
  private long bannedUntilMs = Long.MIN_VALUE;
  private long nextBanMs = FIRST_BAN_MS;
  private long bans;
  private long rateLimited;
  private long weightRefusals;
  private int weightLimit = WEIGHT_LIMIT_PER_MINUTE;

  /** See {@link ExchangeRules#weightLimitPerMinute}. */
  void weightLimitPerMinute(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("weight limit must be >= 1, was " + limit);
    }
    this.weightLimit = limit;
  }

  /**
   * Charges {@code call} against the limits at {@code nowMs}: answers it 418 during a ban or on the
   * violation that earns one, 429 while a Retry-After runs or when the minute's weight would be
   * exceeded, and returns true; otherwise charges its weight and returns false.
   */
  boolean refuse(RestCall call, long nowMs) {
    roll(nowMs);
    if (nowMs < bannedUntilMs) {
      call.answer(418, 0, ceilSec(bannedUntilMs - nowMs), usedWeight, nowMs);
      return true;
    }
    if (nowMs < retryUntilMs) {
      violate(call, nowMs);
      return true;
    }
    violations = 0;
    int w = call.endpoint().weight();
    if (usedWeight + w > weightLimit) {
      retryUntilMs = (minute + 1) * 60_000;
      rateLimited++;
      weightRefusals++;
      call.answer(429, ERR_TOO_MUCH_WEIGHT, ceilSec(retryUntilMs - nowMs), usedWeight, nowMs);
      return true;
    }
    usedWeight += w;
    return false;
  }

  /** A request while a 429's Retry-After runs: 429 again, or a ban on the last violation. */
  private void violate(RestCall call, long nowMs) {
    violations++;
    if (violations >= VIOLATIONS_TO_BAN) {
      bannedUntilMs = nowMs + nextBanMs;
      nextBanMs = Math.min(MAX_BAN_MS, nextBanMs * 2);
      violations = 0;
      retryUntilMs = Long.MIN_VALUE;
      bans++;
      call.answer(418, 0, ceilSec(bannedUntilMs - nowMs), usedWeight, nowMs);
      return;
    }
    rateLimited++;
    call.answer(429, 0, ceilSec(retryUntilMs - nowMs), usedWeight, nowMs);
  }

  /** See {@link ExchangeRules#weightOfAnotherClient}. */
  boolean weightOfAnotherClient(int weight, long nowMs) {
    roll(nowMs);
    if (usedWeight + weight > weightLimit) {
      return false;
    }
    usedWeight += weight;
    return true;
  }

  /** The weight used in the current minute at {@code nowMs}. */
  int usedWeight(long nowMs) {
    roll(nowMs);
    return usedWeight;
  }

  /** The weight used in the minute of the last request, for the answer to it. */
  int usedWeight() {
    return usedWeight;
  }

  long bans() {
    return bans;
  }

  long rateLimited() {
    return rateLimited;
  }

  long weightRefusals() {
    return weightRefusals;
  }

  private void roll(long nowMs) {
    long m = Math.floorDiv(nowMs, 60_000);
    if (m != minute) {
      minute = m;
      usedWeight = 0;
    }
  }

  private static long ceilSec(long ms) {
    return Math.max(1, (ms + 999) / 1000);
  }
}
