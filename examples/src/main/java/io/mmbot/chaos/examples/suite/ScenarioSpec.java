package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;

/**
 * What the suite expects of each scenario: how long a run lasts by default, the guard reason codes
 * that must be seen (the fault was noticed) and those that may be seen (anything else is
 * unexpected). Documented with the reasons in {@code docs/suite.md}.
 */
public enum ScenarioSpec {
  /** Lost requests and frames: lost answers leave place/cancel outcomes unknown. */
  NET_LOSS(
      Scenario.NET_LOSS,
      120,
      mask(GuardReason.RECONCILE_PENDING),
      mask(GuardReason.RECONCILE_PENDING, GuardReason.EXCHANGE_ERRORS)),
  /** 429 waves. */
  EXCH_429(
      Scenario.EXCH_429,
      360,
      mask(GuardReason.RATE_LIMITED),
      mask(GuardReason.RATE_LIMITED, GuardReason.RECONCILE_PENDING)),
  /** 5xx answers, half of them after the exchange executed the request. */
  EXCH_5XX(
      Scenario.EXCH_5XX,
      1_200,
      0,
      mask(GuardReason.RECONCILE_PENDING, GuardReason.EXCHANGE_ERRORS)),
  /**
   * 200 ms added before a tenth of the calls: the bot abandons them at its give-up time. 360 s
   * (three bursts, about 250 calls in bursts): at 120 s about one run in 7,000 had no spike at all.
   */
  LAT_SPIKE(
      Scenario.LAT_SPIKE, 360, 0, mask(GuardReason.RECONCILE_PENDING, GuardReason.EXCHANGE_ERRORS)),
  /** 150 ms added to a tenth of the WebSocket messages. */
  WS_LAG(Scenario.WS_LAG, 120, 0, mask(GuardReason.RECONCILE_PENDING, GuardReason.WS_STALE)),
  /**
   * Abnormal disconnects at 0.05 per minute of burst: a 120 s run holds 30 s of burst (0.025
   * expected disconnects), so this scenario runs 12 h of virtual time (360 bursts, 9 expected).
   */
  WS_DISCONNECT(
      Scenario.WS_DISCONNECT,
      43_200,
      mask(GuardReason.WS_STALE),
      mask(GuardReason.WS_STALE, GuardReason.RECONCILE_PENDING)),
  /** Failed lookups: the bot falls back to the last good address. */
  DNS_FLAP(
      Scenario.DNS_FLAP,
      360,
      mask(GuardReason.DNS_FALLBACK),
      mask(GuardReason.DNS_FALLBACK, GuardReason.RECONCILE_PENDING)),
  /** The local clock drifts within ±80 ms during bursts. */
  CLOCK_SKEW(
      Scenario.CLOCK_SKEW,
      120,
      mask(GuardReason.CLOCK_SKEW),
      mask(GuardReason.CLOCK_SKEW, GuardReason.RECONCILE_PENDING)),
  /**
   * Storms of 20 consecutive 429s. 720 s (six bursts, about 500 calls in bursts, each starting a
   * storm with chance 0.4 / 12.4): at 360 s about one run in 3,000 had no storm at all.
   */
  RATE_LIMIT_STORM(
      Scenario.RATE_LIMIT_STORM,
      720,
      mask(GuardReason.RATE_LIMITED),
      mask(GuardReason.RATE_LIMITED, GuardReason.RECONCILE_PENDING)),
  /** The open-orders view is perturbed on a tenth of the reconciles. */
  RECONCILE_MISMATCH(
      Scenario.RECONCILE_MISMATCH,
      360,
      mask(GuardReason.RECONCILE_PENDING),
      mask(GuardReason.RECONCILE_PENDING));

  private final Scenario scenario;
  private final long durationSec;
  private final int required;
  private final int allowed;

  ScenarioSpec(Scenario scenario, long durationSec, int required, int allowed) {
    this.scenario = scenario;
    this.durationSec = durationSec;
    this.required = required;
    this.allowed = allowed | required;
  }

  /** The spec of {@code s}. */
  public static ScenarioSpec of(Scenario s) {
    return values()[s.ordinal()];
  }

  /** The scenario. */
  public Scenario scenario() {
    return scenario;
  }

  /** Default run length in virtual seconds. */
  public long durationSec() {
    return durationSec;
  }

  /** Guard reasons that must be seen (a {@link GuardReason} mask). */
  public int requiredGuards() {
    return required;
  }

  /** Guard reasons that may be seen (a mask, including the required ones). */
  public int allowedGuards() {
    return allowed;
  }

  private static int mask(GuardReason... reasons) {
    int m = 0;
    for (GuardReason r : reasons) {
      m |= r.bit();
    }
    return m;
  }
}
