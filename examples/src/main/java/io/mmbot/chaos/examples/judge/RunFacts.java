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
 * @param lossesUnseen whether a request the client lost before sending can be missing from the
 *     wire: faults are injected inside the client while the wire is seen at the exchange
 */
public record RunFacts(
    long warmupNanos,
    long endNanos,
    long burstOnNanos,
    long periodNanos,
    long tickNanos,
    boolean chaos,
    Declared declared,
    boolean lossesUnseen) {

  /**
   * Limits the bot declares, which the judge holds it to.
   *
   * @param maxOpenOrders orders open on the exchange at once, at most
   * @param maxOrdersPerSide live orders per side at once, at most
   * @param quoteLevelTicks two live orders of one side within this distance are one quote level
   * @param failingRequestsPer10s attempts (a tick's batch of requests) within any 10 s while the
   *     exchange fails the client, at most
   * @param staleAfterMs market data older than this must be flagged (WS_STALE)
   * @param wsAttemptsPerSecond WebSocket connection attempts within any second, at most
   * @param retriedPlacesPer10s places repeating a failed one within any 10 s, at most
   * @param backoffCapMs the longest wait after failed ticks (what recovery may take beyond 3 ticks
   *     after a sustained outage)
   */
  public record Declared(
      int maxOpenOrders,
      int maxOrdersPerSide,
      long quoteLevelTicks,
      int failingRequestsPer10s,
      long staleAfterMs,
      int wsAttemptsPerSecond,
      int retriedPlacesPer10s,
      long backoffCapMs) {}

  /** Whether {@code t} (at or after the warm-up) lies in a burst. */
  public boolean inBurst(long t) {
    return periodNanos == burstOnNanos || (t - warmupNanos) % periodNanos < burstOnNanos;
  }
}
