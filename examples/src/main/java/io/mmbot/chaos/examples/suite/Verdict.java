package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a run's figures: one method per {@link Check}, named after it, each returning the one-line
 * explanation of its failure or null when the run passes it. A check that does not apply to the run
 * (a scenario's own check on another scenario, the baseline) passes. The readings are those of
 * {@code docs/suite.md}.
 */
final class Verdict {

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

  private final RunFigures run;

  /** The run's scenario, null for a baseline run. */
  private final Scenario scenario;

  /** The stress scenario, or null. */
  private final StressScenario stress;

  private Verdict(RunFigures run) {
    this.run = run;
    this.scenario = run.plan().scenario();
    this.stress = run.stress();
  }

  /** The failed checks of {@code run} with a one-line explanation each, in {@link Check} order. */
  static Map<Check, String> failures(RunFigures run) {
    return new Verdict(run).failures();
  }

  private Map<Check, String> failures() {
    Map<Check, String> failed = new EnumMap<>(Check.class);
    put(failed, Check.FIRED, fired());
    put(failed, Check.EXPECTED_GUARDS, expectedGuards());
    put(failed, Check.UNEXPECTED_GUARDS, unexpectedGuards());
    put(failed, Check.P95_TICK, p95Tick());
    put(failed, Check.DEADLINE_MISS, deadlineMiss());
    put(failed, Check.RECOVERY, recovery());
    put(failed, Check.RETRY_BUDGET, retryBudget());
    put(failed, Check.WS_ATTEMPTS, wsAttempts());
    put(failed, Check.CANCEL_STORMS, cancelStorms());
    put(failed, Check.RETRY_AFTER, retryAfter());
    put(failed, Check.RETRY_STORMS, retryStorms());
    put(failed, Check.PLACES_WHILE_FAILING, placesWhileFailing());
    put(failed, Check.PLACES_WHILE_GUARDED, placesWhileGuarded());
    put(failed, Check.DUPLICATE_ORDERS, duplicateOrders());
    put(failed, Check.ORPHAN_ORDERS, orphanOrders());
    put(failed, Check.UNKNOWN_OUTCOMES, unknownOutcomes());
    put(failed, Check.OPEN_ORDER_LIMIT, openOrderLimit());
    put(failed, Check.QUOTES_OFF_MID, quotesOffMid());
    put(failed, Check.STALE_DATA, staleData());
    put(failed, Check.BANS_418, bans418());
    put(failed, Check.ABANDONED_ORDERS, abandonedOrders());
    put(failed, Check.WEIGHT_LIMIT, weightLimit());
    put(failed, Check.TIMESTAMPS, timestamps());
    put(failed, Check.BOT_PROCESS, botProcess());
    put(failed, Check.BOT_METRICS, botMetrics());
    put(failed, Check.P99_TICK, p99Tick());
    put(failed, Check.RECONNECT, reconnect());
    put(failed, Check.WS_GAP, wsGap());
    put(failed, Check.DNS_FALLBACK, dnsFallback());
    put(failed, Check.RECONCILED_NEXT_TICK, reconciledNextTick());
    return failed;
  }

  private static void put(Map<Check, String> failed, Check check, String failure) {
    if (failure != null) {
      failed.put(check, failure);
    }
  }

  String fired() {
    if (scenario == null || run.tally().injections(scenario) != 0) {
      return null;
    }
    return "no " + scenario.key() + " injection in the whole run";
  }

  String expectedGuards() {
    if (scenario == null) {
      return null;
    }
    int required =
        stress != null ? stress.requiredGuards() : ScenarioSpec.of(scenario).requiredGuards();
    if (scenario == Scenario.NET_LOSS && run.unknowns().unsettled() == 0) {
      // RECONCILE_PENDING answers an order whose outcome is unknown; a run whose losses all
      // struck queries (about 1 in 140 at the seed's intensity), or whose unknown outcomes a
      // fill report settled before the next tick, gave the bot nothing to verify.
      required &= ~GuardReason.RECONCILE_PENDING.bit();
    }
    if (scenario == Scenario.WS_DISCONNECT) {
      // WS_STALE answers a tick that began without live market data; a run whose every
      // reconnect brought fresh data between two tick starts gave the bot nothing to guard.
      required &= ~run.guards().notDue();
    }
    int missing = required & ~run.guards().seen();
    return missing == 0 ? null : "never raised " + GuardReason.describe(missing);
  }

  String unexpectedGuards() {
    int allowed =
        scenario == null
            ? 0
            : stress != null ? stress.allowedGuards() : ScenarioSpec.of(scenario).allowedGuards();
    allowed |= run.loopback() ? LOOPBACK_ALLOWED_GUARDS : 0;
    allowed |= run.guards().explained(); // a guard whose cause the wire shows is not unexpected
    int unexpected = run.guards().seen() & ~allowed;
    return unexpected == 0 ? null : "raised " + GuardReason.describe(unexpected);
  }

  /**
   * The in-burst p95 below the baseline's whole-run p95 + 15 % (loopback: without the slowest tick,
   * plus scheduling slack); a bot in another process that fails this gets the rise of {@link
   * ExternalJudging#p95Tick}.
   */
  String p95Tick() {
    if (scenario == null) {
      return null;
    }
    boolean loopback = run.loopback();
    double baselineP95 = run.baseline().p95Ms();
    double slack = loopback ? LOOPBACK_P95_SLACK_MS : 0;
    double limit = baselineP95 * 1.15 + slack;
    double p95 = loopback ? run.latency().p95BurstTrimmedMs() : run.latency().p95BurstMs();
    if (p95 < limit) {
      return null;
    }
    if (run.external() != null) {
      return ExternalJudging.p95Tick(run);
    }
    return fmt(
        "in-burst p95%s %.1f ms not below baseline %.1f ms + 15 %%%s = %.1f ms",
        loopback ? " without the slowest tick" : "",
        p95,
        baselineP95,
        loopback ? fmt(" + %.0f ms", slack) : "",
        limit);
  }

  String deadlineMiss() {
    double missPct = run.shares().deadlineMissPct();
    if (run.loopback()) {
      // The baseline's misses measure the machine, not the bot: they are the reference the
      // scenario runs of the same time are judged against, not judged themselves.
      double limit = LOOPBACK_MISS_PCT + run.baseline().deadlineMissPct();
      if (scenario != null && !(missPct < limit)) {
        return fmt("deadline miss %.2f %% not below %.2f %% (loopback)", missPct, limit);
      }
      return null;
    }
    return missPct < 2.0 ? null : fmt("deadline miss %.2f %% not below 2 %%", missPct);
  }

  String recovery() {
    int recoveryLimit = RecoveryAllowance.ticks(stress, run.limits());
    boolean backoffAllowed = stress != null && stress.recoveryAfterBackoff();
    // Ticks the client still spent waiting out the backoff of an attempt that failed in the
    // burst are its declared behaviour, not slowness: its recovery runs from when it came back.
    java.util.List<Integer> perBurst = run.recovery().perBurst();
    java.util.List<Integer> backoffWaits = run.recovery().backoffWaits();
    java.util.List<Integer> failOverWaits = run.recovery().failOverWaits();
    int worst = 0;
    int worstLimit = recoveryLimit;
    for (int k = 0; k < perBurst.size(); k++) {
      int wait = backoffAllowed || k >= backoffWaits.size() ? 0 : backoffWaits.get(k);
      if (k < failOverWaits.size()) {
        wait = Math.max(wait, failOverWaits.get(k)); // the exchange refused every connection
      }
      int limit = recoveryLimit + wait;
      if (perBurst.get(k) - limit > worst - worstLimit) {
        worst = perBurst.get(k);
        worstLimit = limit;
      }
    }
    if (scenario == null || worst <= worstLimit) {
      return null;
    }
    return "recovery took "
        + worst
        + " ticks after a burst (at most "
        + worstLimit
        + (worstLimit > recoveryLimit
            ? ", of which "
                + (worstLimit - recoveryLimit)
                + " waiting out a backoff or the exchange's fail-over"
            : "")
        + ")";
  }

  String retryBudget() {
    int retried = run.storms().maxRetriedPlaces();
    int budget = run.limits().retriedPlacesPer10s();
    return retried <= budget
        ? null
        : retried + " places repeating a failed one within 10 s (budget " + budget + ")";
  }

  String wsAttempts() {
    int attempts = run.storms().maxWsAttempts();
    int most = run.limits().wsAttemptsPerSecond();
    return attempts <= most
        ? null
        : attempts + " WebSocket connection attempts within one second (at most " + most + ")";
  }

  String cancelStorms() {
    return run.storms().cancelStorms() == 0
        ? null
        : run.storms().maxCancelsPerSecond()
            + " cancels within one second (declared limit "
            + run.limits().cancelsPerSecond()
            + ")";
  }

  String retryAfter() {
    return counted(
        run.storms().retryAfterViolations(),
        " request(s) sent before a received Retry-After had passed");
  }

  String retryStorms() {
    return run.storms().retryStorms() == 0
        ? null
        : run.storms().maxRetriesPerSecond()
            + " attempts within 10 s while the exchange was failing (budget "
            + run.limits().failingRequestsPer10s()
            + ")";
  }

  String placesWhileFailing() {
    return counted(
        run.orders().placesWhileFailing(),
        " order(s) placed while the exchange was failing this client");
  }

  String placesWhileGuarded() {
    return counted(run.orders().placesWhileGuarded(), " order(s) placed while a guard was raised");
  }

  String duplicateOrders() {
    return counted(
        run.orders().duplicateOrders(),
        " order(s) placed at a quote level already held by a live order");
  }

  String orphanOrders() {
    return counted(
        run.unknowns().orphanOrders(),
        " order request(s) of unknown outcome not asked about on the next tick");
  }

  String unknownOutcomes() {
    return counted(
        run.unknowns().placedBeforeTruth(),
        " new order(s) sent before an unknown outcome was settled");
  }

  String openOrderLimit() {
    OrderFigures orders = run.orders();
    JudgedLimits limits = run.limits();
    if (orders.maxOpenOrders() <= limits.maxOpenOrders()
        && orders.maxOrdersPerSide() <= limits.maxOrdersPerSide()) {
      return null;
    }
    return orders.maxOpenOrders()
        + " open orders ("
        + orders.maxOrdersPerSide()
        + " on one side), above the limit "
        + limits.maxOpenOrders()
        + " ("
        + limits.maxOrdersPerSide()
        + " per side)";
  }

  String quotesOffMid() {
    return counted(
        run.orders().quotesOffMid(),
        " order(s) accepted on the wrong side of the exchange's mid or off the quote distance");
  }

  String staleData() {
    return counted(
        run.connection().staleUnguardedTicks(),
        " tick(s) without WS_STALE although no fresh market data had come");
  }

  String bans418() {
    return counted(run.tally().bans418(), " HTTP 418 ban(s) earned");
  }

  String abandonedOrders() {
    return counted(
        run.orders().abandonedOrders(),
        " own order(s) left open and never cancelled 10 s after a newer one of their side");
  }

  String weightLimit() {
    return counted(
        run.tally().weightRefusals(),
        " request(s) refused for the weight of the minute (429, -1003)");
  }

  String timestamps() {
    return counted(
        run.tally().timestampRejections(), " request(s) rejected for their timestamp (-1021)");
  }

  String botProcess() {
    return run.external() == null ? null : run.external().processFailure();
  }

  String botMetrics() {
    return run.external() == null ? null : run.external().metricsFailure();
  }

  /** LAT_SPIKE: in-burst p99 below 250 ms (for a bot in another process, from its buckets). */
  String p99Tick() {
    if (scenario != Scenario.LAT_SPIKE) {
      return null;
    }
    if (run.external() != null) {
      return ExternalJudging.p99Tick(run.external());
    }
    double p99 = run.latency().p99BurstMs();
    return p99 < 250 ? null : fmt("in-burst p99 %.1f ms not below 250 ms", p99);
  }

  String reconnect() {
    double limit = RecoveryAllowance.reconnectMs(stress, run.limits().tickMs());
    double reconnectMs = run.connection().reconnectMs();
    if (!(reconnectMs >= limit)) {
      return null;
    }
    return fmt(
        "market data back %.0f ms after an abnormal close (less than %.0f ms)", reconnectMs, limit);
  }

  /**
   * WS_LAG: the WebSocket gap p95 after bursts within the baseline's + 15 %; judged where the gaps
   * are seen at the bot, so not for a bot in another process, of which only the exchange's writes
   * are seen, which the bot cannot change (docs/your-bot.md).
   */
  String wsGap() {
    if (scenario != Scenario.WS_LAG || run.external() != null) {
      return null;
    }
    double after = run.connection().wsGapP95AfterMs();
    double baseline = run.baseline().wsGapP95Ms();
    if (after <= baseline * 1.15) {
      return null;
    }
    return fmt("ws gap p95 after bursts %.1f ms above baseline %.1f ms + 15 %%", after, baseline);
  }

  String dnsFallback() {
    int failures = run.connection().dnsFailures();
    if (scenario != Scenario.DNS_FLAP || failures == 0) {
      return null;
    }
    return failures + " request(s) failed for want of an address";
  }

  String reconciledNextTick() {
    ReconcileFigures reconcile = run.reconcile();
    boolean undetected =
        scenario == Scenario.RECONCILE_MISMATCH && reconcile.injectionsUndetected() > 0;
    if (reconcile.injectionsNotQueried() == 0 && !undetected) {
      return null;
    }
    return reconcile.injectionsNotQueried()
        + " counted discrepancy(ies) not queried on the next tick, "
        + reconcile.injectionsUndetected()
        + " perturbed view(s) of a quiet tick not counted as a discrepancy";
  }

  /** {@code count} and {@code what} when the count is above 0; null (passed) otherwise. */
  private static String counted(long count, String what) {
    return count > 0 ? count + what : null;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
