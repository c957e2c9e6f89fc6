package io.mmbot.chaos.report;

import java.util.List;

/**
 * The content of a {@code report.md} as read back by {@link ReportParser}.
 *
 * @param scenarios one outcome per scenario with runs, in report order
 * @param unreadableRuns number of run files the report lists as unreadable
 * @param duplicateRuns number of scenario and seed pairs the report lists as recorded by more than
 *     one run file
 */
public record ParsedReport(List<ScenarioOutcome> scenarios, int unreadableRuns, int duplicateRuns) {

  /** Copies the list. */
  public ParsedReport {
    scenarios = List.copyOf(scenarios);
  }

  /** A report without duplicate runs. */
  public ParsedReport(List<ScenarioOutcome> scenarios, int unreadableRuns) {
    this(scenarios, unreadableRuns, 0);
  }
}
