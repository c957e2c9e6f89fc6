package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The measured outcome of one run and its verdict. Every figure is computed from the ticks the run
 * recorded and the exchange's ledger; see {@code docs/suite.md} for each definition. Immutable
 * after {@link #of}.
 */
public final class RunResult {

  /** The run. */
  public final RunPlan plan;

  /** Ticks run, and how many started inside a burst. */
  public final int ticks;

  /** Ticks inside bursts. */
  public final int burstTicks;

  /** p95 and p99 of the tick duration over the in-burst ticks, ms (the judged p95 and p99). */
  public final double p95BurstMs;

  /** p99 in burst, ms. */
  public final double p99BurstMs;

  /** p95 and p99 over the whole run, ms. */
  public final double p95RunMs;

  /** p99 over the whole run, ms. */
  public final double p99RunMs;

  /** p95 of the ticks outside bursts, once 3 ticks past each burst's end, ms. */
  public final double p95AfterRecoveryMs;

  /** Deadline misses in percent of all ticks (the judged figure). */
  public final double deadlineMissPct;

  /** Deadline misses in percent of in-burst ticks. */
  public final double deadlineMissBurstPct;

  /** Deadline misses in percent of the ticks after recovery. */
  public final double deadlineMissAfterPct;

  /** The baseline run's whole-run p95 (for a baseline run: its own), ms. */
  public final double baselineP95Ms;

  /** The baseline run's deadline-miss percentage. */
  public final double baselineDeadlineMissPct;

  /** Unhealthy ticks after each burst, in burst order. */
  public final List<Integer> recoveryPerBurst;

  /** The worst recovery, ticks. */
  public final int recoveryTicks;

  /** Longest run of consecutive ticks without live market data. */
  public final int reconnectTicks;

  /** Most cancels sent within one second, and the number of cancel storms. */
  public final int maxCancelsPerSecond;

  /** Cancel storms (episodes of seconds with more than 10 cancels). */
  public final int cancelStorms;

  /** Most retried requests within one second. */
  public final int maxRetriesPerSecond;

  /** Retry storms (episodes of seconds with more than 5 retries). */
  public final int retryStorms;

  /** Guard reasons raised at least once (mask). */
  public final int guardsSeen;

  /** Injections per scenario, in {@link Scenario} order. */
  public final long[] injections;

  /** Intents the exchange holds more than one order of, counted by the extra orders. */
  public final int duplicateOrders;

  /** Orphan orders. */
  public final int orphanOrders;

  /** Most orders open at once. */
  public final int maxOpenOrders;

  /** 418 bans earned. */
  public final long bans418;

  /** Requests sent while a received Retry-After was running. */
  public final long retryAfterViolations;

  /** Requests the exchange rejected for their timestamp (-1021). */
  public final long timestampRejections;

  /** Requests that failed for want of an address. */
  public final int dnsFailures;

  /** p95 of the longest WebSocket gap per tick, in bursts and after recovery, ms. */
  public final double wsGapP95BurstMs;

  /** WebSocket gap p95 after recovery, ms. */
  public final double wsGapP95AfterMs;

  /** The baseline's WebSocket gap p95 (whole run), ms. */
  public final double baselineWsGapP95Ms;

  /** The most ticks a reconcile discrepancy stayed unresolved. */
  public final int maxPendingTicks;

  /** Share of in-burst ticks in which the bot quoted, percent. */
  public final double quotingBurstPct;

  /** A hash of the exchange's event log. */
  public final long eventLogHash;

  /** Tick timeline windows for the report. */
  public final Timeline timeline;

  /** The failed checks with a one-line explanation each, in {@link Check} order. */
  public final Map<Check, String> failures;

  /** Tick timeline in fixed windows. */
  public record Timeline(double windowSec, List<double[]> windows) {}

  private RunResult(Builder b) {
    plan = b.plan;
    ticks = b.ticks;
    burstTicks = b.burstTicks;
    p95BurstMs = b.p95Burst;
    p99BurstMs = b.p99Burst;
    p95RunMs = b.p95Run;
    p99RunMs = b.p99Run;
    p95AfterRecoveryMs = b.p95After;
    deadlineMissPct = b.missPct;
    deadlineMissBurstPct = b.missBurstPct;
    deadlineMissAfterPct = b.missAfterPct;
    baselineP95Ms = b.baselineP95;
    baselineDeadlineMissPct = b.baselineMiss;
    recoveryPerBurst = Collections.unmodifiableList(b.recovery);
    recoveryTicks = b.recovery.stream().mapToInt(Integer::intValue).max().orElse(0);
    reconnectTicks = b.reconnect;
    maxCancelsPerSecond = b.maxCancels;
    cancelStorms = b.cancelStorms;
    maxRetriesPerSecond = b.maxRetries;
    retryStorms = b.retryStorms;
    guardsSeen = b.guardsSeen;
    injections = b.injections.clone();
    duplicateOrders = b.duplicates;
    orphanOrders = b.orphans;
    maxOpenOrders = b.maxOpen;
    bans418 = b.bans418;
    retryAfterViolations = b.retryAfterViolations;
    timestampRejections = b.timestampRejections;
    dnsFailures = b.dnsFailures;
    wsGapP95BurstMs = b.gapBurst;
    wsGapP95AfterMs = b.gapAfter;
    baselineWsGapP95Ms = b.baselineGap;
    maxPendingTicks = b.maxPending;
    quotingBurstPct = b.quotingBurst;
    eventLogHash = b.hash;
    timeline = b.timeline;
    failures = Collections.unmodifiableMap(judge(b));
  }

  /** Whether every check passed. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** Injections of the run's own scenario (0 for the baseline). */
  public long ownInjections() {
    return plan.scenario() == null ? 0 : injections[plan.scenario().ordinal()];
  }

  /** One line per failed check, with the replay command, for logs. */
  public String describeFailures(boolean defaultDuration) {
    StringBuilder s = new StringBuilder();
    s.append("FAILED ")
        .append(plan.key())
        .append(" seed ")
        .append(plan.seed())
        .append(" (")
        .append(plan.bot())
        .append("): ");
    List<String> parts = new ArrayList<>();
    failures.forEach((c, m) -> parts.add(c.name().toLowerCase(java.util.Locale.ROOT) + ": " + m));
    s.append(String.join("; ", parts));
    s.append("\n  replay: ").append(plan.replayCommand(defaultDuration));
    return s.toString();
  }

  /**
   * Guards every loopback run may raise: on a real network a stalled machine can time a request
   * out, which is an exchange error to the bot and leaves a place or cancel unknown.
   */
  static final int LOOPBACK_ALLOWED_GUARDS =
      GuardReason.EXCHANGE_ERRORS.bit() | GuardReason.RECONCILE_PENDING.bit();

  /** Scheduling headroom added to the in-burst p95 limit on the loopback exchange, ms. */
  static final double LOOPBACK_P95_SLACK_MS = 15;

  /** Deadline misses allowed on the loopback exchange beyond the baseline's own, in points. */
  static final double LOOPBACK_MISS_PCT = 10;

  private static Map<Check, String> judge(Builder b) {
    Map<Check, String> f = new EnumMap<>(Check.class);
    Scenario s = b.plan.scenario();
    boolean loopback = b.plan.exchange().equals("loopback");
    int allowed =
        (s == null ? 0 : ScenarioSpec.of(s).allowedGuards())
            | (loopback ? LOOPBACK_ALLOWED_GUARDS : 0);
    if (s != null) {
      ScenarioSpec spec = ScenarioSpec.of(s);
      if (b.injections[s.ordinal()] == 0) {
        f.put(Check.FIRED, "no " + s.key() + " injection in the whole run");
      }
      int missing = spec.requiredGuards() & ~b.guardsSeen;
      if (missing != 0) {
        f.put(Check.EXPECTED_GUARDS, "never raised " + GuardReason.describe(missing));
      }
      double slack = loopback ? LOOPBACK_P95_SLACK_MS : 0;
      double limit = b.baselineP95 * 1.15 + slack;
      double p95 = loopback ? b.p95BurstTrimmed : b.p95Burst;
      if (!(p95 < limit)) {
        f.put(
            Check.P95_TICK,
            fmt(
                "in-burst p95%s %.1f ms not below baseline %.1f ms + 15 %%%s = %.1f ms",
                loopback ? " without the slowest tick" : "",
                p95,
                b.baselineP95,
                loopback ? fmt(" + %.0f ms", slack) : "",
                limit));
      }
    }
    int unexpected = b.guardsSeen & ~allowed;
    if (unexpected != 0) {
      f.put(Check.UNEXPECTED_GUARDS, "raised " + GuardReason.describe(unexpected));
    }
    if (loopback) {
      // The baseline's misses measure the machine, not the bot: they are the reference the
      // scenario runs of the same time are judged against, not judged themselves.
      double limit = LOOPBACK_MISS_PCT + b.baselineMiss;
      if (s != null && !(b.missPct < limit)) {
        f.put(
            Check.DEADLINE_MISS,
            fmt("deadline miss %.2f %% not below %.2f %% (loopback)", b.missPct, limit));
      }
    } else if (!(b.missPct < 2.0)) {
      f.put(Check.DEADLINE_MISS, fmt("deadline miss %.2f %% not below 2 %%", b.missPct));
    }
    int worst = b.recovery.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (s != null && worst > 3) {
      f.put(Check.RECOVERY, "recovery took " + worst + " ticks after a burst (at most 3)");
    }
    if (b.cancelStorms > 0) {
      f.put(Check.CANCEL_STORMS, b.cancelStorms + " cancel storm(s), up to " + b.maxCancels + "/s");
    }
    if (b.retryAfterViolations > 0) {
      f.put(
          Check.RETRY_AFTER,
          b.retryAfterViolations + " request(s) sent while a Retry-After was running");
    }
    if (b.retryStorms > 0) {
      f.put(Check.RETRY_STORMS, b.retryStorms + " retry storm(s), up to " + b.maxRetries + "/s");
    }
    if (b.duplicates > 0) {
      f.put(Check.DUPLICATE_ORDERS, b.duplicates + " duplicate order(s) on the exchange");
    }
    if (b.orphans > 0) {
      f.put(Check.ORPHAN_ORDERS, b.orphans + " orphan order(s) left unreconciled");
    }
    if (b.maxOpen > b.botLimit) {
      f.put(Check.OPEN_ORDER_LIMIT, b.maxOpen + " open orders, above the limit " + b.botLimit);
    }
    if (b.bans418 > 0) {
      f.put(Check.BANS_418, b.bans418 + " HTTP 418 ban(s) earned");
    }
    if (b.timestampRejections > 0) {
      f.put(
          Check.TIMESTAMPS,
          b.timestampRejections + " request(s) rejected for their timestamp (-1021)");
    }
    if (s == Scenario.LAT_SPIKE && !(b.p99Burst < 250)) {
      f.put(Check.P99_TICK, fmt("in-burst p99 %.1f ms not below 250 ms", b.p99Burst));
    }
    if (s == Scenario.WS_DISCONNECT && b.reconnect >= 3) {
      f.put(Check.RECONNECT, "market data down for " + b.reconnect + " ticks (fewer than 3)");
    }
    if (s == Scenario.WS_LAG && !(b.gapAfter <= b.baselineGap * 1.15)) {
      f.put(
          Check.WS_GAP,
          fmt(
              "ws gap p95 after bursts %.1f ms above baseline %.1f ms + 15 %%",
              b.gapAfter, b.baselineGap));
    }
    if (s == Scenario.DNS_FLAP && b.dnsFailures > 0) {
      f.put(Check.DNS_FALLBACK, b.dnsFailures + " request(s) failed for want of an address");
    }
    if (s == Scenario.RECONCILE_MISMATCH && b.maxPending > 1) {
      f.put(
          Check.RECONCILED_NEXT_TICK,
          "a discrepancy took " + b.maxPending + " ticks to resolve (at most 1: the next tick)");
    }
    return f;
  }

  private static String fmt(String f, Object... args) {
    return String.format(java.util.Locale.ROOT, f, args);
  }

  /** Computes every figure of a finished run. */
  static RunResult of(
      RunPlan plan,
      Measurement m,
      RunResult baseline,
      long[] injections,
      int duplicates,
      long bans418,
      long retryAfterViolations,
      long timestampRejections,
      int botLimit,
      long hash) {
    Builder b = new Builder();
    b.plan = plan;
    b.ticks = m.n;
    b.botLimit = botLimit;
    b.injections = injections;
    b.duplicates = duplicates;
    b.bans418 = Math.max(bans418, m.bans418Seen);
    b.retryAfterViolations = retryAfterViolations;
    b.timestampRejections = timestampRejections;
    b.hash = hash;
    Analysis.fill(b, m, baseline);
    b.maxPending = m.maxResolveTicks;
    return new RunResult(b);
  }

  /** Mutable figures while computing. */
  static final class Builder {
    RunPlan plan;
    int ticks;
    int burstTicks;
    double p95Burst;
    double p95BurstTrimmed;
    double p99Burst;
    double p95Run;
    double p99Run;
    double p95After;
    double missPct;
    double missBurstPct;
    double missAfterPct;
    double baselineP95;
    double baselineMiss;
    List<Integer> recovery = new ArrayList<>();
    int reconnect;
    int maxCancels;
    int cancelStorms;
    int maxRetries;
    int retryStorms;
    int guardsSeen;
    long[] injections;
    int duplicates;
    int orphans;
    int maxOpen;
    int botLimit;
    long bans418;
    long retryAfterViolations;
    long timestampRejections;
    int dnsFailures;
    double gapBurst;
    double gapAfter;
    double baselineGap;
    int maxPending;
    double quotingBurst;
    long hash;
    Timeline timeline;
  }
}
