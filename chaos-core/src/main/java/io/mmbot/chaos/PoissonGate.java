package io.mmbot.chaos;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The Poisson model of WS_DISCONNECT: a check fires with chance {@code 1 - exp(-rate * dt / 60 s)},
 * where {@code dt} is the time since the previous check, or since the burst window began if that is
 * later, so the rate per minute holds however often the bot checks. Keeps the time of the last
 * check; safe for concurrent use.
 */
final class PoissonGate {

  private static final double NANOS_PER_MINUTE = 60e9;
  private static final int STREAM = Scenario.WS_DISCONNECT.ordinal();

  private final AtomicLong lastCheck;

  PoissonGate(long now) {
    lastCheck = new AtomicLong(now);
  }

  /** Records a check at {@code now} and returns the time of the check before it. */
  long swapLastCheck(long now) {
    return lastCheck.getAndSet(now);
  }

  /** The time a check at {@code now} covers: since {@code previous}, or since the window began. */
  static long covered(InjectorState s, long previous, long now) {
    long from = previous - s.windowStart > 0 ? previous : s.windowStart;
    return now - from;
  }

  /** One draw: whether a disconnect happened within {@code dtNanos} at the configured rate. */
  static boolean draw(InjectorState s, long dtNanos) {
    double p = -Math.expm1(-s.config.wsDisconnect() * dtNanos / NANOS_PER_MINUTE);
    return s.draws.next(STREAM) < Draws.threshold(p);
  }
}
