package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.exchange.RestCall;

/**
 * What one tick did, for the suite's measurements. One instance per bot, overwritten every tick.
 */
public final class TickReport {
  /** When the tick started, bot nanoseconds. */
  public long startNanos;

  /** How long it took, nanoseconds. */
  public long durationNanos;

  /** Whether it took longer than the deadline. */
  public boolean deadlineMissed;

  /** The guards raised at the start of the tick (a {@link GuardReason} mask). */
  public int guards;

  /** Whether the bot quoted this tick (no guard paused it). */
  public boolean quoting;

  /** Cancels sent. */
  public int cancels;

  /** Orders placed (requests sent). */
  public int places;

  /** Requests that repeat a failed one. */
  public int retries;

  /** REST requests sent. */
  public int requests;

  /** Requests that failed (no answer, 5xx, 429, 418). */
  public int failures;

  /** Whether market data was live at the start of the tick. */
  public boolean wsLive;

  /** The longest gap between market-data messages delivered since the previous tick, ms. */
  public double wsMaxGapMs;

  /** Requests that failed because no address could be resolved. */
  public int dnsFailures;

  /** 418 answers received. */
  public int bans418;

  /**
   * Whether {@code c} failed (no answer, or answered 429 and above); counts it in {@link #failures}
   * and, by its cause, in {@link #dnsFailures} or {@link #bans418} if so.
   */
  boolean countFailure(RestCall c) {
    boolean answered = c.failure() == RestCall.Failure.NONE;
    if (answered && c.httpStatus() < 429) {
      return false;
    }
    failures++;
    if (c.failure() == RestCall.Failure.DNS) {
      dnsFailures++;
    }
    if (c.httpStatus() == 418) {
      bans418++;
    }
    return true;
  }

  void reset(long start) {
    startNanos = start;
    durationNanos = 0;
    deadlineMissed = false;
    guards = 0;
    quoting = false;
    cancels = 0;
    places = 0;
    retries = 0;
    requests = 0;
    failures = 0;
    wsLive = false;
    wsMaxGapMs = 0;
    dnsFailures = 0;
    bans418 = 0;
  }
}
