package io.mmbot.chaos.http;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.util.function.LongSupplier;

/**
 * Draws the gates for one request and turns them into a {@link Plan}: the delay, then the one fault
 * that applies, in the precedence NET_LOSS, RATE_LIMIT_STORM (with the escalation rule), EXCH_429,
 * EXCH_5XX. Gates after the first that fires are not drawn, so the injector counts exactly the
 * faults applied. Safe for concurrent use.
 */
final class FaultPlanner {

  private final ChaosInjector injector;
  private final LongSupplier nanoClock;
  private final long retryAfterSeconds;
  private final Escalation escalation;

  FaultPlanner(
      ChaosInjector injector,
      LongSupplier nanoClock,
      long retryAfterSeconds,
      long banNanos,
      int violationsToBan) {
    this.injector = injector;
    this.nanoClock = nanoClock;
    this.retryAfterSeconds = retryAfterSeconds;
    this.escalation = new Escalation(retryAfterSeconds * 1_000_000_000L, banNanos, violationsToBan);
  }

  /** The plan for one request, or null to forward it untouched (the common case). */
  Plan plan() {
    long delay = injector.latencyToAddMs();
    if (escalation.armed()) {
      long now = nanoClock.getAsLong();
      ChaosConfig c = injector.config();
      switch (escalation.check(now, c.enabled() && !c.dryRun())) {
        case BANNED:
          return Plan.status(
              delay, Scenario.RATE_LIMIT_STORM, 418, escalation.banRemainingSeconds(now));
        case VIOLATION:
          return Plan.status(
              delay, Scenario.RATE_LIMIT_STORM, 429, escalation.windowRemainingSeconds(now));
        default:
          break;
      }
    }
    if (injector.shouldInjectNetLoss()) {
      return Plan.loss(delay, injector.strikesAfterSend());
    }
    if (injector.shouldInjectRateLimitStorm()) {
      escalation.storm429(nanoClock.getAsLong());
      return Plan.status(delay, Scenario.RATE_LIMIT_STORM, 429, retryAfterSeconds);
    }
    if (injector.shouldInjectExch429()) {
      return Plan.status(delay, Scenario.EXCH_429, 429, retryAfterSeconds);
    }
    if (injector.shouldInjectExch5xx()) {
      return Plan.serverError(delay, injector.synthetic5xxStatus(), injector.strikesAfterSend());
    }
    return delay > 0 ? Plan.delayOnly(delay) : null;
  }
}
