package io.mmbot.chaos.examples.bot;

/**
 * The clock-skew guard: estimates the offset between the exchange's clock and the local one from
 * each answer (server time against the midpoint of the request's round trip, as NTP does) and keeps
 * a correction that the bot adds to every signed timestamp. When an estimate differs from the
 * correction by more than the tolerance, the guard is raised and the correction is re-synced to the
 * estimate; it clears on the next estimate within the tolerance. Not thread-safe.
 */
final class SkewGuard {
  private final long toleranceMs;
  private long correctionMs;
  private boolean raised;
  private long maxAbsOffsetMs;
  private long resyncs;

  SkewGuard(long toleranceMs) {
    this.toleranceMs = toleranceMs;
  }

  /**
   * One estimate from an answer: {@code serverMs} stamped by the exchange, {@code localSendMs} the
   * local clock when the request left, {@code rttNanos} the round trip.
   */
  void sample(long serverMs, long localSendMs, long rttNanos) {
    long midpoint = localSendMs + rttNanos / 2_000_000L;
    long offset = serverMs - midpoint;
    maxAbsOffsetMs = Math.max(maxAbsOffsetMs, Math.abs(offset));
    if (Math.abs(offset - correctionMs) > toleranceMs) {
      raised = true;
      correctionMs = offset;
      resyncs++;
    } else {
      raised = false;
    }
  }

  /** The exchange rejected a timestamp (-1021): resync at the next estimate. */
  void rejected() {
    raised = true;
  }

  /** Milliseconds to add to the local clock for a signed timestamp. */
  long correctionMs() {
    return correctionMs;
  }

  /** Whether the guard is raised. */
  boolean raised() {
    return raised;
  }

  /** The largest offset estimated, ms. */
  long maxAbsOffsetMs() {
    return maxAbsOffsetMs;
  }

  /** How often the correction was re-synced. */
  long resyncs() {
    return resyncs;
  }
}
