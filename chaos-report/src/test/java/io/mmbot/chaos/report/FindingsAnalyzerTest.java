package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsAnalyzerTest {

  private static CriterionResult deadline(double worst) {
    return new CriterionResult(Criterion.DEADLINE_MISS, 2.0, 2.0, worst, "seed 1", 0, 1);
  }

  private static CriterionResult p95(double worst) {
    return new CriterionResult(Criterion.P95_TICK, 215.05, 28.05, worst, "seed 1", 0, 1);
  }

  @Test
  void missingByMoreThanHalfTheMarginIsHigh() {
    assertThat(FindingsAnalyzer.severity(deadline(3.2))).contains(Severity.HIGH);
    assertThat(FindingsAnalyzer.severity(deadline(3.01))).contains(Severity.HIGH);
    assertThat(FindingsAnalyzer.severity(p95(229.1))).contains(Severity.HIGH);
  }

  @Test
  void missingByAtMostHalfTheMarginIsMedium() {
    assertThat(FindingsAnalyzer.severity(deadline(3.0))).contains(Severity.MEDIUM);
    assertThat(FindingsAnalyzer.severity(deadline(2.0))).contains(Severity.MEDIUM);
    assertThat(FindingsAnalyzer.severity(p95(222.4))).contains(Severity.MEDIUM);
    CriterionResult recovery = new CriterionResult(Criterion.RECOVERY, 3, 3, 4, "seed 2", 1, 3);
    assertThat(FindingsAnalyzer.severity(recovery)).contains(Severity.MEDIUM);
  }

  @Test
  void meetingWithLessThanATenthOfTheMarginLeftIsLow() {
    assertThat(FindingsAnalyzer.severity(deadline(1.9))).contains(Severity.LOW);
    assertThat(FindingsAnalyzer.severity(deadline(1.81))).contains(Severity.LOW);
    assertThat(FindingsAnalyzer.severity(deadline(1.8))).isEmpty();
    assertThat(FindingsAnalyzer.severity(p95(213.0))).contains(Severity.LOW);
    assertThat(FindingsAnalyzer.severity(p95(210.0))).isEmpty();
    CriterionResult recoveryAtLimit =
        new CriterionResult(Criterion.RECOVERY, 3, 3, 3, "seed 1", 0, 1);
    assertThat(FindingsAnalyzer.severity(recoveryAtLimit)).contains(Severity.LOW);
  }

  @Test
  void reconnectMustStayStrictlyBelowThreeTicksWhileRecoveryMayReachThree() {
    assertThat(Criterion.RECONNECT.met(3, 3)).isFalse();
    assertThat(Criterion.RECOVERY.met(3, 3)).isTrue();
    CriterionResult reconnect = new CriterionResult(Criterion.RECONNECT, 3, 3, 3, "seed 1", 1, 1);
    assertThat(FindingsAnalyzer.severity(reconnect)).contains(Severity.MEDIUM);
    assertThat(Criterion.RECONNECT.appliesTo(Scenario.WS_DISCONNECT)).isTrue();
    assertThat(Criterion.RECONNECT.appliesTo(Scenario.NET_LOSS)).isFalse();
  }

  @Test
  void anyCancelStormIsHighAndNoneIsNothing() {
    CriterionResult one = new CriterionResult(Criterion.CANCEL_STORMS, 0, 0, 1, "seed 1", 1, 1);
    CriterionResult none = new CriterionResult(Criterion.CANCEL_STORMS, 0, 0, 0, "seed 1", 0, 1);

    assertThat(FindingsAnalyzer.severity(one)).contains(Severity.HIGH);
    assertThat(FindingsAnalyzer.severity(none)).isEqualTo(Optional.empty());
  }

  @Test
  void failedRunsAreHighOnlyWhenTheIntervalsUpperBoundIsBelowNinetyPercent() {
    // 0 of 2: upper bound 65.8 % -> high; 2 of 3: upper bound 93.9 % -> medium.
    List<Finding> f =
        FindingsAnalyzer.analyze(
            new ParsedReport(
                List.of(
                    new ScenarioOutcome(Scenario.EXCH_5XX, 2, 1, List.of()),
                    new ScenarioOutcome(Scenario.RATE_LIMIT_STORM, 0, 2, List.of())),
                0));

    assertThat(f).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
    assertThat(f.get(0).scenario()).isEqualTo(Scenario.RATE_LIMIT_STORM);
    assertThat(f.get(0).description())
        .startsWith("2 of 2 runs failed: pass rate 0 %")
        .contains("0–65.8 %");
    assertThat(f.get(0).recommendation()).isEqualTo("Tune the connector's backoff parameters");
    assertThat(f.get(1).description()).startsWith("1 of 3 runs failed");
  }

  @Test
  void ordersBySeverityThenScenarioAndNumbersInThatOrder() {
    ParsedReport report =
        new ParsedReport(
            List.of(
                new ScenarioOutcome(Scenario.NET_LOSS, 1, 0, List.of(p95(213.0))),
                new ScenarioOutcome(Scenario.EXCH_429, 1, 0, List.of(p95(220.0), deadline(3.5))),
                new ScenarioOutcome(Scenario.WS_LAG, 1, 0, List.of(deadline(2.5)))),
            0);

    List<Finding> f = FindingsAnalyzer.analyze(report);

    assertThat(f)
        .extracting(x -> x.issueId() + " " + x.severity().key() + " " + x.scenario().key())
        .containsExactly(
            "CHAOS-1 high exch_429",
            "CHAOS-2 medium exch_429",
            "CHAOS-3 medium ws_lag",
            "CHAOS-4 low net_loss");
    assertThat(f.get(0).description())
        .isEqualTo(
            "Deadline miss 3.5 % exceeds target 2 % (worst run: seed 1; 0 of 1 runs missed it)");
    assertThat(f.get(1).description()).startsWith("p95 tick 220 ms exceeds target 215.05 ms");
    assertThat(f.get(1).recommendation()).contains("tick_deadline_ms");
    assertThat(FindingsAnalyzer.analyze(report)).isEqualTo(f);
  }

  @Test
  void aCleanReportHasNoFindings() {
    ParsedReport clean =
        new ParsedReport(
            List.of(new ScenarioOutcome(Scenario.DNS_FLAP, 3, 0, List.of(p95(190), deadline(1)))),
            0);

    assertThat(FindingsAnalyzer.analyze(clean)).isEmpty();
    assertThat(FindingsJson.render(List.of()))
        .isEqualTo(
            "{\n  \"total_findings\": 0,\n  \"by_severity\": {\n    \"high\": 0,\n"
                + "    \"medium\": 0,\n    \"low\": 0\n  },\n  \"findings\": [ ]\n}\n");
  }
}
