package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report shows: one summary per scenario that has runs (in {@link Scenario} order),
 * the scenarios without runs, and the files that could not be read. Immutable.
 *
 * @param scenarios summaries of the scenarios with runs
 * @param withoutRuns scenarios no run file covers
 * @param unreadable run files that could not be read
 */
public record ReportModel(
    List<ScenarioSummary> scenarios,
    List<Scenario> withoutRuns,
    List<RunFileException> unreadable) {

  /** Copies the lists. */
  public ReportModel {
    scenarios = List.copyOf(scenarios);
    withoutRuns = List.copyOf(withoutRuns);
    unreadable = List.copyOf(unreadable);
  }

  /** Groups the runs of {@code set} by scenario and summarises each group. */
  public static ReportModel of(RunSet set) {
    Map<Scenario, List<RunRecord>> byScenario = new EnumMap<>(Scenario.class);
    for (RunRecord r : set.runs()) {
      byScenario.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(r);
    }
    List<ScenarioSummary> summaries = new ArrayList<>();
    List<Scenario> without = new ArrayList<>();
    for (Scenario s : Scenario.values()) {
      List<RunRecord> runs = byScenario.get(s);
      if (runs == null) {
        without.add(s);
      } else {
        summaries.add(ScenarioSummary.of(s, runs));
      }
    }
    return new ReportModel(summaries, without, set.unreadable());
  }

  /**
   * The scenario and seed pairs recorded by more than one run file, in scenario and seed order.
   * Runs without a seed are never duplicates of one another.
   */
  public List<DuplicateRuns> duplicates() {
    List<DuplicateRuns> out = new ArrayList<>();
    for (ScenarioSummary s : scenarios) {
      Map<Long, List<RunRecord>> bySeed = new TreeMap<>();
      for (RunRecord r : s.runs()) {
        if (r.seed().isPresent()) {
          bySeed.computeIfAbsent(r.seed().getAsLong(), k -> new ArrayList<>()).add(r);
        }
      }
      for (Map.Entry<Long, List<RunRecord>> e : bySeed.entrySet()) {
        if (e.getValue().size() > 1) {
          out.add(new DuplicateRuns(s.scenario(), e.getKey(), e.getValue()));
        }
      }
    }
    return out;
  }

  /** Number of runs read. */
  public int runCount() {
    return scenarios.stream().mapToInt(s -> s.runs().size()).sum();
  }

  /** Number of runs the suite judged a pass. */
  public int passedCount() {
    return scenarios.stream().mapToInt(ScenarioSummary::passed).sum();
  }

  /** Whether every run read passed and met every criterion (unreadable files aside). */
  public boolean accepted() {
    return scenarios.stream().allMatch(ScenarioSummary::accepted);
  }
}
