package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The acceptance criteria a run is judged against (product contract sections 2 and 6), each with
 * its target, its margin (the room the target leaves above the chaos-free level, which the finding
 * severities are measured in) and the troubleshooting advice for a miss.
 */
public enum Criterion {
  /** p95 tick below the baseline + 15 %; the margin is the 15 %. */
  P95_TICK("p95 tick", Unit.MS, "Raise tick_deadline_ms or lower the scenario's intensity"),
  /** p99 tick below 250 ms (latency spikes only); the margin is 250 ms minus the baseline p95. */
  P99_TICK("p99 tick", Unit.MS, "Raise tick_deadline_ms or lower the scenario's intensity"),
  /** Deadline misses below 2 % of ticks; the margin is the whole 2 %. */
  DEADLINE_MISS("deadline miss", Unit.PCT, "Tune the connector's backoff parameters"),
  /** Recovery within 3 ticks; the margin is the 3 ticks. */
  RECOVERY("recovery", Unit.TICKS, "Review the orchestrator's cleanup after a fault"),
  /** WebSocket reconnected in fewer than 3 ticks ({@code ws_disconnect} only). */
  RECONNECT("reconnect", Unit.TICKS, "Review the orchestrator's cleanup after a fault"),
  /** No cancel storm. */
  CANCEL_STORMS("cancel storms", Unit.COUNT, "Rate-limit cancels"),
  /** No retry storm. */
  RETRY_STORMS(
      "retry storms",
      Unit.COUNT,
      "Tune the connector's backoff parameters: exponential backoff with jitter for retries"),
  /** No order placed twice for one intent. */
  DUPLICATE_ORDERS(
      "duplicate orders",
      Unit.COUNT,
      "Review the orchestrator's cleanup: reuse client order ids and reconcile before resending"),
  /** No order left on the exchange untracked. */
  ORPHAN_ORDERS(
      "orphan orders",
      Unit.COUNT,
      "Review the orchestrator's cleanup: reconcile open orders after an unknown outcome"),
  /** No HTTP 418 ban earned. */
  BANS_418(
      "418 bans",
      Unit.COUNT,
      "Tune the connector's backoff parameters: honour Retry-After and pause after a 429");

  /** Allowed p95 increase over the baseline, as a fraction. */
  public static final double P95_INCREASE = 0.15;

  /** Deadline-miss target, in percent. */
  public static final double DEADLINE_MISS_PCT = 2.0;

  /** Recovery target, in ticks (at most). */
  public static final long RECOVERY_TICKS = 3;

  /** WebSocket reconnect target for {@code ws_disconnect}, in ticks (strictly fewer). */
  public static final long RECONNECT_TICKS = 3;

  /** p99 tick target for latency spikes, in milliseconds. */
  public static final double LAT_SPIKE_P99_MS = 250.0;

  /** How a criterion's numbers are written. */
  public enum Unit {
    /** Milliseconds. */
    MS(" ms"),
    /** Percent. */
    PCT(" %"),
    /** Ticks. */
    TICKS(" ticks"),
    /** A plain count. */
    COUNT("");

    private final String suffix;

    Unit(String suffix) {
      this.suffix = suffix;
    }

    /** The suffix written after a number, with its leading space (empty for counts). */
    public String suffix() {
      return suffix;
    }
  }

  private final String label;
  private final Unit unit;
  private final String recommendation;

  Criterion(String label, Unit unit, String recommendation) {
    this.label = label;
    this.unit = unit;
    this.recommendation = recommendation;
  }

  /** The name used in reports, for example {@code "deadline miss"}. */
  public String label() {
    return label;
  }

  /** The unit of the criterion's numbers. */
  public Unit unit() {
    return unit;
  }

  /** The troubleshooting advice for a miss. */
  public String recommendation() {
    return recommendation;
  }

  /** Whether the target is inclusive ({@code ≤}); otherwise the value must stay strictly below. */
  public boolean inclusive() {
    return this == RECOVERY || unit == Unit.COUNT;
  }

  /** Whether the criterion applies to runs of this scenario. */
  public boolean appliesTo(Scenario scenario) {
    switch (this) {
      case P99_TICK:
        return scenario == Scenario.LAT_SPIKE;
      case RECONNECT:
        return scenario == Scenario.WS_DISCONNECT;
      default:
        return true;
    }
  }

  /** The criterion with this label. */
  public static Criterion fromLabel(String label) {
    for (Criterion c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown criterion '" + label + "'");
  }

  /** The run's measured value, or empty when the run did not record it or it does not apply. */
  public OptionalDouble value(RunRecord run) {
    if (!appliesTo(run.scenario())) {
      return OptionalDouble.empty();
    }
    RunMetrics m = run.metrics();
    switch (this) {
      case P95_TICK:
        return OptionalDouble.of(m.p95TickMs());
      case P99_TICK:
        return m.p99TickMs();
      case DEADLINE_MISS:
        return OptionalDouble.of(m.deadlineMissPct());
      case RECOVERY:
        return OptionalDouble.of(m.recoveryTicks());
      case RECONNECT:
        return asDouble(m.reconnectTicks());
      case CANCEL_STORMS:
        return asDouble(m.cancelStorms());
      case RETRY_STORMS:
        return asDouble(m.retryStorms());
      case DUPLICATE_ORDERS:
        return asDouble(m.duplicateOrders());
      case ORPHAN_ORDERS:
        return asDouble(m.orphanOrders());
      case BANS_418:
        return asDouble(m.bans418());
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The target the run's value is compared with; always finite (a baseline so large that its +15 %
   * would overflow gives {@link Double#MAX_VALUE}).
   */
  public double target(RunRecord run) {
    switch (this) {
      case P95_TICK:
        return Math.min(
            run.metrics().effectiveBaselineP95Ms() * (1 + P95_INCREASE), Double.MAX_VALUE);
      case P99_TICK:
        return LAT_SPIKE_P99_MS;
      case DEADLINE_MISS:
        return DEADLINE_MISS_PCT;
      case RECOVERY:
        return RECOVERY_TICKS;
      case RECONNECT:
        return RECONNECT_TICKS;
      default:
        return 0;
    }
  }

  /** The room the target leaves above the chaos-free level; 0 for counts that must stay 0. */
  public double margin(RunRecord run) {
    switch (this) {
      case P95_TICK:
        return run.metrics().effectiveBaselineP95Ms() * P95_INCREASE;
      case P99_TICK:
        return Math.max(0, LAT_SPIKE_P99_MS - run.metrics().effectiveBaselineP95Ms());
      case DEADLINE_MISS:
        return DEADLINE_MISS_PCT;
      case RECOVERY:
        return RECOVERY_TICKS;
      case RECONNECT:
        return RECONNECT_TICKS;
      default:
        return 0;
    }
  }

  /** Whether {@code value} meets {@code target}. */
  public boolean met(double value, double target) {
    return inclusive() ? value <= target : value < target;
  }

  private static OptionalDouble asDouble(OptionalLong v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
  }
}
