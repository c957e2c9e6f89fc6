package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a report's outcomes into findings, by the rules of {@code docs/findings.md}:
 *
 * <ul>
 *   <li>a criterion missed by more than half its margin, or any occurrence of a count that must
 *       stay 0 (cancel storms, duplicate or orphan orders, 418 bans), is {@link Severity#HIGH};
 *   <li>any other missed criterion is {@link Severity#MEDIUM};
 *   <li>a criterion met with less than {@value #LOW_HEADROOM} of its margin left is {@link
 *       Severity#LOW};
 *   <li>failed runs give a pass-rate finding: {@link Severity#HIGH} when the upper bound of the 95
 *       % Wilson interval is below {@value #PASS_RATE_TARGET}, {@link Severity#MEDIUM} otherwise.
 * </ul>
 *
 * <p>Findings are ordered by severity, then scenario (in {@link Scenario} order), then criterion
 * (pass rate last), and numbered {@code CHAOS-1}, {@code CHAOS-2}, … in that order, so the same
 * report always gives the same ids. A stress scenario with failed runs gives one finding after all
 * the others (so that the ids of the seed's findings do not depend on stress runs), graded as a
 * pass-rate finding and naming the checks its runs failed. Stateless and safe for concurrent use.
 */
public final class FindingsAnalyzer {

  /** Share of the margin below which a met criterion is reported as low severity. */
  public static final double LOW_HEADROOM = 0.10;

  /** Share of the margin beyond which a missed criterion is high severity. */
  public static final double HIGH_EXCESS = 0.5;

  /** Pass rate that the Wilson upper bound must reach to keep a pass-rate finding medium. */
  public static final double PASS_RATE_TARGET = 0.90;

  private FindingsAnalyzer() {}

  /** The findings of a report, ordered and numbered. */
  public static List<Finding> analyze(ParsedReport report) {
    List<Draft> drafts = new ArrayList<>();
    for (ScenarioOutcome s : report.scenarios()) {
      for (CriterionResult r : s.criteria()) {
        severity(r)
            .ifPresent(
                sev ->
                    drafts.add(
                        new Draft(
                            s.scenario(),
                            sev,
                            r.criterion().ordinal(),
                            describe(r, sev),
                            r.criterion().recommendation())));
      }
      if (s.failed() > 0) {
        Wilson w = Wilson.of(s.passed(), s.runs());
        Severity sev = w.upper() < PASS_RATE_TARGET ? Severity.HIGH : Severity.MEDIUM;
        drafts.add(
            new Draft(
                s.scenario(),
                sev,
                Criterion.values().length,
                passRate(s, w, sev),
                primary(s.scenario()).recommendation()));
      }
    }
    drafts.sort(
        Comparator.comparing(Draft::severity)
            .thenComparing(Draft::scenario)
            .thenComparingInt(Draft::order));
    List<Finding> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      out.add(
          new Finding(
              "CHAOS-" + (out.size() + 1),
              d.scenario,
              d.severity,
              d.description,
              d.recommendation));
    }
    for (StressOutcome s : report.stresses()) {
      if (s.failed() == 0) {
        continue;
      }
      Wilson w = Wilson.of(s.passed(), s.runs());
      Severity sev = w.upper() < PASS_RATE_TARGET ? Severity.HIGH : Severity.MEDIUM;
      out.add(
          new Finding(
              "CHAOS-" + (out.size() + 1),
              s.scenario(),
              sev,
              stressPassRate(s, w, sev),
              "Replay a failed run with the command in its run file (replay) and narrow it with"
                  + " --shrink. "
                  + primary(s.scenario()).recommendation(),
              Optional.of(s.name())));
    }
    return out;
  }

  private static String stressPassRate(StressOutcome s, Wilson w, Severity sev) {
    String checks =
        s.failedChecks().isEmpty()
            ? "no failed check recorded"
            : s.failedChecks().entrySet().stream()
                .map(
                    e ->
                        e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " run)" : " runs)"))
                .collect(java.util.stream.Collectors.joining(", "));
    return "Stress scenario "
        + s.name()
        + " ("
        + s.scenario().key()
        + "): "
        + passRate(s.failed(), s.passed(), s.runs(), w, sev)
        + "; failed checks: "
        + checks;
  }

  /** The severity of one criterion result, or empty when it deserves no finding. */
  public static Optional<Severity> severity(CriterionResult r) {
    if (!r.met()) {
      if (r.margin() <= 0 || r.excessInMargins() > HIGH_EXCESS) {
        return Optional.of(Severity.HIGH);
      }
      return Optional.of(Severity.MEDIUM);
    }
    if (r.margin() > 0 && -r.excessInMargins() < LOW_HEADROOM) {
      return Optional.of(Severity.LOW);
    }
    return Optional.empty();
  }

  /** The criterion whose troubleshooting advice fits a scenario's failed runs best. */
  static Criterion primary(Scenario s) {
    switch (s) {
      case NET_LOSS:
      case LAT_SPIKE:
      case WS_LAG:
        return Criterion.P95_TICK;
      case EXCH_429:
      case EXCH_5XX:
      case RATE_LIMIT_STORM:
        return Criterion.DEADLINE_MISS;
      default:
        return Criterion.RECOVERY;
    }
  }

  private static String describe(CriterionResult r, Severity sev) {
    Criterion c = r.criterion();
    String run = MarkdownText.plain(r.worstRun());
    String label = sentence(c.label());
    String where =
        " (worst run: "
            + run
            + "; "
            + r.runsMissing()
            + " of "
            + r.runsJudged()
            + " runs missed it)";
    if (c.unit() == Criterion.Unit.COUNT) {
      return label
          + ": "
          + NumberText.num(r.worstValue())
          + ", target "
          + NumberText.num(r.target())
          + where;
    }
    String value = NumberText.withUnit(r.worstValue(), c.unit());
    String target = NumberText.withUnit(r.target(), c.unit());
    if (sev == Severity.LOW) {
      return label
          + " "
          + value
          + " meets target "
          + target
          + " with only "
          + NumberText.pct(-r.excessInMargins())
          + " of its "
          + NumberText.withUnit(r.margin(), c.unit())
          + " margin left (worst run: "
          + run
          + ")";
    }
    return label + " " + value + " exceeds target " + target + where;
  }

  private static String passRate(ScenarioOutcome s, Wilson w, Severity sev) {
    return passRate(s.failed(), s.passed(), s.runs(), w, sev);
  }

  private static String passRate(int failed, int passed, int runs, Wilson w, Severity sev) {
    return failed
        + " of "
        + runs
        + " runs failed: pass rate "
        + NumberText.pct((double) passed / runs)
        + " (95 % Wilson interval "
        + NumberText.decimals(w.lower() * 100, 1)
        + "–"
        + NumberText.decimals(w.upper() * 100, 1)
        + " %), target every run passes"
        + (sev == Severity.HIGH
            ? "; even the upper bound is below " + NumberText.pct(PASS_RATE_TARGET)
            : "");
  }

  private static String sentence(String label) {
    if (label.matches("p\\d.*") || label.isEmpty()) {
      return label;
    }
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }

  private record Draft(
      Scenario scenario, Severity severity, int order, String description, String recommendation) {}
}
