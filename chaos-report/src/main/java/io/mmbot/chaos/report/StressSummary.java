package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The runs of one stress scenario, summarised: passes and failures by the suite's verdict, the pass
 * rate with its Wilson interval, and how many runs failed each check. A stress scenario is judged
 * by its own bounds, which only the suite knows, so its runs are counted by their recorded verdicts
 * and failed checks rather than by the seed's criteria. Immutable.
 *
 * @param name the stress scenario's key
 * @param scenario the library scenario its first run drives
 * @param runs its runs, in file-name order (at least one)
 */
public record StressSummary(String name, Scenario scenario, List<RunRecord> runs) {

  /** Copies the list. */
  public StressSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scenario, "scenario");
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a stress summary needs at least one run");
    }
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

  /** The 95 % Wilson interval of the pass rate. */
  public Wilson passRate() {
    return Wilson.of(passed(), runs.size());
  }

  /** How many runs failed each check, by check key in name order. */
  public Map<String, Integer> failedChecks() {
    Map<String, Integer> out = new TreeMap<>();
    for (RunRecord r : runs) {
      for (String c : r.failedChecks()) {
        out.merge(c, 1, Integer::sum);
      }
    }
    return out;
  }
}
