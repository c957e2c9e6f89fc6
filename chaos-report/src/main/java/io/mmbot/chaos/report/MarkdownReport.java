package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders {@code report.md}: the summary table (scenario, runs passed/failed, p95, deadline miss,
 * recovery, pass rate with its Wilson interval, status), the unreadable runs, the runs that share a
 * scenario and seed (when there are any), and a section per scenario with its criteria and what
 * failed by how much, then, only when stress runs were read, the stress scenarios under their own
 * heading with their own pass rates and failed checks. The output depends only on the runs (no time
 * stamps, no absolute paths), so the same runs always give the same bytes. {@link ReportParser}
 * reads it back.
 *
 * <p>Text from run files (file names, field paths, values quoted in errors) is escaped so that it
 * can neither break the layout nor bring raw HTML in: see {@link MarkdownText}. Stateless and safe
 * for concurrent use.
 */
public final class MarkdownReport {

  static final String TITLE = "# Chaos test report";
  static final String SUMMARY = "## Summary";
  static final String UNREADABLE = "## Unreadable runs";
  static final String DUPLICATES = "## Duplicate runs";
  static final String SCENARIOS = "## Scenarios";
  static final String SUMMARY_HEADER =
      "| Scenario | Runs passed/failed | p95 tick | Deadline miss | Recovery"
          + " | Pass rate (95 % Wilson) | Status |";
  static final String STRESS = "## Stress scenarios";
  static final String STRESS_HEADER =
      "| Stress scenario | Drives | Runs | Passed | Failed | Pass rate (95 % Wilson)"
          + " | Failed checks (runs) | Status |";
  static final String CRITERIA_HEADER =
      "| Criterion | Target | Margin | Worst value | Worst run | Runs missing |";
  static final String PASSED = "✅";
  static final String WARNING = "⚠️";

  private MarkdownReport() {}

  /** The report for {@code model}, ending with a newline. */
  public static String render(ReportModel model) {
    StringBuilder b = new StringBuilder(4096);
    b.append(TITLE).append("\n\n");
    int runs = model.runCount();
    int passed = model.passedCount();
    b.append(runs)
        .append(runs == 1 ? " run" : " runs")
        .append(" of ")
        .append(model.scenarios().size())
        .append(model.scenarios().size() == 1 ? " scenario" : " scenarios")
        .append(": ")
        .append(passed)
        .append(" passed, ")
        .append(runs - passed)
        .append(" failed");
    if (runs > 0) {
      b.append("; overall pass rate ")
          .append(NumberText.pct((double) passed / runs))
          .append(" (95 % Wilson interval ")
          .append(NumberText.interval(passed, runs))
          .append(')');
    }
    b.append(".\n");
    if (!model.stresses().isEmpty()) {
      int stressRuns = model.stresses().stream().mapToInt(s -> s.runs().size()).sum();
      b.append(stressRuns)
          .append(stressRuns == 1 ? " stress run is" : " stress runs are")
          .append(" reported apart, under Stress scenarios.\n");
    }
    if (!model.unreadable().isEmpty()) {
      b.append(model.unreadable().size())
          .append(" run ")
          .append(model.unreadable().size() == 1 ? "file" : "files")
          .append(" could not be read (see below).\n");
    }
    List<DuplicateRuns> duplicates = model.duplicates();
    if (!duplicates.isEmpty()) {
      b.append(duplicates.size())
          .append(duplicates.size() == 1 ? " scenario and seed is" : " scenario and seed pairs are")
          .append(" recorded by more than one run file, and each file is counted (see below).\n");
    }
    b.append('\n');
    summary(b, model);
    unreadable(b, model);
    duplicates(b, duplicates);
    b.append(SCENARIOS).append("\n");
    for (ScenarioSummary s : model.scenarios()) {
      scenario(b, s);
    }
    stresses(b, model.stresses());
    return b.toString();
  }

