package io.mmbot.chaos.examples.judge;

/**
 * What the judge knows of a run besides the evidence: its time frame and what the bot declared.
 *
 * @param warmupNanos chaos is switched on at this time; earlier ticks are not judged
 * @param endNanos the run's end
 * @param burstOnNanos length of a burst
 * @param periodNanos burst period (on + off); equal to {@code burstOnNanos} for always-on chaos
 * @param tickNanos the bot's declared tick interval
 * @param chaos whether chaos was on (false: a baseline run)
 * @param declared the bot's declared limits
 */
public record RunFacts(
    long warmupNanos,
    long endNanos,
    long burstOnNanos,
    long periodNanos,
    long tickNanos,
    boolean chaos,
    Declared declared) {

  /**
   * Limits the bot declares, which the judge holds it to.
   *
   * @param maxOpenOrders orders open on the exchange at once, at most
   * @param maxOrdersPerSide live orders per side at once, at most
   * @param quoteLevelTicks two live orders of one side within this distance are one quote level
   * @param failingRequestsPer10s requests sent within any 10 s while every answer fails, at most
   * @param staleAfterMs market data older than this must be flagged (WS_STALE)
   */
  public record Declared(
      int maxOpenOrders,
      int maxOrdersPerSide,
      long quoteLevelTicks,
      int failingRequestsPer10s,
      long staleAfterMs) {}

  /** Whether {@code t} (at or after the warm-up) lies in a burst. */
  public boolean inBurst(long t) {
    return periodNanos == burstOnNanos || (t - warmupNanos) % periodNanos < burstOnNanos;
  }
}
