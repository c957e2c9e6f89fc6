package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.GuardCauses;
import io.mmbot.chaos.examples.judge.MarketDataChecks;
import io.mmbot.chaos.examples.judge.OrderChecks;
import io.mmbot.chaos.examples.judge.QuoteChecks;
import io.mmbot.chaos.examples.judge.ReconcileChecks;
import io.mmbot.chaos.examples.judge.RecoveryWaits;
import io.mmbot.chaos.examples.judge.RequestRateChecks;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.UnknownOutcomeChecks;
import io.mmbot.chaos.examples.judge.WireLog;

/**
 * Computes every figure of a finished run from its {@link Evidence} alone (the wire, the exchange's
 * orders, the scrapes of the bot's metrics), never from the bot's objects; see {@code
 * docs/suite.md} for each definition.
 */
final class EvidenceFigures {

  /**
   * How long an order superseded by a newer one of its side may stay open without a single cancel
   * sent for it: 10 s, twenty ticks. A bot that knows its orders cancels the old quote in the tick
   * it places the new one (its cancel may fail; it is still sent); one that lost track of an order
   * never does; a longer grace only gives a fill more time to close the abandoned order first.
   */
  static final long ABANDON_GRACE_NANOS = 10_000_000_000L;

  /**
   * The quote distance of the suite's own bots (the example bot's half spread), ticks. A bot in
   * another process declares none, and is not judged by {@code QUOTES_OFF_MID} (see {@code
   * docs/your-bot.md}).
   */
  static final long SUITE_BOT_QUOTE_TICKS = BotConfig.defaults().halfSpreadTicks();

  private final RunPlan plan;
  private final Evidence evidence;
  private final WireLog wire;
  private final RunFacts.Declared declared;
  private final ExternalFacts external;

  private EvidenceFigures(RunPlan plan, Evidence evidence, ExternalFacts external) {
    this.plan = plan;
    this.evidence = evidence;
    this.wire = evidence.wire();
    this.declared = evidence.facts().declared();
    this.external = external;
  }

  /**
   * The figures of run {@code plan} from {@code evidence} and the exchange's {@code tally}, against
   * {@code baseline} (null for a baseline run); {@code external} says how a bot in another process
   * ran (null for the suite's own bots).
   */
  static RunFigures of(
      RunPlan plan,
      Evidence evidence,
      RunResult baseline,
      ExchangeTally tally,
      StressScenario stress,
      ExternalFacts external) {
    return new EvidenceFigures(plan, evidence, external).figures(baseline, tally, stress);
  }

  private RunFigures figures(RunResult baselineRun, ExchangeTally tally, StressScenario stress) {
    Measurement measured = Measurement.of(evidence);
    Analysis analysis = new Analysis(measured);
    // A restarted process's first tick fetches the account, the open orders and a snapshot at
    // once: a cost of the restart, not slowness, left out of bot_restart's in-burst p95.
    TickLatency latency = analysis.latency(stress != null && stress.restartsTheBot());
    TickShares shares = analysis.shares();
    BaselineFigures baseline = analysis.baseline(baselineRun, latency, shares);
    RecoveryFigures recovery =
        new RecoveryFigures(
            analysis.recoveryPerBurst(baseline.p95Ms()),
            RecoveryWaits.ticksAfterBursts(evidence, declared.backoffCapMs() * 1_000_000L),
            RecoveryWaits.failOverTicksAfterBursts(evidence));
    return new RunFigures(
        plan,
        stress,
        external,
        limits(),
        latency,
        shares,
        baseline,
        recovery,
        connection(analysis, measured.dnsFailures),
        storms(),
        orders(measured.maxOpen),
        unknowns(),
        reconcile(),
        tally,
        new GuardFigures(analysis.guardsSeen(), explainedGuards(), guardsNotDue()),
        analysis.timeline());
  }

  private double tickMs() {
    return evidence.facts().tickNanos() / 1e6;
  }

  private JudgedLimits limits() {
    int cancels =
        external != null
            ? (int) Math.floor(external.cancelsPerSec())
            : Measurement.CANCEL_STORM_PER_SECOND;
    return new JudgedLimits(
        declared.maxOpenOrders(),
        declared.maxOrdersPerSide(),
        declared.failingRequestsPer10s(),
        cancels,
        declared.retriedPlacesPer10s(),
        declared.wsAttemptsPerSecond(),
        declared.backoffCapMs(),
        tickMs());
  }

  private ConnectionFigures connection(Analysis analysis, int dnsFailures) {
    double reconnectMs = MarketDataChecks.longestReconnectNanos(evidence) / 1e6;
    return new ConnectionFigures(
        (int) Math.ceil(reconnectMs / tickMs()),
        reconnectMs,
        staleUnguardedTicks(),
        analysis.wsGapP95BurstMs(),
        analysis.wsGapP95AfterMs(),
        dnsFailures);
  }

