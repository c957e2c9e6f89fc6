package io.mmbot.chaos.report;

import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code report.md} written by {@link MarkdownReport} back into a {@link ParsedReport}: the
 * summary table, the count of unreadable runs, each scenario's criteria table and, when present,
 * the stress scenarios' table. Prose lines are ignored; a missing section, a malformed table row, a
 * number out of range or a summary row without its scenario section is a {@link
 * ReportFormatException} naming the line. Table cells are split as GitHub-flavoured Markdown splits
 * them (a pipe escaped with a backslash stays in its cell). Stateless and safe for concurrent use.
 */
public final class ReportParser {

  /** The largest report file {@link #read} accepts: {@value} bytes (64 MiB). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** How long {@link #read} may take to read a report file. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
  private static final Pattern PASSED_FAILED = Pattern.compile("(\\d+)/(\\d+)");
  private static final Pattern MISSING = Pattern.compile("(\\d+) of (\\d+)");

  private ReportParser() {}

  /**
   * Reads and parses a report file: a regular file (or a symbolic link to one) of at most {@link
   * #MAX_BYTES} bytes of UTF-8, read within {@link #READ_TIMEOUT}.
   *
   * @throws ReportFormatException if the file cannot be read within these limits (the problem is
   *     then on line 0) or is not a report
   */
  public static ParsedReport read(Path file) throws ReportFormatException {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(file, MAX_BYTES, READ_TIMEOUT);
    } catch (IOException e) {
      throw new ReportFormatException(file.toString(), 0, e.getMessage());
    }
    return parse(file.toString(), utf8(file.toString(), bytes));
  }

  private static String utf8(String source, byte[] bytes) throws ReportFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw new ReportFormatException(
          source, 0, "is not UTF-8 text (byte " + (in.position() + 1) + ")");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

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
    Map<Scenario, int[]> counts =
        summaryCounts(lines, find(lines, MarkdownReport.SUMMARY, source), source);
    int unreadable = countUnreadable(lines, find(lines, MarkdownReport.UNREADABLE, source));
    int stressHeading = findOptional(lines, MarkdownReport.STRESS);
    int scenariosEnd = stressHeading < 0 ? lines.length : stressHeading;
    Map<Scenario, List<CriterionResult>> criteria = criteria(lines, scenariosEnd, source);
    List<ScenarioOutcome> outcomes = outcomes(counts, criteria, source);
    int duplicates = countItems(lines, findOptional(lines, MarkdownReport.DUPLICATES));
    List<StressOutcome> stresses =
        stressHeading < 0 ? List.of() : stresses(lines, stressHeading, source);
    return new ParsedReport(outcomes, unreadable, duplicates, stresses);
  }

  /**
   * Passed and failed runs per scenario, from the summary table under the heading at {@code
   * summary}.
   */
  private static Map<Scenario, int[]> summaryCounts(String[] lines, int summary, String source)
      throws ReportFormatException {
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
      int passed = parseInt(m.group(1), source, row);
      int failed = parseInt(m.group(2), source, row);
      if ((long) passed + failed > Integer.MAX_VALUE) {
        throw new ReportFormatException(source, row + 1, "more runs than a report can hold");
      }
      if (counts.put(s, new int[] {passed, failed}) != null) {
        throw new ReportFormatException(source, row + 1, "scenario " + s.key() + " listed twice");
      }
    }
    return counts;
  }

  /** The criteria of each scenario section, from the scenarios heading up to line {@code end}. */
  private static Map<Scenario, List<CriterionResult>> criteria(
      String[] lines, int end, String source) throws ReportFormatException {
    Map<Scenario, List<CriterionResult>> criteria = new EnumMap<>(Scenario.class);
    for (int l = find(lines, MarkdownReport.SCENARIOS, source) + 1; l < end; l++) {
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
    return criteria;
  }

  /** Each scenario of the summary with its criteria; one without a section is an error. */
  private static List<ScenarioOutcome> outcomes(
      Map<Scenario, int[]> counts, Map<Scenario, List<CriterionResult>> criteria, String source)
      throws ReportFormatException {
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<Scenario, int[]> e : counts.entrySet()) {
      List<CriterionResult> c = criteria.get(e.getKey());
      if (c == null) {
        throw new ReportFormatException(
            source, 0, "scenario " + e.getKey().key() + " is in the summary but has no section");
      }
      outcomes.add(new ScenarioOutcome(e.getKey(), e.getValue()[0], e.getValue()[1], c));
    }
    return outcomes;
  }

  private static final Pattern STRESS_KEY = Pattern.compile(RunReader.KEY_PATTERN_TEXT);
  private static final Pattern CHECK_COUNT =
      Pattern.compile("(" + RunReader.KEY_PATTERN_TEXT + ") \\((\\d+)\\)");

  /** The rows of the stress table under the heading at {@code heading}. */
  private static List<StressOutcome> stresses(String[] lines, int heading, String source)
      throws ReportFormatException {
    List<StressOutcome> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int row = expectTable(lines, heading + 1, MarkdownReport.STRESS_HEADER, source);
    for (; row < lines.length && lines[row].trim().startsWith("|"); row++) {
      List<String> cells = cells(lines[row]);
      if (cells.size() != 8) {
        throw new ReportFormatException(
            source, row + 1, "stress row has " + cells.size() + " cells, expected 8");
      }
      String name = cells.get(0);
      if (!STRESS_KEY.matcher(name).matches()) {
        throw new ReportFormatException(
            source, row + 1, "expected a stress scenario key, found '" + name + "'");
      }
      if (!names.add(name)) {
        throw new ReportFormatException(
            source, row + 1, "stress scenario " + name + " listed twice");
      }
      Scenario s = scenario(cells.get(1), source, row);
      int runs = parseInt(digits(cells.get(2), source, row), source, row);
      int passed = parseInt(digits(cells.get(3), source, row), source, row);
      int failed = parseInt(digits(cells.get(4), source, row), source, row);
      if ((long) passed + failed != runs) {
        throw new ReportFormatException(
            source, row + 1, passed + " passed and " + failed + " failed do not make " + runs);
      }
      Map<String, Integer> checks = new LinkedHashMap<>();
      if (!cells.get(6).equals("—")) {
        for (String part : cells.get(6).split(",\\s*")) {
          Matcher m = CHECK_COUNT.matcher(part.strip());
          if (!m.matches()) {
            throw new ReportFormatException(
                source, row + 1, "expected failed checks as 'check (runs)', found '" + part + "'");
          }
          checks.put(m.group(1), parseInt(m.group(2), source, row));
        }
      }
      out.add(new StressOutcome(name, s, passed, failed, checks));
    }
    return out;
  }

  private static String digits(String cell, String source, int row) throws ReportFormatException {
    if (!cell.matches("\\d+")) {
      throw new ReportFormatException(source, row + 1, "expected a count, found '" + cell + "'");
    }
    return cell;
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
        c,
        target,
        margin,
        worst,
        cells.get(4),
        parseInt(m.group(1), source, row),
        parseInt(m.group(2), source, row));
  }

  private static double number(String cell, String source, int row, String what)
      throws ReportFormatException {
    Matcher m = NUMBER.matcher(cell);
    if (!m.find()) {
      throw new ReportFormatException(
          source, row + 1, "expected a number as " + what + ", found '" + cell + "'");
    }
    double v = Double.parseDouble(m.group());
    if (!Double.isFinite(v)) {
      throw new ReportFormatException(
          source, row + 1, what + " " + m.group() + " is outside the range of a number");
    }
    return v;
  }

  private static int parseInt(String digits, String source, int row) throws ReportFormatException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ReportFormatException(source, row + 1, "count " + digits + " is too large");
    }
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
    return countItems(lines, heading);
  }

  /** The list items under the heading at {@code heading} (none when it is -1). */
  private static int countItems(String[] lines, int heading) {
    if (heading < 0) {
      return 0;
    }
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
    int l = findOptional(lines, heading);
    if (l < 0) {
      throw new ReportFormatException(source, 0, "section '" + heading + "' is missing");
    }
    return l;
  }

  private static int findOptional(String[] lines, String heading) {
    for (int l = 0; l < lines.length; l++) {
      if (lines[l].trim().equals(heading)) {
        return l;
      }
    }
    return -1;
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

  /**
   * The cells of a table row, split as GitHub-flavoured Markdown does: a backslash takes the next
   * character with it, so an escaped pipe stays in its cell (and loses its backslash); the pipes at
   * the start and end of the row are not cell boundaries.
   */
  static List<String> cells(String line) {
    String t = line.trim();
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = t.startsWith("|") ? 1 : 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length()) {
        char next = t.charAt(++i);
        if (next != '|') {
          cell.append(c);
        }
        cell.append(next);
      } else if (c == '|') {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank() || out.isEmpty()) {
      out.add(cell.toString().trim());
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
