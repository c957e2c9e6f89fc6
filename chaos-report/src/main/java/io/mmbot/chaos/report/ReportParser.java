package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code report.md} written by {@link MarkdownReport} back into a {@link ParsedReport}: the
 * summary table, the count of unreadable runs and each scenario's criteria table. Prose lines are
 * ignored; a missing section, a malformed table row or a summary row without its scenario section
 * is a {@link ReportFormatException} naming the line. Stateless and safe for concurrent use.
 */
public final class ReportParser {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern PASSED_FAILED = Pattern.compile("(\\d+)/(\\d+)");
  private static final Pattern MISSING = Pattern.compile("(\\d+) of (\\d+)");

  private ReportParser() {}

  /**
   * Parses the report text.
   *
   * @param source the report's name for error messages
   * @param text the report
   * @throws ReportFormatException if the text does not have the report's layout
   */
  public static ParsedReport parse(String source, String text) throws ReportFormatException {
    String[] lines = text.split("\r?\n", -1);
    int i = skipBlank(lines, 0);
    if (i >= lines.length || !lines[i].trim().equals(MarkdownReport.TITLE)) {
      throw new ReportFormatException(
          source, i + 1, "not a chaos report: expected '" + MarkdownReport.TITLE + "' first");
    }
    int summary = find(lines, MarkdownReport.SUMMARY, source);
    Map<Scenario, int[]> counts = new LinkedHashMap<>();
    int row = expectTable(lines, summary + 1, MarkdownReport.SUMMARY_HEADER, source);
    for (; row < lines.length && lines[row].trim().startsWith("|"); row++) {
      List<String> cells = cells(lines[row]);
      if (cells.size() != 7) {
        throw new ReportFormatException(
            source, row + 1, "summary row has " + cells.size() + " cells, expected 7");
      }
      Scenario s = scenario(cells.get(0), source, row);
      Matcher m = PASSED_FAILED.matcher(cells.get(1));
      if (!m.matches()) {
        throw new ReportFormatException(
            source, row + 1, "expected runs as passed/failed, found '" + cells.get(1) + "'");
      }
      if (counts.put(s, new int[] {parseInt(m.group(1)), parseInt(m.group(2))}) != null) {
        throw new ReportFormatException(source, row + 1, "scenario " + s.key() + " listed twice");
      }
    }
    int unreadable = countUnreadable(lines, find(lines, MarkdownReport.UNREADABLE, source));
    Map<Scenario, List<CriterionResult>> criteria = new EnumMap<>(Scenario.class);
    for (int l = find(lines, MarkdownReport.SCENARIOS, source) + 1; l < lines.length; l++) {
      String line = lines[l].trim();
      if (!line.startsWith("### ")) {
        continue;
      }
      String[] words = line.substring(4).trim().split("\\s+");
      Scenario s = scenario(words[0], source, l);
      int r = expectTable(lines, l + 1, MarkdownReport.CRITERIA_HEADER, source);
      List<CriterionResult> results = new ArrayList<>();
      for (; r < lines.length && lines[r].trim().startsWith("|"); r++) {
        results.add(criterion(cells(lines[r]), source, r));
      }
      criteria.put(s, results);
      l = r - 1;
    }
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<Scenario, int[]> e : counts.entrySet()) {
      List<CriterionResult> c = criteria.get(e.getKey());
      if (c == null) {
        throw new ReportFormatException(
            source, 0, "scenario " + e.getKey().key() + " is in the summary but has no section");
      }
      outcomes.add(new ScenarioOutcome(e.getKey(), e.getValue()[0], e.getValue()[1], c));
    }
    return new ParsedReport(outcomes, unreadable);
  }

  private static CriterionResult criterion(List<String> cells, String source, int row)
      throws ReportFormatException {
    if (cells.size() != 6) {
      throw new ReportFormatException(
          source, row + 1, "criterion row has " + cells.size() + " cells, expected 6");
    }
    Criterion c;
    try {
      c = Criterion.fromLabel(cells.get(0));
    } catch (IllegalArgumentException e) {
      throw new ReportFormatException(source, row + 1, e.getMessage());
    }
    double target = number(cells.get(1), source, row, "target");
    double margin = cells.get(2).equals("—") ? 0 : number(cells.get(2), source, row, "margin");
    double worst = number(cells.get(3), source, row, "worst value");
    Matcher m = MISSING.matcher(cells.get(5));
    if (!m.matches()) {
      throw new ReportFormatException(
          source, row + 1, "expected 'N of M' runs missing, found '" + cells.get(5) + "'");
    }
    return new CriterionResult(
        c, target, margin, worst, cells.get(4), parseInt(m.group(1)), parseInt(m.group(2)));
  }

  private static double number(String cell, String source, int row, String what)
      throws ReportFormatException {
    Matcher m = NUMBER.matcher(cell);
    if (!m.find()) {
      throw new ReportFormatException(
          source, row + 1, "expected a number as " + what + ", found '" + cell + "'");
    }
    return Double.parseDouble(m.group());
  }

  private static int parseInt(String digits) {
    return Integer.parseInt(digits);
  }

  private static Scenario scenario(String key, String source, int row)
      throws ReportFormatException {
    try {
      return Scenario.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new ReportFormatException(source, row + 1, e.getMessage());
    }
  }

  private static int countUnreadable(String[] lines, int heading) {
    int n = 0;
    for (int l = heading + 1; l < lines.length && !lines[l].startsWith("## "); l++) {
      if (lines[l].startsWith("- ")) {
        n++;
      }
    }
    return n;
  }

  private static int find(String[] lines, String heading, String source)
      throws ReportFormatException {
    for (int l = 0; l < lines.length; l++) {
      if (lines[l].trim().equals(heading)) {
        return l;
      }
    }
    throw new ReportFormatException(source, 0, "section '" + heading + "' is missing");
  }

  /** Checks the table header after {@code from} (blank lines allowed) and returns its first row. */
  private static int expectTable(String[] lines, int from, String header, String source)
      throws ReportFormatException {
    int l = from;
    while (l < lines.length && !lines[l].trim().startsWith("|")) {
      if (lines[l].startsWith("#")) {
        break;
      }
      l++;
    }
    if (l >= lines.length || !cells(lines[l]).equals(cells(header))) {
      throw new ReportFormatException(
          source, Math.min(l, lines.length - 1) + 1, "expected the table header '" + header + "'");
    }
    if (l + 1 >= lines.length || !lines[l + 1].trim().startsWith("|-")) {
      throw new ReportFormatException(source, l + 2, "expected the table's separator row");
    }
    return l + 2;
  }

  private static List<String> cells(String line) {
    String t = line.trim();
    if (t.startsWith("|")) {
      t = t.substring(1);
    }
    if (t.endsWith("|")) {
      t = t.substring(0, t.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : t.split("\\|", -1)) {
      out.add(c.trim());
    }
    return out;
  }

  private static int skipBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    return i;
  }
}
