package io.mmbot.chaos.http;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.internal.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The HTTP fault plan of one client (one IP, as the exchange sees it), independent of any
 * transport: each call of {@link #next()} draws the gates for one request and says what it meets as
 * a {@link FaultPlan}, or null to forward it untouched (the common case). {@link ChaosHttpClient},
 * the OkHttp adapter and a simulated exchange all apply these plans, so precedence, unknown
 * outcomes and the 418 escalation live in this one place.
 *
 * <p>Per request: the LAT_SPIKE delay (drawn on its own: it adds to any fault), then at most one
 * fault, chosen by one draw among NET_LOSS, RATE_LIMIT_STORM (with the escalation rule), EXCH_429
 * and EXCH_5XX ({@link ChaosInjector#httpFaultOrNull()}). So each scenario's share of requests is
 * its configured intensity however many are on, as long as the four intensities sum to at most 1;
 * beyond 1 they are served in that order of precedence until every request meets a fault (for
 * example {@code net_loss 0.7, exch_429 0.5}: 70 % losses, 30 % 429s). EXCH_429 waves and storms
 * keep their runs of consecutive requests. The injector counts exactly one injection per planned
 * fault. NET_LOSS and EXCH_5XX strike after sending with the injector's {@code
 * unknown_outcome_share}; of the NET_LOSS faults after sending, {@code net_loss.cut_share} cut the
 * connection while the response is on its way ({@link FaultPlan#isCut()}), the others lose the
 * response ({@link ChaosInjector#netLossStage()}).
 *
 * <p>Escalation: each storm 429 opens a window of its {@code Retry-After}; a request planned inside
 * that window is answered 429 again, and the {@link Builder#violationsToBan}-th such request in a
 * row earns a 418 ban for {@link Builder#banDuration}. A caller that waits as told is never banned.
 * Times come from {@link Builder#nanoClock}.
 *
 * <p>Thread safety: safe for concurrent use; all threads sharing one instance are one caller for
 * the escalation rule.
 */
public final class RequestFaults {

  private final ChaosInjector injector;
  private final LongSupplier nanoClock;
  private final long retryAfterSeconds;
  private final Escalation escalation;

  private RequestFaults(Builder b) {
    this.injector = b.injector;
    this.nanoClock = b.nanoClock;
    this.retryAfterSeconds = b.retryAfter.toSeconds();
    this.escalation =
        new Escalation(b.retryAfter.toNanos(), b.banDuration.toNanos(), b.violationsToBan);
  }

  /** The plan of {@code injector} with the default settings of {@link Builder}. */
  public static RequestFaults of(ChaosInjector injector) {
    return builder(injector).build();
  }

  /** A builder for the plan of {@code injector}. */
  public static Builder builder(ChaosInjector injector) {
    return new Builder(injector);
  }

  /** The injector whose gates this plan draws. */
  public ChaosInjector injector() {
    return injector;
  }

  /**
   * The plan for the next request, or null to forward it untouched: {@link #nextDelayMs()} and
   * {@link #afterDelay} drawn together. A transport that can be cancelled or time out while the
   * delay runs should call the two itself, so that a request that never goes out draws (and counts)
   * no fault.
   */
  public FaultPlan next() {
    return afterDelay(nextDelayMs());
  }

  /**
   * Draws LAT_SPIKE alone: the milliseconds the next request waits before it goes anywhere, 0 for
   * none. Counted as one LAT_SPIKE injection when positive.
   */
  public long nextDelayMs() {
    return injector.latencyToAddMs();
  }

  /**
   * The rest of the plan of a request that has waited {@code delayMs} (from {@link #nextDelayMs()})
   * and goes out now: the escalation rule, then one draw among the HTTP faults ({@link
   * ChaosInjector#httpFaultOrNull()}). Null when there is neither a delay nor a fault.
   */
  public FaultPlan afterDelay(long delayMs) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("delayMs must be >= 0, was " + delayMs);
    }
    if (escalation.armed()) {
      long now = nanoClock.getAsLong();
      ChaosConfig c = injector.config();
      switch (escalation.check(now, c.enabled() && !c.dryRun())) {
        case BANNED:
          return FaultPlan.status(
              delayMs, Scenario.RATE_LIMIT_STORM, 418, escalation.banRemainingSeconds(now));
        case VIOLATION:
          return FaultPlan.status(
              delayMs, Scenario.RATE_LIMIT_STORM, 429, escalation.windowRemainingSeconds(now));
        default:
          break;
      }
    }
    Scenario fault = injector.httpFaultOrNull();
    if (fault == null) {
      return delayMs > 0 ? FaultPlan.delayOnly(delayMs) : null;
    }
    switch (fault) {
      case NET_LOSS:
        return FaultPlan.loss(delayMs, injector.netLossStage());
      case RATE_LIMIT_STORM:
        escalation.storm429(nanoClock.getAsLong());
        return FaultPlan.status(delayMs, Scenario.RATE_LIMIT_STORM, 429, retryAfterSeconds);
      case EXCH_429:
        return FaultPlan.status(delayMs, Scenario.EXCH_429, 429, retryAfterSeconds);
      default:
        return FaultPlan.serverError(
            delayMs, injector.synthetic5xxStatus(), injector.strikesAfterSend());
    }
  }

  /**
   * Builds a {@link RequestFaults}. Every setting is validated when set, with a message naming it
   * and its allowed range. Not thread-safe.
   */
  public static final class Builder {
    /** Default {@code Retry-After} of a synthetic 429: 1 s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** Default ban length for a caller that ignores storm 429s: 2 minutes. */
    public static final Duration DEFAULT_BAN_DURATION = Duration.ofMinutes(2);

    /** Default number of consecutive Retry-After violations that earns a ban: 3. */
    public static final int DEFAULT_VIOLATIONS_TO_BAN = 3;

    private final ChaosInjector injector;
    private LongSupplier nanoClock = System::nanoTime;
    private Duration retryAfter = DEFAULT_RETRY_AFTER;
    private Duration banDuration = DEFAULT_BAN_DURATION;
    private int violationsToBan = DEFAULT_VIOLATIONS_TO_BAN;

    private Builder(ChaosInjector injector) {
      this.injector = Objects.requireNonNull(injector, "injector");
    }

    /**
     * The nanosecond time source of the escalation rule ({@code Retry-After} windows and bans), as
     * {@link System#nanoTime()} (the default). Pass the injector's virtual clock in tests.
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /** {@code Retry-After} of a synthetic 429, whole seconds from 1 s to 1 h (default 1 s). */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter =
          wholeSeconds(
              "retryAfter",
              Settings.inRange(
                  "retryAfter", retryAfter, Duration.ofSeconds(1), Duration.ofHours(1)));
      return this;
    }

    /** How long a ban lasts, from 1 s to 3 days (default 2 min). */
    public Builder banDuration(Duration banDuration) {
      this.banDuration =
          Settings.inRange("banDuration", banDuration, Duration.ofSeconds(1), Duration.ofDays(3));
      return this;
    }

    /** Consecutive requests inside a storm 429's Retry-After that earn a ban, 1 to 1000. */
    public Builder violationsToBan(int violations) {
      if (violations < 1 || violations > 1000) {
        throw new IllegalArgumentException(
            "violationsToBan must be in [1, 1000], was " + violations);
      }
      this.violationsToBan = violations;
      return this;
    }

    /** Builds the plan. */
    public RequestFaults build() {
      return new RequestFaults(this);
    }

    private static Duration wholeSeconds(String name, Duration d) {
      if (d.getNano() != 0) {
        throw new IllegalArgumentException(
            name + " must be a whole number of seconds (Retry-After is in seconds), was " + d);
      }
      return d;
    }
  }
}
