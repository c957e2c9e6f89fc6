package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a report says about one stress scenario: its name, the scenario it drives, passes and
 * failures by the suite's verdict, and how many runs failed each check. Produced by {@link
 * ReportParser}; an input of {@link FindingsAnalyzer}.
 *
 * @param name the stress scenario's key
 * @param scenario the library scenario it drives
 * @param passed runs judged a pass
 * @param failed runs judged a fail
 * @param failedChecks runs that failed each check, by check key in report order
 */
public record StressOutcome(
    String name, Scenario scenario, int passed, int failed, Map<String, Integer> failedChecks) {

  /** Copies the map, keeping its order. */
  public StressOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scenario, "scenario");
    failedChecks = Collections.unmodifiableMap(new LinkedHashMap<>(failedChecks));
  }

  /** All runs. */
  public int runs() {
    return passed + failed;
  }
}
