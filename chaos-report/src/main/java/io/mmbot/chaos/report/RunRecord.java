package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One scenario run as recorded in {@code artifacts/chaos/runs/*.json}: the fields of the product
 * contract ({@code scenario}, {@code intensity}, {@code duration_sec}, {@code result}, {@code
 * metrics}) plus the optional extras of schema version {@value RunReader#SCHEMA_VERSION} (seed,
 * timestamps, tick timeline). Instances come from {@link RunReader}, which has validated every
 * field; immutable and safe to share between threads.
 *
 * @param source the file the run was read from
 * @param schemaVersion the file's {@code schema_version} (1 when the file has none)
 * @param scenario the scenario that ran
 * @param intensity the scenario intensity (probability, rate per minute or milliseconds)
 * @param durationSec how long the run lasted, in seconds (positive)
 * @param passed whether the suite judged the run a pass ({@code "result": "pass"})
 * @param seed the random seed of the run, if recorded
 * @param startedAt when the run started, if recorded
 * @param finishedAt when the run finished, if recorded
 * @param metrics the measured outcome
 * @param timeline per-window tick measurements, if recorded
 * @param stress the stress scenario the run is, if any ({@code "stress"}: a run beside the seed's
 *     ten that drives {@code scenario} at its own intensity and bounds; reported on its own)
 * @param failedChecks the keys of the checks the run failed ({@code "failed_checks"}), in file
 *     order; empty when none were recorded
 */
public record RunRecord(
    Path source,
    int schemaVersion,
    Scenario scenario,
    double intensity,
    double durationSec,
    boolean passed,
    OptionalLong seed,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    RunMetrics metrics,
    Optional<Timeline> timeline,
    Optional<String> stress,
    List<String> failedChecks) {

  /** Checks that no component is null; copies the list. */
  public RunRecord {
    Objects.requireNonNull(stress, "stress");
    failedChecks = List.copyOf(failedChecks);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(timeline, "timeline");
  }

  /** A run of one of the seed's scenarios, without recorded checks. */
  public RunRecord(
      Path source,
      int schemaVersion,
      Scenario scenario,
      double intensity,
      double durationSec,
      boolean passed,
      OptionalLong seed,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      RunMetrics metrics,
      Optional<Timeline> timeline) {
    this(
        source,
        schemaVersion,
        scenario,
        intensity,
        durationSec,
        passed,
        seed,
        startedAt,
        finishedAt,
        metrics,
        timeline,
        Optional.empty(),
        List.of());
  }

  /** Whether this is a stress run (reported under its own heading, not with the seed's ten). */
  public boolean isStress() {
    return stress.isPresent();
  }

  /**
   * How the run is named in report.md: {@code "seed 42"}, or the file name as a Markdown code span
   * when no seed is known ({@code `net_loss.json`}; see {@link #displayName()} for its escaping).
   */
  public String label() {
    return seed.isPresent() ? "seed " + seed.getAsLong() : MarkdownText.code(fileName());
  }

  /**
   * The run's name as plain text, for report.html and findings: {@code "seed 42"}, or the file name
   * with a doubled backslash and line endings, control and invisible characters written as escapes
   * ({@code \n}, or a backslash, {@code u} and four hex digits).
   */
  public String displayName() {
    return seed.isPresent() ? "seed " + seed.getAsLong() : MarkdownText.visible(fileName());
  }

  private String fileName() {
    return String.valueOf(source.getFileName());
  }
}