  private int staleUnguardedTicks() {
    long staleAfterNanos = declared.staleAfterMs() * 1_000_000L;
    if (external != null && external.restMarketData()) {
      return MarketDataChecks.staleRestDataUnguarded(
          evidence, GuardReason.WS_STALE.bit(), staleAfterNanos);
    }
    return MarketDataChecks.staleDataUnguarded(
        evidence,
        GuardReason.WS_STALE.bit(),
        staleAfterNanos,
        // tick starts estimated from scrapes: within half a scrape period
        external != null ? ExternalRun.SCRAPE_MS * 1_000_000L / 2 : 0);
  }

  private StormFigures storms() {
    int maxCancels = RequestRateChecks.maxCancelsPerSecond(wire);
    int maxRetries = RequestRateChecks.maxFailingAttemptsPer10s(wire);
    boolean cancelStorm =
        external != null
            ? maxCancels > external.cancelsPerSec()
            : maxCancels > Measurement.CANCEL_STORM_PER_SECOND;
    return new StormFigures(
        maxCancels,
        cancelStorm ? 1 : 0,
        maxRetries,
        maxRetries > declared.failingRequestsPer10s() ? 1 : 0,
        RequestRateChecks.maxRetriedPlacesPer10s(wire),
        RequestRateChecks.maxWsAttemptsPerSecond(wire),
        RequestRateChecks.retryAfterViolations(wire));
  }

  private OrderFigures orders(int maxOpenScraped) {
    OrderChecks.Exposure exposure =
        OrderChecks.exposure(evidence.orders(), declared.quoteLevelTicks());
    return new OrderFigures(
        Math.max(maxOpenScraped, exposure.maxOpen()),
        exposure.maxPerSide(),
        exposure.levelClashes(),
        OrderChecks.placesWhileFailing(wire),
        OrderChecks.placesWhileGuarded(wire, evidence.samples()),
        OrderChecks.abandonedOrders(evidence, ABANDON_GRACE_NANOS),
        external != null
            ? 0
            : QuoteChecks.offMid(
                evidence.orders(),
                SUITE_BOT_QUOTE_TICKS,
                QuoteChecks.allowanceTicks(declared.staleAfterMs())),
        external != null
            ? 0
            : QuoteChecks.worstStrayTicks(evidence.orders(), SUITE_BOT_QUOTE_TICKS));
  }

  private UnknownOutcomeFigures unknowns() {
    UnknownOutcomeChecks.Unknowns unknowns = UnknownOutcomeChecks.unknowns(evidence);
    return new UnknownOutcomeFigures(
        unknowns.count(),
        GuardCauses.unsettledUnknownOutcomes(evidence),
        unknowns.notQueriedNextTick(),
        unknowns.placedBeforeTruth());
  }

  private ReconcileFigures reconcile() {
    ReconcileChecks.Reconcile reconcile = ReconcileChecks.reconcile(evidence);
    int notQueried =
        external != null
            ? ReconcileChecks.discrepanciesNotQueriedSameOrNextTick(evidence) // ticks from scrapes
            : reconcile.notQueried();
    return new ReconcileFigures(notQueried, reconcile.undetected(), reconcile.maxTicksToQuery());
  }

  /**
   * Guard reasons the wire shows no occasion for: WS_STALE when no tick after the warm-up began
   * without live market data (every reconnect brought fresh data between two tick starts). A bot
   * that takes its market data from REST is judged by its answers' ages instead, and keeps the
   * requirement.
   */
  private int guardsNotDue() {
    if (external != null && external.restMarketData()) {
      return 0;
    }
    boolean staleDue =
        GuardCauses.staleGuardDue(
            evidence,
            declared.staleAfterMs() * 1_000_000L,
            // tick starts estimated from scrapes: within half a scrape period
            external != null ? ExternalRun.SCRAPE_MS * 1_000_000L / 2 : 0);
    return staleDue ? 0 : GuardReason.WS_STALE.bit();
  }

  /** Guard reasons whose cause the wire shows. */
  private int explainedGuards() {
    int explained = 0;
    if (GuardCauses.unknownOrderOutcomes(wire) > 0) {
      explained |= GuardReason.RECONCILE_PENDING.bit();
    }
    if (GuardCauses.staleGuardExplained(
        evidence,
        GuardReason.WS_STALE.bit(),
        declared.staleAfterMs() * 1_000_000L,
        external != null ? evidence.facts().tickNanos() : 0)) {
      explained |= GuardReason.WS_STALE.bit();
    }
    return explained;
  }
}
