package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {

  /** The run record of the product contract, verbatim. */
  static final String SEED_EXAMPLE =
      "{\"scenario\": \"net_loss\", \"intensity\": 0.3, \"duration_sec\": 120, \"result\": \"pass\",\n"
          + " \"metrics\": {\"p95_tick_ms\": 185.2, \"deadline_miss_pct\": 0.5,"
          + " \"recovery_ticks\": 2}}\n";

  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json, StandardCharsets.UTF_8);
    return p;
  }

  private RunFileException failure(String json) throws IOException {
    Path p = write("bad.json", json);
    try {
      RunReader.read(p);
    } catch (RunFileException e) {
      assertThat(e.file()).isEqualTo(p);
      assertThat(e.getMessage()).startsWith(p + ": " + e.field() + ": ");
      return e;
    }
    throw new AssertionError("expected " + json + " to be rejected");
  }

  @Test
  void readsTheProductContractsExampleAsSchemaVersionOne() throws Exception {
    RunRecord r = RunReader.read(write("net_loss.json", SEED_EXAMPLE));

    assertThat(r.schemaVersion()).isEqualTo(1);
    assertThat(r.scenario()).isEqualTo(Scenario.NET_LOSS);
    assertThat(r.intensity()).isEqualTo(0.3);
    assertThat(r.durationSec()).isEqualTo(120);
    assertThat(r.passed()).isTrue();
    assertThat(r.metrics().p95TickMs()).isEqualTo(185.2);
    assertThat(r.metrics().deadlineMissPct()).isEqualTo(0.5);
    assertThat(r.metrics().recoveryTicks()).isEqualTo(2);
    assertThat(r.metrics().effectiveBaselineP95Ms()).isEqualTo(187.0);
    assertThat(r.seed()).isEmpty();
    assertThat(r.timeline()).isEmpty();
    assertThat(r.label()).isEqualTo("`net_loss.json`");
  }

  @Test
  void readsTheExtrasOfSchemaVersionOne() throws Exception {
    RunRecord r =
        RunReader.read(
            write(
                "x.json",
                "{\"schema_version\": 1, \"scenario\": \"lat_spike\", \"intensity\": 200,"
                    + " \"duration_sec\": 60, \"result\": \"fail\", \"seed\": 42,"
                    + " \"started_at\": \"2026-11-20T01:00:00Z\","
                    + " \"finished_at\": \"2026-11-20T01:01:00Z\", \"future_field\": [1, 2],"
                    + " \"metrics\": {\"p95_tick_ms\": 201, \"deadline_miss_pct\": 1,"
                    + " \"recovery_ticks\": 3, \"baseline_p95_tick_ms\": 180, \"p99_tick_ms\":"
                    + " 240.5, \"cancel_storms\": 0, \"duplicate_orders\": 1, \"orphan_orders\": 2,"
                    + " \"bans_418\": 0},"
                    + " \"timeline\": {\"window_sec\": 30, \"windows\": ["
                    + "{\"start_sec\": 0, \"p95_tick_ms\": 210, \"deadline_misses\": 2, \"burst\":"
                    + " true, \"injections\": 5},"
                    + "{\"start_sec\": 30, \"p95_tick_ms\": 185, \"deadline_misses\": 0, \"burst\":"
                    + " false, \"injections\": 0}]}}"));

    assertThat(r.passed()).isFalse();
    assertThat(r.seed()).hasValue(42);
    assertThat(r.label()).isEqualTo("seed 42");
    assertThat(r.startedAt()).contains(Instant.parse("2026-11-20T01:00:00Z"));
    assertThat(r.finishedAt()).contains(Instant.parse("2026-11-20T01:01:00Z"));
    assertThat(r.metrics().effectiveBaselineP95Ms()).isEqualTo(180);
    assertThat(r.metrics().p99TickMs()).hasValue(240.5);
    assertThat(r.metrics().duplicateOrders()).hasValue(1);
    assertThat(r.metrics().orphanOrders()).hasValue(2);
    Timeline t = r.timeline().orElseThrow();
    assertThat(t.windowSec()).isEqualTo(30);
    assertThat(t.endSec()).isEqualTo(60);
    assertThat(t.windows())
        .containsExactly(
            new Timeline.Window(0, 210, 2, true, 5), new Timeline.Window(30, 185, 0, false, 0));
  }

  @Test
  void rejectsMalformedJsonNamingThePosition() throws Exception {
    RunFileException e = failure("{\"scenario\": \"net_loss\",\n \"intensity\": 0.3,,\n}");

    assertThat(e.field()).contains("line 2");
    assertThat(e.problem()).startsWith("malformed JSON");
  }

  @Test
  void rejectsAMissingMetricNamingItsPath() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("\"p95_tick_ms\": 185.2, ", ""));

    assertThat(e.field()).isEqualTo("metrics.p95_tick_ms");
    assertThat(e.problem()).contains("missing");
  }

  @Test
  void rejectsAMissingTopLevelField() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("\"result\": \"pass\",", ""));

    assertThat(e.field()).isEqualTo("result");
  }

  @Test
  void rejectsAnUnknownScenarioListingTheTenKeys() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("net_loss", "packet_storm"));

    assertThat(e.field()).isEqualTo("scenario");
    assertThat(e.problem()).contains("packet_storm").contains("reconcile_mismatch");
  }

  @Test
  void rejectsNaNNamingTheField() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("185.2", "NaN"));

    assertThat(e.field()).isEqualTo("metrics.p95_tick_ms");
    assertThat(e.problem()).contains("not a finite number");
  }

  @Test
  void rejectsInfinityNamingTheField() throws Exception {
    RunFileException e =
        failure(SEED_EXAMPLE.replace("\"intensity\": 0.3", "\"intensity\": -Infinity"));

    assertThat(e.field()).isEqualTo("intensity");
    assertThat(e.problem()).contains("not a finite number");
  }

  @Test
  void rejectsANegativeDuration() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("120", "-5"));

    assertThat(e.field()).isEqualTo("duration_sec");
    assertThat(e.problem()).contains("-5").contains("out of range (0, ∞)");
  }

  @Test
  void rejectsAZeroDuration() throws Exception {
    assertThat(failure(SEED_EXAMPLE.replace("120", "0")).field()).isEqualTo("duration_sec");
  }

  @Test
  void rejectsADeadlineMissShareAboveOneHundredPercent() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("0.5", "100.5"));

    assertThat(e.field()).isEqualTo("metrics.deadline_miss_pct");
    assertThat(e.problem()).contains("[0, 100]");
  }

  @Test
  void rejectsFractionalRecoveryTicks() throws Exception {
    RunFileException e =
        failure(SEED_EXAMPLE.replace("\"recovery_ticks\": 2", "\"recovery_ticks\": 2.5"));

    assertThat(e.field()).isEqualTo("metrics.recovery_ticks");
    assertThat(e.problem()).contains("whole number");
  }

  @Test
  void rejectsANumberGivenAsAString() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("185.2", "\"185.2\""));

    assertThat(e.field()).isEqualTo("metrics.p95_tick_ms");
    assertThat(e.problem()).isEqualTo("expected a number, found the string \"185.2\"");
  }

  @Test
  void rejectsAResultOtherThanPassOrFail() throws Exception {
    RunFileException e = failure(SEED_EXAMPLE.replace("\"pass\"", "\"ok\""));

    assertThat(e.field()).isEqualTo("result");
  }

  @Test
  void rejectsANewerSchemaVersion() throws Exception {
    RunFileException e =
        failure(SEED_EXAMPLE.replace("{\"scenario\"", "{\"schema_version\": 2, \"scenario\""));

    assertThat(e.field()).isEqualTo("schema_version");
  }

  @Test
  void rejectsDuplicateKeys() throws Exception {
    RunFileException e =
        failure(
            SEED_EXAMPLE.replace("\"intensity\": 0.3", "\"intensity\": 0.3, \"intensity\": 0.4"));

    assertThat(e.field()).contains("intensity");
    assertThat(e.problem()).contains("Duplicate field");
  }

  @Test
  void rejectsTrailingContent() throws Exception {
    assertThat(failure(SEED_EXAMPLE + "{}").problem()).startsWith("malformed JSON");
  }

  @Test
  void rejectsAnEmptyFileAndANonObject() throws Exception {
    assertThat(failure("").problem()).isEqualTo("is empty");
    assertThat(failure("[1, 2]").field()).isEqualTo("(root)");
  }

  @Test
  void rejectsAFinishBeforeTheStart() throws Exception {
    RunFileException e =
        failure(
            SEED_EXAMPLE.replace(
                "{\"scenario\"",
                "{\"started_at\": \"2026-11-20T01:00:00Z\", \"finished_at\":"
                    + " \"2026-11-20T00:59:59Z\", \"scenario\""));

    assertThat(e.field()).isEqualTo("finished_at");
  }

  @Test
  void rejectsTimelineWindowsOutOfOrderNamingTheWindow() throws Exception {
    String timeline =
        ", \"timeline\": {\"window_sec\": 10, \"windows\": ["
            + "{\"start_sec\": 0, \"p95_tick_ms\": 1, \"deadline_misses\": 0, \"burst\": true,"
            + " \"injections\": 0},"
            + "{\"start_sec\": 5, \"p95_tick_ms\": 1, \"deadline_misses\": 0, \"burst\": true,"
            + " \"injections\": 0}]}}";
    RunFileException e = failure(SEED_EXAMPLE.trim().replaceAll("}$", "") + timeline);

    assertThat(e.field()).isEqualTo("timeline.windows[1].start_sec");
  }

  @Test
  void rejectsATimelineWindowWithAMissingFlag() throws Exception {
    String timeline =
        ", \"timeline\": {\"window_sec\": 10, \"windows\": ["
            + "{\"start_sec\": 0, \"p95_tick_ms\": 1, \"deadline_misses\": 0,"
            + " \"injections\": 0}]}}";
    RunFileException e = failure(SEED_EXAMPLE.trim().replaceAll("}$", "") + timeline);

    assertThat(e.field()).isEqualTo("timeline.windows[0].burst");
  }

  @Test
  void reportsAFileThatCannotBeReadAsUnreadable() {
    Path missing = dir.resolve("gone.json");

    assertThatThrownBy(() -> RunReader.read(missing))
        .isInstanceOf(RunFileException.class)
        .hasMessageContaining("gone.json: (file): cannot be read");
  }
}
