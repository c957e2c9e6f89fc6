package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.List;

/**
 * Run figures for tests of single checks: a quiet run (no injection, no guard, nothing counted,
 * ticks of 500 ms) with the few figures a test sets.
 */
final class FiguresFixture {

  RunPlan plan;
  final long[] injections = new long[Scenario.values().length];
  double baselineP95Ms;
  double p95BurstMs;
  double p95BurstTrimmedMs;
  double tickMs = 500;
  double baselineWsGapP95Ms;
  double wsGapP95AfterMs;
  ExternalFacts external;

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
        new TickShares(0, 0, 0, 0),
        new BaselineFigures(baselineP95Ms, 0, baselineWsGapP95Ms),
        new RecoveryFigures(List.of(), List.of()),
        new ConnectionFigures(0, 0, 0, 0, wsGapP95AfterMs, 0),
        new StormFigures(0, 0, 0, 0, 0, 0, 0),
        new OrderFigures(0, 0, 0, 0, 0, 0),
        new UnknownOutcomeFigures(0, 0, 0, 0),
        new ReconcileFigures(0, 0, 0),
        new ExchangeTally(injections, 0, 0, 0, 0),
        new GuardFigures(0, 0),
        new TickTimeline(10, List.of()));
  }

  /** The failed checks of these figures. */
  java.util.Map<Check, String> failures() {
    return RunResult.judged(figures()).failures();
  }
}
