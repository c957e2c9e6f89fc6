package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code findings.json}.
 *
 * @param issueId {@code CHAOS-1}, {@code CHAOS-2}, … in findings order
 * @param scenario the scenario concerned
 * @param severity how serious it is
 * @param description what was measured and the target, for example {@code "Deadline miss 3.2 %
 *     exceeds target 2 % …"}
 * @param recommendation what to do about it
 * @param stress the stress scenario concerned, if the finding is about one ({@code scenario} is
 *     then the scenario it drives)
 */
public record Finding(
    String issueId,
    Scenario scenario,
    Severity severity,
    String description,
    String recommendation,
    Optional<String> stress) {

  /** Checks that no component is null. */
  public Finding {
    Objects.requireNonNull(stress, "stress");
    Objects.requireNonNull(issueId, "issueId");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(recommendation, "recommendation");
  }

  /** A finding about one of the seed's scenarios. */
  public Finding(
      String issueId,
      Scenario scenario,
      Severity severity,
      String description,
      String recommendation) {
    this(issueId, scenario, severity, description, recommendation, Optional.empty());
  }
}
