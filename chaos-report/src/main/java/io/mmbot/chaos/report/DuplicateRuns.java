package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Run files that record the same scenario with the same seed: usually a run copied or kept twice.
 * Reports count each file, so such runs weigh twice in the pass rate; the report and the command
 * line say so. Immutable.
 *
 * @param scenario the scenario
 * @param seed the seed they share
 * @param runs the runs, at least two, in file-name order
 */
public record DuplicateRuns(Scenario scenario, long seed, List<RunRecord> runs) {

  /** Copies the list. */
  public DuplicateRuns {
    Objects.requireNonNull(scenario, "scenario");
    runs = List.copyOf(runs);
    if (runs.size() < 2) {
      throw new IllegalArgumentException("duplicates need at least two runs");
    }
  }

  /**
   * One line for a terminal: {@code net_loss seed 1 is recorded by 2 run files (a.json, b.json);
   * each is counted}, the file names with control characters escaped.
   */
  public String describe() {
    return scenario.key()
        + " seed "
        + seed
        + " is recorded by "
        + runs.size()
        + " run files ("
        + runs.stream()
            .map(r -> MarkdownText.visible(String.valueOf(r.source().getFileName())))
            .collect(Collectors.joining(", "))
        + "); each is counted";
  }
}
