package io.mmbot.chaos.examples.suite;

/**
 * How long a run may take to be healthy again after a burst: {@value #TICKS} unhealthy ticks, and
 * for a stress scenario the time its faults force on any client (a backoff up to the declared cap,
 * the weight of another client freed only at the minute's end, an endpoint's failover), and how
 * long market data may take to come back after an abnormal WebSocket close.
 */
final class RecoveryAllowance {

  /** Unhealthy ticks allowed after a burst, before any stress scenario's allowance. */
  static final int TICKS = 3;

  /** The longest failover of a WebSocket endpoint after an abnormal close, ms. */
  static final double MAX_FAILOVER_MS = 5_000;

  /** The longest reconnect wait the bots declare, ms. */
  static final double MAX_WS_BACKOFF_MS = 800;

  private RecoveryAllowance() {}

  /**
   * Unhealthy ticks allowed after any burst of a run of {@code stress} (or none) with {@code
   * limits}.
   */
  static int ticks(StressScenario stress, JudgedLimits limits) {
    double tickMs = limits.tickMs();
    int allowed = TICKS;
    if (stress != null && stress.recoveryAfterBackoff()) {
      allowed += (int) Math.ceil(limits.backoffCapMs() / tickMs);
    }
    if (stress != null && stress.weightOfAnotherClientPerSec() > 0) {
      allowed += (int) Math.ceil(60_000 / tickMs); // the weight frees at the minute's end
    }
    if (stress != null && stress.reconnectAfterFailover()) {
      allowed += (int) Math.ceil((MAX_FAILOVER_MS + MAX_WS_BACKOFF_MS) / tickMs);
    }
    return allowed;
  }

  /**
   * The time market data may take to come back after an abnormal close, ms: 3 ticks (+ failover).
   */
  static double reconnectMs(StressScenario stress, double tickMs) {
    boolean failover = stress != null && stress.reconnectAfterFailover();
    return 3 * tickMs + (failover ? MAX_FAILOVER_MS + MAX_WS_BACKOFF_MS : 0);
  }
}
