package io.mmbot.chaos.report;

import java.util.List;

/**
 * The content of a {@code report.md} as read back by {@link ReportParser}.
 *
 * @param scenarios one outcome per scenario with runs, in report order
 * @param unreadableRuns number of run files the report lists as unreadable
 */
public record ParsedReport(List<ScenarioOutcome> scenarios, int unreadableRuns) {

  /** Copies the list. */
  public ParsedReport {
    scenarios = List.copyOf(scenarios);
  }
}
