package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.List;

/**
 * What a report says about one scenario: passes and failures by the suite's verdict and the
 * criterion results. Produced by {@link ReportParser}; the input of {@link FindingsAnalyzer}.
 *
 * @param scenario the scenario
 * @param passed runs judged a pass
 * @param failed runs judged a fail
 * @param criteria criterion results, in report order
 */
public record ScenarioOutcome(
    Scenario scenario, int passed, int failed, List<CriterionResult> criteria) {

  /** Copies the list. */
  public ScenarioOutcome {
    criteria = List.copyOf(criteria);
  }

  /** All runs. */
  public int runs() {
    return passed + failed;
  }
}
