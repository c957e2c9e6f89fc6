package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Run figures for tests of single checks: a quiet run (no injection, no guard, nothing counted,
 * ticks of 500 ms) in which a test sets the few figures it is about.
 */
final class FiguresFixture {

  final RunPlan plan;
  final long[] injections = new long[Scenario.values().length];
  double baselineP95Ms;
  double p95BurstMs;
  double p95BurstTrimmedMs;
  double tickMs = 500;
  double baselineWsGapP95Ms;
  double wsGapP95AfterMs;
  double reconnectMs;
  int staleUnguardedTicks;
  long bans418;
  long timestampRejections;
  long weightRefusals;
  ExternalFacts external;
  TickShares shares = new TickShares(0, 0, 0, 0);
  StormFigures storms = new StormFigures(0, 0, 0, 0, 0, 0, 0);
  OrderFigures orders = new OrderFigures(0, 0, 0, 0, 0, 0, 0, 0);
  UnknownOutcomeFigures unknowns = new UnknownOutcomeFigures(0, 0, 0, 0);
  ReconcileFigures reconcile = new ReconcileFigures(0, 0, 0);
  GuardFigures guards = new GuardFigures(0, 0);

  FiguresFixture(RunPlan plan) {
    this.plan = plan;
  }

  RunFigures figures() {
    return new RunFigures(
        plan,
        null,
        external,
        new JudgedLimits(0, 0, 0, 0, 0, 0, 0, tickMs),
        new TickLatency(0, 0, p95BurstMs, p95BurstTrimmedMs, 0, 0, 0, 0),
        shares,
        new BaselineFigures(baselineP95Ms, 0, baselineWsGapP95Ms),
        new RecoveryFigures(List.of(), List.of()),
        new ConnectionFigures(0, reconnectMs, staleUnguardedTicks, 0, wsGapP95AfterMs, 0),
        storms,
        orders,
        unknowns,
        reconcile,
        new ExchangeTally(injections, bans418, timestampRejections, weightRefusals, 0),
        guards,
        new TickTimeline(10, List.of()));
  }

  /** The failed checks of these figures. */
  Map<Check, String> failures() {
    return RunResult.judged(figures()).failures();
  }
}
