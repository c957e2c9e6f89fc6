package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The runs of one scenario, summarised: passes and failures by the suite's verdict, the pass rate
 * with its Wilson interval, and the result of every criterion that at least one run recorded.
 * Immutable.
 *
 * @param scenario the scenario
 * @param runs its runs, in file-name order (at least one)
 * @param criteria results per criterion, in {@link Criterion} order
 */
public record ScenarioSummary(
    Scenario scenario, List<RunRecord> runs, List<CriterionResult> criteria) {

  /** Copies the lists. */
  public ScenarioSummary {
    runs = List.copyOf(runs);
    criteria = List.copyOf(criteria);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a scenario summary needs at least one run");
    }
  }

  /** Summarises the given runs, all of {@code scenario}. */
  public static ScenarioSummary of(Scenario scenario, List<RunRecord> runs) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      if (c.appliesTo(scenario)) {
        judge(c, runs).ifPresent(results::add);
      }
    }
    return new ScenarioSummary(scenario, runs, results);
  }

  private static Optional<CriterionResult> judge(Criterion c, List<RunRecord> runs) {
    RunRecord worst = null;
    double worstExcess = Double.NEGATIVE_INFINITY;
    int judged = 0;
    int missing = 0;
    for (RunRecord run : runs) {
      OptionalDouble v = c.value(run);
      if (v.isEmpty()) {
        continue;
      }
      judged++;
      double target = c.target(run);
      double margin = c.margin(run);
      if (!c.met(v.getAsDouble(), target)) {
        missing++;
      }
      double excess = margin > 0 ? (v.getAsDouble() - target) / margin : v.getAsDouble() - target;
      if (worst == null || excess > worstExcess) {
        worstExcess = excess;
        worst = run;
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CriterionResult(
            c,
            c.target(worst),
            c.margin(worst),
            c.value(worst).getAsDouble(),
            worst.label(),
            missing,
            judged));
  }

  /** Runs the suite judged a pass. */
  public int passed() {
    return (int) runs.stream().filter(RunRecord::passed).count();
  }

  /** Runs the suite judged a fail. */
  public int failed() {
    return runs.size() - passed();
  }

  /** Whether every run passed. */
  public boolean allPassed() {
    return failed() == 0;
  }

  /** Whether every run passed and every criterion was met. */
  public boolean accepted() {
    return allPassed() && criteria.stream().allMatch(r -> r.runsMissing() == 0);
  }

  /** The 95 % Wilson interval of the pass rate. */
  public Wilson passRate() {
    return Wilson.of(passed(), runs.size());
  }

  /** The result of one criterion, if any run recorded it. */
  public Optional<CriterionResult> result(Criterion c) {
    return criteria.stream().filter(r -> r.criterion() == c).findFirst();
  }
}