  /**
   * The stress scenarios, when any ran: one row each with its runs, passes, failures, pass rate and
   * the checks its failed runs failed (with how many runs failed each).
   */
  private static void stresses(StringBuilder b, List<StressSummary> stresses) {
    if (stresses.isEmpty()) {
      return;
    }
    int runs = stresses.stream().mapToInt(s -> s.runs().size()).sum();
    int passed = stresses.stream().mapToInt(StressSummary::passed).sum();
    b.append('\n').append(STRESS).append("\n\n");
    b.append(runs)
        .append(runs == 1 ? " run" : " runs")
        .append(" of ")
        .append(stresses.size())
        .append(stresses.size() == 1 ? " stress scenario" : " stress scenarios")
        .append(": ")
        .append(passed)
        .append(" passed, ")
        .append(runs - passed)
        .append(" failed. Each drives one of the scenarios above far beyond the seed's intensity")
        .append(" and is judged by its own bounds; they are not part of the summary above.\n\n");
    b.append(STRESS_HEADER).append('\n');
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (StressSummary s : stresses) {
      b.append("| ")
          .append(MarkdownText.cell(s.name()))
          .append(" | ")
          .append(s.scenario().key())
          .append(" | ")
          .append(s.runs().size())
          .append(" | ")
          .append(s.passed())
          .append(" | ")
          .append(s.failed())
          .append(" | ")
          .append(NumberText.passRate(s.passed(), s.runs().size()))
          .append(" | ")
          .append(checks(s))
          .append(" | ")
          .append(s.allPassed() ? PASSED : WARNING)
          .append(" |\n");
    }
  }

