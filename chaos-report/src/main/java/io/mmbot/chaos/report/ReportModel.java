package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report shows: one summary per scenario that has runs (in {@link Scenario} order),
 * the scenarios without runs, the files that could not be read, and one summary per stress scenario
 * that has runs (in name order), kept apart from the seed's scenarios. Immutable.
 *
 * @param scenarios summaries of the scenarios with runs (stress runs left out)
 * @param withoutRuns scenarios no run file covers
 * @param unreadable run files that could not be read
 * @param stresses summaries of the stress scenarios with runs, in name order
 */
public record ReportModel(
    List<ScenarioSummary> scenarios,
    List<Scenario> withoutRuns,
    List<RunFileException> unreadable,
    List<StressSummary> stresses) {

  /** Copies the lists. */
  public ReportModel {
    scenarios = List.copyOf(scenarios);
    withoutRuns = List.copyOf(withoutRuns);
    unreadable = List.copyOf(unreadable);
    stresses = List.copyOf(stresses);
  }

  /** A model without stress runs. */
  public ReportModel(
      List<ScenarioSummary> scenarios,
      List<Scenario> withoutRuns,
      List<RunFileException> unreadable) {
    this(scenarios, withoutRuns, unreadable, List.of());
  }

  /**
   * Groups the runs of {@code set} by scenario and summarises each group; stress runs are grouped
   * by their stress scenario instead.
   */
  public static ReportModel of(RunSet set) {
    Map<Scenario, List<RunRecord>> byScenario = new EnumMap<>(Scenario.class);
    Map<String, List<RunRecord>> byStress = new TreeMap<>();
    for (RunRecord r : set.runs()) {
      if (r.isStress()) {
        byStress.computeIfAbsent(r.stress().get(), k -> new ArrayList<>()).add(r);
      } else {
        byScenario.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(r);
      }
    }
    List<StressSummary> stresses = new ArrayList<>();
    byStress.forEach(
        (name, runs) -> stresses.add(new StressSummary(name, runs.get(0).scenario(), runs)));
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
    return new ReportModel(summaries, without, set.unreadable(), stresses);
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

  /** Number of runs read of the seed's scenarios (stress runs not counted). */
  public int runCount() {
    return scenarios.stream().mapToInt(s -> s.runs().size()).sum();
  }

  /** Number of runs of the seed's scenarios the suite judged a pass. */
  public int passedCount() {
    return scenarios.stream().mapToInt(ScenarioSummary::passed).sum();
  }

  /**
   * Whether every run read passed and met every criterion (unreadable files aside), stress runs
   * included.
   */
  public boolean accepted() {
    return scenarios.stream().allMatch(ScenarioSummary::accepted)
        && stresses.stream().allMatch(StressSummary::allPassed);
  }
}
