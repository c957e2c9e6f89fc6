package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.judge.Evidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measured outcome of one run and its verdict: the run's {@link RunFigures}, computed from its
 * {@link Evidence} alone, and the checks they failed ({@link Verdict}). See {@code docs/suite.md}
 * for each figure and check. Immutable.
 */
public final class RunResult {

  private final RunFigures figures;
  private final Map<Check, String> failures;

  private RunResult(RunFigures figures) {
    this.figures = figures;
    this.failures = Collections.unmodifiableMap(Verdict.failures(figures));
  }

  /**
   * Computes every figure of a finished run from its evidence and the exchange's tally, against
   * {@code baseline} (null for a baseline run), and judges them; {@code stress} is the stress
   * scenario run (or null) and {@code external} says how a bot in another process ran (null for the
   * suite's own bots).
   */
  static RunResult of(
      RunPlan plan,
      Evidence evidence,
      RunResult baseline,
      ExchangeTally tally,
      StressScenario stress,
      ExternalFacts external) {
    return new RunResult(EvidenceFigures.of(plan, evidence, baseline, tally, stress, external));
  }

  /** Judges figures put together elsewhere (tests of single checks). */
  static RunResult judged(RunFigures figures) {
    return new RunResult(figures);
  }

  /** Every figure of the run. */
  public RunFigures figures() {
    return figures;
  }

  /** The run. */
  public RunPlan plan() {
    return figures.plan();
  }

  /** Tick durations. */
  public TickLatency latency() {
    return figures.latency();
  }

  /** Deadline misses and in-burst quoting, percent of ticks. */
  public TickShares shares() {
    return figures.shares();
  }

  /** The baseline's figures this run was judged against (a baseline run's: its own). */
  public BaselineFigures baseline() {
    return figures.baseline();
  }

  /** Unhealthy ticks after each burst. */
  public RecoveryFigures recovery() {
    return figures.recovery();
  }

  /** Reconnects, stale data, WebSocket gaps, DNS failures. */
  public ConnectionFigures connection() {
    return figures.connection();
  }

  /** Bursts of cancels, retries and connection attempts. */
  public StormFigures storms() {
    return figures.storms();
  }

  /** Open orders, duplicates, places while failing or guarded, abandoned orders. */
  public OrderFigures orders() {
    return figures.orders();
  }

  /** Order requests of unknown outcome. */
  public UnknownOutcomeFigures unknowns() {
    return figures.unknowns();
  }

  /** Queries after counted discrepancies. */
  public ReconcileFigures reconcile() {
    return figures.reconcile();
  }

  /** What the exchange counted: injections, bans, refusals, its event-log hash. */
  public ExchangeTally tally() {
    return figures.tally();
  }

  /** Guard reasons raised and explained. */
  public GuardFigures guards() {
    return figures.guards();
  }

  /** The ticks in windows, for the report. */
  public TickTimeline timeline() {
    return figures.timeline();
  }

  /** For a bot in another process ({@code --bot-cmd}): how it ran; null otherwise. */
  public ExternalFacts external() {
    return figures.external();
  }

  /** The failed checks with a one-line explanation each, in {@link Check} order. */
  public Map<Check, String> failures() {
    return failures;
  }

  /** Whether every check passed. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** Injections of the run's own scenario (0 for the baseline). */
  public long ownInjections() {
    return plan().scenario() == null ? 0 : tally().injections(plan().scenario());
  }

  /** One line per failed check, with the replay command, for logs. */
  public String describeFailures(boolean defaultDuration) {
    RunPlan plan = plan();
    List<String> parts = new ArrayList<>();
    failures.forEach((c, m) -> parts.add(c.name().toLowerCase(Locale.ROOT) + ": " + m));
    return "FAILED "
        + plan.key()
        + " seed "
        + plan.seed()
        + " ("
        + plan.bot()
        + "): "
        + String.join("; ", parts)
        + "\n  replay: "
        + replay(defaultDuration);
  }

  /** The command line that replays this run. */
  public String replay(boolean defaultDuration) {
    return external() != null ? external().replay() : plan().replayCommand(defaultDuration);
  }
}
