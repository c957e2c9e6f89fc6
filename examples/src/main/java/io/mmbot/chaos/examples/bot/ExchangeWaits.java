package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.exchange.RestCall;

/**
 * What the resilient bot waits out after the exchange's answers: a received Retry-After (plus
 * jitter), the backoff after a tick in which every request failed, and the EXCHANGE_ERRORS window
 * of recent errors. Not thread-safe: the bot's thread; allocates nothing.
 */
final class ExchangeWaits {

  private static final long MS = 1_000_000L;

  private final BotConfig cfg;
  private final Backoff backoff;
  private final Backoff rateJitter;
  private final ErrorWindow errors = new ErrorWindow();
  private long rateLimitedUntil;
  private long backoffUntil;

  /**
   * Waits as {@code cfg}'s features say, with the failed-tick {@code backoff} and the spread of
   * {@code rateJitter} after a 429/418.
   */
  ExchangeWaits(BotConfig cfg, Backoff backoff, Backoff rateJitter) {
    this.cfg = cfg;
    this.backoff = backoff;
    this.rateJitter = rateJitter;
  }

  /** Takes in one answer at {@code now}: a 429/418 starts a wait, an exchange error is recorded. */
  void answered(RestCall c, long now) {
    if (c.rateLimited()) {
      // Wait as told, plus a full-jitter spread that grows with consecutive 429s (capped), so
      // that clients told the same Retry-After do not come back in step.
      long jitter = rateJitter.next(0);
      long waitMs = c.retryAfterMs();
      if (!cfg.has(ResilienceFeature.RETRY_AFTER_EXACT)) {
        waitMs -= 100;
      }
      if (cfg.has(ResilienceFeature.RETRY_AFTER)) {
        rateLimitedUntil = Math.max(rateLimitedUntil, now + waitMs * MS + jitter);
      }
    } else if (c.serverError()
        || c.failure() == RestCall.Failure.CONNECTION
        || c.failure() == RestCall.Failure.TIMEOUT) {
      errors.record(now);
    }
  }

  /**
   * After a batch at {@code now}: every answer good clears the errors; every one failed starts a
   * backoff (if the bot backs off); any good answer past a Retry-After resets the backoffs.
   */
  void batchDone(boolean anyOk, boolean anyFailed, long now) {
    if (anyOk && !anyFailed) {
      errors.clear(); // the exchange answers again: EXCHANGE_ERRORS clears with its cause
    }
    if (anyFailed && !anyOk && cfg.has(ResilienceFeature.FAILED_TICK_BACKOFF)) {
      backoffUntil = Math.max(backoffUntil, now + backoff.next(0));
    } else if (anyOk && now >= rateLimitedUntil) {
      backoff.reset();
      rateJitter.reset();
    }
  }

  /** Whether a received Retry-After still runs at {@code now}. */
  boolean rateLimited(long now) {
    return now < rateLimitedUntil;
  }

  /** Whether the failed-tick backoff still runs at {@code now}. */
  boolean backingOff(long now) {
    return now < backoffUntil;
  }

  /** Whether the recent exchange errors raise EXCHANGE_ERRORS at {@code now}. */
  boolean errorsRaised(long now) {
    return errors.raised(now);
  }
}
