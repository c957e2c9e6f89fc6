package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.GuardCauses;
import io.mmbot.chaos.examples.judge.RecoveryWaits;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.WireChecks;
import io.mmbot.chaos.examples.judge.WireLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The measured outcome of one run and its verdict. Every figure is computed from the run's {@link
 * Evidence} alone (the wire, the exchange's orders, the scrapes of the bot's metrics), never from
 * the bot's objects; see {@code docs/suite.md} for each definition. Immutable after {@link #of}.
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

  /** Most attempts (a tick's batch) within 10 s while the client's last answer had failed. */
  public final int maxRetriesPerSecond;

  /** 1 when the requests sent while failing exceeded the declared budget within some 10 s. */
  public final int retryStorms;

  /** Guard reasons raised at least once (mask). */
  public final int guardsSeen;

  /** Injections per scenario, in {@link Scenario} order. */
  public final long[] injections;

  /** Orders accepted while another live order of the same side stood at the same quote level. */
  public final int duplicateOrders;

  /**
   * Order requests of unknown outcome the client did not ask the exchange about on the next tick.
   */
  public final int orphanOrders;

  /** Order requests of unknown outcome. */
  public final int unknownOutcomes;

  /** New orders sent on a side before the truth about an unknown outcome there was received. */
  public final int placedBeforeTruth;

  /** Places sent while the exchange was failing this client (see {@code WireChecks}). */
  public final long placesWhileFailing;

  /** Places sent in ticks whose scrape showed a guard raised. */
  public final long placesWhileGuarded;

  /** Most live orders on one side at once, on the exchange. */
  public final int maxOrdersPerSide;

  /** Ticks with WS_STALE clear although no fresh market data backed it. */
  public final int staleUnguardedTicks;

  /** The longest time from an abnormal WebSocket close to fresh data again, ms. */
  public final double reconnectMs;

  /** Ticks whose counted discrepancies were not followed by a query on the next tick. */
  public final int injectionsNotQueried;

  /** Perturbed views of quiet ticks that the bot did not count as a discrepancy. */
  public final int injectionsUndetected;

  /** Most orders open at once. */
  public final int maxOpenOrders;

  /** 418 bans earned. */
  public final long bans418;

  /** Requests sent while a received Retry-After was running. */
  public final long retryAfterViolations;

  /** Own orders left open, never cancelled, 10 s after a newer one of their side. */
  public final int abandonedOrders;

  /** Requests the exchange refused because the weight of the minute was used up (-1003). */
  public final long weightRefusals;

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

  /**
   * The most ticks from a tick in which the bot counted a discrepancy to its next query by client
   * order id (1: the next tick; settled by a fill or an order answer of the same tick: 1).
   */
  public final int maxPendingTicks;

  /** Share of in-burst ticks in which the bot quoted, percent. */
  public final double quotingBurstPct;

  /** A hash of the exchange's event log. */
  public final long eventLogHash;

  /** Tick timeline windows for the report. */
  public final Timeline timeline;

  /** The failed checks with a one-line explanation each, in {@link Check} order. */
  public final Map<Check, String> failures;

  /** For a bot in another process ({@code --bot-cmd}): how it ran; null otherwise. */
  public final ExternalFacts external;

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
    unknownOutcomes = b.unknowns;
    placedBeforeTruth = b.placedBeforeTruth;
    placesWhileFailing = b.placesWhileFailing;
    placesWhileGuarded = b.placesWhileGuarded;
    maxOrdersPerSide = b.maxPerSide;
    staleUnguardedTicks = b.staleUnguarded;
    reconnectMs = b.reconnectMs;
    injectionsNotQueried = b.injectionsNotQueried;
    injectionsUndetected = b.injectionsUndetected;
    maxOpenOrders = b.maxOpen;
    bans418 = b.bans418;
    retryAfterViolations = b.retryAfterViolations;
    weightRefusals = b.weightRefusals;
    abandonedOrders = b.abandonedOrders;
    timestampRejections = b.timestampRejections;
    dnsFailures = b.dnsFailures;
    wsGapP95BurstMs = b.gapBurst;
    wsGapP95AfterMs = b.gapAfter;
    baselineWsGapP95Ms = b.baselineGap;
    maxPendingTicks = b.maxPending;
    quotingBurstPct = b.quotingBurst;
    eventLogHash = b.hash;
    timeline = b.timeline;
    external = b.external;
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
    s.append("\n  replay: ").append(replay(defaultDuration));
    return s.toString();
  }

  /** The command line that replays this run. */
  public String replay(boolean defaultDuration) {
    return external != null ? external.replay() : plan.replayCommand(defaultDuration);
  }

  /**
   * Guards every loopback run may raise: on a real network a stalled machine can time a request
   * out, which is an exchange error to the bot and leaves a place or cancel unknown.
   */
  static final int LOOPBACK_ALLOWED_GUARDS =
      GuardReason.EXCHANGE_ERRORS.bit() | GuardReason.RECONCILE_PENDING.bit();

  /**
   * How long an order superseded by a newer one of its side may stay open without a single cancel
   * sent for it: 10 s, twenty ticks. A bot that knows its orders cancels the old quote in the tick
   * it places the new one (its cancel may fail; it is still sent); one that lost track of an order
   * never does; a longer grace only gives a fill more time to close the abandoned order first.
   */
  static final long ABANDON_GRACE_NANOS = 10_000_000_000L;

  /** The longest failover of a WebSocket endpoint after an abnormal close, ms. */
  static final double MAX_FAILOVER_MS = 5_000;

  /** The longest reconnect wait the bots declare, ms. */
  static final double MAX_WS_BACKOFF_MS = 800;

  /** Scheduling headroom added to the in-burst p95 limit on the loopback exchange, ms. */
  static final double LOOPBACK_P95_SLACK_MS = 15;

  /** Deadline misses allowed on the loopback exchange beyond the baseline's own, in points. */
  static final double LOOPBACK_MISS_PCT = 10;

  static Map<Check, String> judge(Builder b) {
    Map<Check, String> f = new EnumMap<>(Check.class);
    Scenario s = b.plan.scenario();
    boolean loopback = b.plan.exchange().equals("loopback");
    StressScenario stress = b.stress;
    int allowed =
        (s == null
                ? 0
                : stress != null ? stress.allowedGuards() : ScenarioSpec.of(s).allowedGuards())
            | (loopback ? LOOPBACK_ALLOWED_GUARDS : 0);
    if (s != null) {
      int required = stress != null ? stress.requiredGuards() : ScenarioSpec.of(s).requiredGuards();
      if (b.injections[s.ordinal()] == 0) {
        f.put(Check.FIRED, "no " + s.key() + " injection in the whole run");
      }
      if (s == Scenario.NET_LOSS && b.unsettledUnknowns == 0) {
        // RECONCILE_PENDING answers an order whose outcome is unknown; a run whose losses all
        // struck queries (about 1 in 140 at the seed's intensity), or whose unknown outcomes a
        // fill report settled before the next tick, gave the bot nothing to verify.
        required &= ~GuardReason.RECONCILE_PENDING.bit();
      }
      if (s == Scenario.WS_DISCONNECT && !b.staleGuardDue) {
        // WS_STALE answers a tick that began without live market data; a run whose every
        // reconnect brought fresh data between two tick starts gave the bot nothing to guard.
        required &= ~GuardReason.WS_STALE.bit();
      }
      int missing = required & ~b.guardsSeen;
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
    allowed |= b.explainedGuards; // a guard whose cause the wire shows is not unexpected
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
    int recoveryLimit = 3;
    boolean backoffAllowed = stress != null && stress.recoveryAfterBackoff();
    if (backoffAllowed) {
      recoveryLimit += (int) Math.ceil(b.backoffCapMs / b.tickMs);
    }
    if (stress != null && stress.weightOfAnotherClientPerSec() > 0) {
      recoveryLimit += (int) Math.ceil(60_000 / b.tickMs); // the weight frees at the minute's end
    }
    if (stress != null && stress.reconnectAfterFailover()) {
      recoveryLimit += (int) Math.ceil((MAX_FAILOVER_MS + MAX_WS_BACKOFF_MS) / b.tickMs);
    }
    // Ticks the client still spent waiting out the backoff of an attempt that failed in the
    // burst are its declared behaviour, not slowness: its recovery runs from when it came back.
    int worst = 0;
    int worstLimit = recoveryLimit;
    for (int k = 0; k < b.recovery.size(); k++) {
      int wait = backoffAllowed || k >= b.backoffWaits.size() ? 0 : b.backoffWaits.get(k);
      if (k < b.failOverWaits.size()) {
        wait = Math.max(wait, b.failOverWaits.get(k));
      }
      int limit = recoveryLimit + wait;
      if (b.recovery.get(k) - limit > worst - worstLimit) {
        worst = b.recovery.get(k);
        worstLimit = limit;
      }
    }
    if (s != null && worst > worstLimit) {
      f.put(
          Check.RECOVERY,
          "recovery took "
              + worst
              + " ticks after a burst (at most "
              + worstLimit
              + (worstLimit > recoveryLimit
                  ? ", of which "
                      + (worstLimit - recoveryLimit)
                      + " waiting out a backoff or the exchange's fail-over"
                  : "")
              + ")");
    }
    if (b.maxRetriedPlaces > b.declaredRetried) {
      f.put(
          Check.RETRY_BUDGET,
          b.maxRetriedPlaces
              + " places repeating a failed one within 10 s (budget "
              + b.declaredRetried
              + ")");
    }
    if (b.maxWsAttempts > b.declaredWsAttempts) {
      f.put(
          Check.WS_ATTEMPTS,
          b.maxWsAttempts
              + " WebSocket connection attempts within one second (at most "
              + b.declaredWsAttempts
              + ")");
    }
    if (b.cancelStorms > 0) {
      f.put(
          Check.CANCEL_STORMS,
          b.maxCancels + " cancels within one second (declared limit " + b.declaredCancels + ")");
    }
    if (b.retryAfterViolations > 0) {
      f.put(
          Check.RETRY_AFTER,
          b.retryAfterViolations + " request(s) sent before a received Retry-After had passed");
    }
    if (b.retryStorms > 0) {
      f.put(
          Check.RETRY_STORMS,
          b.maxRetries
              + " attempts within 10 s while the exchange was failing (budget "
              + b.declaredFailing
              + ")");
    }
    if (b.placesWhileFailing > 0) {
      f.put(
          Check.PLACES_WHILE_FAILING,
          b.placesWhileFailing + " order(s) placed while the exchange was failing this client");
    }
    if (b.placesWhileGuarded > 0) {
      f.put(
          Check.PLACES_WHILE_GUARDED,
          b.placesWhileGuarded + " order(s) placed while a guard was raised");
    }
    if (b.duplicates > 0) {
      f.put(
          Check.DUPLICATE_ORDERS,
          b.duplicates + " order(s) placed at a quote level already held by a live order");
    }
    if (b.orphans > 0) {
      f.put(
          Check.ORPHAN_ORDERS,
          b.orphans + " order request(s) of unknown outcome not asked about on the next tick");
    }
    if (b.placedBeforeTruth > 0) {
      f.put(
          Check.UNKNOWN_OUTCOMES,
          b.placedBeforeTruth + " new order(s) sent before an unknown outcome was settled");
    }
    if (b.maxOpen > b.botLimit || b.maxPerSide > b.perSideLimit) {
      f.put(
          Check.OPEN_ORDER_LIMIT,
          b.maxOpen
              + " open orders ("
              + b.maxPerSide
              + " on one side), above the limit "
              + b.botLimit
              + " ("
              + b.perSideLimit
              + " per side)");
    }
    if (b.staleUnguarded > 0) {
      f.put(
          Check.STALE_DATA,
          b.staleUnguarded + " tick(s) without WS_STALE although no fresh market data had come");
    }
    if (b.bans418 > 0) {
      f.put(Check.BANS_418, b.bans418 + " HTTP 418 ban(s) earned");
    }
    if (b.abandonedOrders > 0) {
      f.put(
          Check.ABANDONED_ORDERS,
          b.abandonedOrders
              + " own order(s) left open and never cancelled 10 s after a newer one of their side");
    }
    if (b.weightRefusals > 0) {
      f.put(
          Check.WEIGHT_LIMIT,
          b.weightRefusals + " request(s) refused for the weight of the minute (429, -1003)");
    }
    if (b.timestampRejections > 0) {
      f.put(
          Check.TIMESTAMPS,
          b.timestampRejections + " request(s) rejected for their timestamp (-1021)");
    }
    if (b.external != null) {
      ExternalJudging.judge(b, f);
    } else if (s == Scenario.LAT_SPIKE && !(b.p99Burst < 250)) {
      f.put(Check.P99_TICK, fmt("in-burst p99 %.1f ms not below 250 ms", b.p99Burst));
    }
    double reconnectLimit =
        3 * b.tickMs
            + (stress != null && stress.reconnectAfterFailover()
                ? MAX_FAILOVER_MS + MAX_WS_BACKOFF_MS
                : 0);
    if (b.reconnectMs >= reconnectLimit) {
      f.put(
          Check.RECONNECT,
          fmt(
              "market data back %.0f ms after an abnormal close (less than %.0f ms)",
              b.reconnectMs, reconnectLimit));
    }
    // judged where the gaps are seen at the bot: for a bot in another process only the exchange's
    // writes are seen, which the bot cannot change (docs/your-bot.md)
    if (s == Scenario.WS_LAG && b.external == null && !(b.gapAfter <= b.baselineGap * 1.15)) {
      f.put(
          Check.WS_GAP,
          fmt(
              "ws gap p95 after bursts %.1f ms above baseline %.1f ms + 15 %%",
              b.gapAfter, b.baselineGap));
    }
    if (s == Scenario.DNS_FLAP && b.dnsFailures > 0) {
      f.put(Check.DNS_FALLBACK, b.dnsFailures + " request(s) failed for want of an address");
    }
    if (b.injectionsNotQueried > 0
        || (s == Scenario.RECONCILE_MISMATCH && b.injectionsUndetected > 0)) {
      f.put(
          Check.RECONCILED_NEXT_TICK,
          b.injectionsNotQueried
              + " counted discrepancy(ies) not queried on the next tick, "
              + b.injectionsUndetected
              + " perturbed view(s) of a quiet tick not counted as a discrepancy");
    }
    return f;
  }

  private static String fmt(String f, Object... args) {
    return String.format(java.util.Locale.ROOT, f, args);
  }

  /** Computes every figure of a finished run from its evidence alone. */
  static RunResult of(
      RunPlan plan,
      Evidence e,
      RunResult baseline,
      long[] injections,
      long bans418,
      long timestampRejections,
      long weightRefusals,
      long hash,
      StressScenario stress) {
    return of(
        plan,
        e,
        baseline,
        injections,
        bans418,
        timestampRejections,
        weightRefusals,
        hash,
        stress,
        null);
  }

  /** As {@link #of}, for a bot in another process: {@code external} says how it ran. */
  static RunResult of(
      RunPlan plan,
      Evidence e,
      RunResult baseline,
      long[] injections,
      long bans418,
      long timestampRejections,
      long weightRefusals,
      long hash,
      StressScenario stress,
      ExternalFacts external) {
    Builder b = new Builder();
    b.plan = plan;
    b.stress = stress;
    b.external = external;
    RunFacts.Declared d = e.facts().declared();
    b.botLimit = d.maxOpenOrders();
    b.perSideLimit = d.maxOrdersPerSide();
    b.declaredFailing = d.failingRequestsPer10s();
    b.declaredCancels = Measurement.CANCEL_STORM_PER_SECOND;
    b.declaredRetried = d.retriedPlacesPer10s();
    b.declaredWsAttempts = d.wsAttemptsPerSecond();
    b.backoffCapMs = d.backoffCapMs();
    b.tickMs = e.facts().tickNanos() / 1e6;
    b.injections = injections;
    b.bans418 = bans418;
    b.timestampRejections = timestampRejections;
    b.hash = hash;
    Measurement m = Measurement.of(e);
    b.ticks = m.n;
    Analysis.fill(b, m, baseline);
    WireLog w = e.wire();
    b.retryAfterViolations = WireChecks.retryAfterViolations(w);
    b.weightRefusals = weightRefusals;
    b.abandonedOrders = WireChecks.abandonedOrders(e, ABANDON_GRACE_NANOS);
    b.placesWhileFailing = WireChecks.placesWhileFailing(w);
    b.placesWhileGuarded = WireChecks.placesWhileGuarded(w, e.samples());
    b.maxRetries = WireChecks.maxFailingAttemptsPer10s(w);
    b.retryStorms = b.maxRetries > d.failingRequestsPer10s() ? 1 : 0;
    b.maxCancels = WireChecks.maxCancelsPerSecond(w);
    b.maxRetriedPlaces = WireChecks.maxRetriedPlacesPer10s(w);
    b.maxWsAttempts = WireChecks.maxWsAttemptsPerSecond(w);
    b.cancelStorms = b.maxCancels > Measurement.CANCEL_STORM_PER_SECOND ? 1 : 0;
    if (external != null) {
      b.declaredCancels = (int) Math.floor(external.cancelsPerSec());
      b.cancelStorms = b.maxCancels > external.cancelsPerSec() ? 1 : 0;
    }
    WireChecks.Exposure x = WireChecks.exposure(e.orders(), d.quoteLevelTicks());
    b.maxOpen = Math.max(b.maxOpen, x.maxOpen());
    b.maxPerSide = x.maxPerSide();
    b.duplicates = x.levelClashes();
    WireChecks.Unknowns u = WireChecks.unknowns(e);
    b.unknowns = u.count();
    b.orphans = u.notQueriedNextTick();
    b.placedBeforeTruth = u.placedBeforeTruth();
    b.unsettledUnknowns = GuardCauses.unsettledUnknownOutcomes(e);
    b.backoffWaits = RecoveryWaits.ticksAfterBursts(e, d.backoffCapMs() * 1_000_000L);
    b.failOverWaits = RecoveryWaits.failOverTicksAfterBursts(e);
    if (GuardCauses.unknownOrderOutcomes(w) > 0) {
      b.explainedGuards |= GuardReason.RECONCILE_PENDING.bit();
    }
    if (GuardCauses.staleGuardExplained(
        e,
        GuardReason.WS_STALE.bit(),
        d.staleAfterMs() * 1_000_000L,
        external != null ? e.facts().tickNanos() : 0)) {
      b.explainedGuards |= GuardReason.WS_STALE.bit();
    }
    b.staleGuardDue =
        (external != null && external.restMarketData())
            || GuardCauses.staleGuardDue(
                e,
                d.staleAfterMs() * 1_000_000L,
                external != null ? ExternalRun.SCRAPE_MS * 1_000_000L / 2 : 0);
    b.staleUnguarded =
        external != null && external.restMarketData()
            ? WireChecks.staleRestDataUnguarded(
                e, GuardReason.WS_STALE.bit(), d.staleAfterMs() * 1_000_000L)
            : WireChecks.staleDataUnguarded(
                e,
                GuardReason.WS_STALE.bit(),
                d.staleAfterMs() * 1_000_000L,
                // tick starts estimated from scrapes: within half a scrape period
                external != null ? ExternalRun.SCRAPE_MS * 1_000_000L / 2 : 0);
    b.reconnectMs = WireChecks.longestReconnectNanos(e) / 1e6;
    b.reconnect = (int) Math.ceil(b.reconnectMs / b.tickMs);
    WireChecks.Reconcile rec = WireChecks.reconcile(e);
    b.injectionsNotQueried =
        external != null
            ? WireChecks.discrepanciesNotQueriedSameOrNextTick(e) // ticks estimated from scrapes
            : rec.notQueried();
    b.injectionsUndetected = rec.undetected();
    b.maxPending = rec.maxTicksToQuery();
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
    int perSideLimit;
    int declaredFailing;
    int declaredCancels;
    double tickMs;
    int unknowns;
    int unsettledUnknowns;
    int explainedGuards;
    List<Integer> backoffWaits = List.of();
    List<Integer> failOverWaits = List.of();
    int placedBeforeTruth;
    long placesWhileFailing;
    long weightRefusals;
    int abandonedOrders;
    long placesWhileGuarded;
    int maxPerSide;
    int staleUnguarded;
    boolean staleGuardDue;
    double reconnectMs;
    int injectionsNotQueried;
    int injectionsUndetected;
    StressScenario stress;
    int declaredRetried;
    int declaredWsAttempts;
    long backoffCapMs;
    int maxRetriedPlaces;
    int maxWsAttempts;
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
    ExternalFacts external;
  }
}