  /** {@code recovery (2), retry_storms (1)}, or a dash when no check failed. */
  static String checks(StressSummary s) {
    if (s.failedChecks().isEmpty()) {
      return "—";
    }
    return s.failedChecks().entrySet().stream()
        .map(e -> MarkdownText.cell(e.getKey()) + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private static void summary(StringBuilder b, ReportModel model) {
    b.append(SUMMARY).append("\n\n");
    b.append(SUMMARY_HEADER).append('\n');
    b.append("|---|---|---|---|---|---|---|\n");
    for (ScenarioSummary s : model.scenarios()) {
      b.append("| ")
          .append(s.scenario().key())
          .append(" | ")
          .append(s.passed())
          .append('/')
          .append(s.failed())
          .append(" | ")
          .append(worst(s, Criterion.P95_TICK))
          .append(" | ")
          .append(worst(s, Criterion.DEADLINE_MISS))
          .append(" | ")
          .append(worst(s, Criterion.RECOVERY))
          .append(" | ")
          .append(s.runs().size() > 1 ? NumberText.passRate(s.passed(), s.runs().size()) : "—")
          .append(" | ")
          .append(s.allPassed() ? PASSED : WARNING)
          .append(" |\n");
    }
    b.append('\n');
    b.append("Worst run per column. Targets: p95 tick < baseline + ")
        .append(NumberText.num(Criterion.P95_INCREASE * 100))
        .append(" %, deadline miss < ")
        .append(NumberText.num(Criterion.DEADLINE_MISS_PCT))
        .append(" %, recovery ≤ ")
        .append(Criterion.RECOVERY_TICKS)
        .append(" ticks. Status ")
        .append(PASSED)
        .append(" when every run passed, ")
        .append(WARNING)
        .append(" otherwise.\n\n");
    b.append("Scenarios without runs: ")
        .append(
            model.withoutRuns().isEmpty()
                ? "none"
                : model.withoutRuns().stream().map(Scenario::key).collect(Collectors.joining(", ")))
        .append(".\n\n");
  }

  private static String worst(ScenarioSummary s, Criterion c) {
    return s.result(c).map(r -> NumberText.withUnit(r.worstValue(), c.unit())).orElse("—");
  }

  private static void unreadable(StringBuilder b, ReportModel model) {
    b.append(UNREADABLE).append("\n\n");
    if (model.unreadable().isEmpty()) {
      b.append("None.\n\n");
      return;
    }
    for (RunFileException e : model.unreadable()) {
      b.append("- ")
          .append(MarkdownText.code(String.valueOf(e.file().getFileName())))
          .append(" — ")
          .append(MarkdownText.code(e.field()))
          .append(": ")
          .append(MarkdownText.text(e.problem()))
          .append('\n');
    }
    b.append('\n');
  }

  private static void duplicates(StringBuilder b, List<DuplicateRuns> duplicates) {
    if (duplicates.isEmpty()) {
      return;
    }
    b.append(DUPLICATES).append("\n\n");
    for (DuplicateRuns d : duplicates) {
      b.append("- ")
          .append(d.scenario().key())
          .append(" seed ")
          .append(d.seed())
          .append(": ")
          .append(d.runs().size())
          .append(" run files (")
          .append(
              d.runs().stream()
                  .map(r -> MarkdownText.code(String.valueOf(r.source().getFileName())))
                  .collect(Collectors.joining(", ")))
          .append("), each counted\n");
    }
    b.append('\n');
  }

  private static void scenario(StringBuilder b, ScenarioSummary s) {
    b.append("\n### ")
        .append(s.scenario().key())
        .append(' ')
        .append(s.allPassed() ? PASSED : WARNING)
        .append("\n\n");
    int n = s.runs().size();
    b.append(n)
        .append(n == 1 ? " run (" : " runs (")
        .append(s.runs().stream().map(RunRecord::label).collect(Collectors.joining(", ")))
        .append(") at intensity ")
        .append(distinct(s.runs(), RunRecord::intensity))
        .append(" for ")
        .append(distinct(s.runs(), RunRecord::durationSec))
        .append(" s: ");
    if (s.allPassed()) {
      b.append(n == 1 ? "passed.\n\n" : "all passed.\n\n");
    } else {
      b.append(s.passed()).append(" passed, ").append(s.failed()).append(" failed.\n\n");
    }
    b.append(CRITERIA_HEADER).append('\n');
    b.append("|---|---|---|---|---|---|\n");
    for (CriterionResult r : s.criteria()) {
      Criterion c = r.criterion();
      b.append("| ")
          .append(c.label())
          .append(" | ")
          .append(targetText(c, r.target()))
          .append(" | ")
          .append(r.margin() > 0 ? NumberText.withUnit(r.margin(), c.unit()) : "—")
          .append(" | ")
          .append(NumberText.withUnit(r.worstValue(), c.unit()))
          .append(" | ")
          .append(MarkdownText.cell(r.worstRun()))
          .append(" | ")
          .append(r.runsMissing())
          .append(" of ")
          .append(r.runsJudged())
          .append(" |\n");
    }
    List<String> failures = failures(s, RunRecord::label);
    if (!failures.isEmpty()) {
      b.append("\nWhat failed:\n\n");
      for (String f : failures) {
        b.append("- ").append(f).append('\n');
      }
    }
  }

  static String targetText(Criterion c, double target) {
    if (c.unit() == Criterion.Unit.COUNT) {
      return NumberText.num(target);
    }
    return (c.inclusive() ? "≤ " : "< ") + NumberText.withUnit(target, c.unit());
  }

  /**
   * One line per run that failed or missed a criterion, the run named by {@code name} (its Markdown
   * label here, its plain name in report.html); the rest of each line holds no text from the run
   * file.
   */
  static List<String> failures(ScenarioSummary s, Function<RunRecord, String> name) {
    List<String> out = new ArrayList<>();
    for (RunRecord run : s.runs()) {
      List<String> misses = new ArrayList<>();
      for (Criterion c : Criterion.values()) {
        OptionalDouble v = c.value(run);
        if (v.isPresent() && !c.met(v.getAsDouble(), c.target(run))) {
          misses.add(miss(c, v.getAsDouble(), c.target(run)));
        }
      }
      if (run.passed() && misses.isEmpty()) {
        continue;
      }
      String verdict = run.passed() ? " (judged pass)" : " (judged fail)";
      out.add(
          name.apply(run)
              + verdict
              + ": "
              + (misses.isEmpty()
                  ? "every recorded criterion was met; see the suite's log for the reason"
                  : String.join("; ", misses))
              + ".");
    }
    return out;
  }

  private static String miss(Criterion c, double value, double target) {
    String head = c.label() + " " + NumberText.withUnit(value, c.unit());
    double by = value - target;
    switch (c.unit()) {
      case MS:
        double pct = by / target * 100;
        return head
            + " exceeds target "
            + NumberText.withUnit(target, c.unit())
            + " by "
            + NumberText.withUnit(by, c.unit())
            // a target near zero gives no meaningful share (and one that overflows)
            + (Double.isFinite(pct) && pct < NumberText.PLAIN_LIMIT
                ? " (+" + NumberText.decimals(pct, 1) + " %)"
                : "");
      case PCT:
        return head
            + " exceeds target "
            + NumberText.withUnit(target, c.unit())
            + " by "
            + NumberText.num(by)
            + " percentage points";
      case TICKS:
        return head
            + " exceeds target "
            + NumberText.withUnit(target, c.unit())
            + " by "
            + NumberText.num(by);
      default:
        return c.label() + ": " + NumberText.num(value) + ", target " + NumberText.num(target);
    }
  }

  private static String distinct(
      List<RunRecord> runs, java.util.function.ToDoubleFunction<RunRecord> f) {
    Set<String> values = new LinkedHashSet<>();
    for (RunRecord r : runs) {
      values.add(NumberText.num(f.applyAsDouble(r)));
    }
    return String.join("/", values);
  }
}
