package io.mmbot.chaos.report;

import java.util.List;

/**
 * The content of a {@code report.md} as read back by {@link ReportParser}.
 *
 * @param scenarios one outcome per scenario with runs, in report order
 * @param unreadableRuns number of run files the report lists as unreadable
 * @param duplicateRuns number of scenario and seed pairs the report lists as recorded by more than
 *     one run file
 * @param stresses one outcome per stress scenario with runs, in report order (empty when the report
 *     has no stress section)
 */
public record ParsedReport(
    List<ScenarioOutcome> scenarios,
    int unreadableRuns,
    int duplicateRuns,
    List<StressOutcome> stresses) {

  /** Copies the lists. */
  public ParsedReport {
    scenarios = List.copyOf(scenarios);
    stresses = List.copyOf(stresses);
  }

  /** A report without stress scenarios. */
  public ParsedReport(List<ScenarioOutcome> scenarios, int unreadableRuns, int duplicateRuns) {
    this(scenarios, unreadableRuns, duplicateRuns, List.of());
  }

  /** A report without duplicate runs. */
  public ParsedReport(List<ScenarioOutcome> scenarios, int unreadableRuns) {
    this(scenarios, unreadableRuns, 0);
  }
}
