package io.mmbot.chaos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads report.md the way a GitHub-flavoured Markdown renderer would, far enough to find what
 * hostile run names or values could break: a line ending or invisible control inside a line, a
 * heading that the writer did not mean, a table row with more or fewer cells than its header (a
 * pipe that was not escaped), a code span that does not close, and raw HTML or an entity outside
 * code spans. Independent of the writer's own escaping code.
 */
final class MarkdownLint {

  private static final Set<String> SECTIONS =
      Set.of(
          "# Chaos test report",
          "## Summary",
          "## Unreadable runs",
          "## Duplicate runs",
          "## Scenarios",
          "## Stress scenarios");

  private MarkdownLint() {}

  /** What is wrong with {@code md}; empty when nothing is. */
  static List<String> problems(String md) {
    List<String> out = new ArrayList<>();
    String[] lines = md.split("\n", -1);
    int tableCells = -1;
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String where = "line " + (n + 1) + ": ";
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        int type = Character.getType(c);
        if (type == Character.CONTROL
            || type == Character.FORMAT
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR
            || (type == Character.SURROGATE && !pairedSurrogate(line, i))) {
          // (the status emoji "⚠️" ends in a variation selector, a non-spacing mark: allowed)
          out.add(where + "raw control or format character U+" + Integer.toHexString(c));
        }
      }
      if (line.startsWith("#")) {
        boolean known = SECTIONS.contains(line) || line.matches("### [a-z0-9_]+ (✅|⚠️)");
        if (!known) {
          out.add(where + "unexpected heading: " + line);
        }
      }
      if (line.startsWith("|")) {
        List<String> cells = cells(line);
        if (tableCells < 0) {
          tableCells = cells.size();
        } else if (cells.size() != tableCells) {
          out.add(where + cells.size() + " cells where the header has " + tableCells + ": " + line);
        }
        for (String cell : cells) {
          inline(cell, where, out);
        }
      } else {
        tableCells = -1;
        inline(line, where, out);
      }
    }
    return out;
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** GFM row splitting: a backslash takes the next character with it; '\|' becomes '|'. */
  static List<String> cells(String row) {
    String t = row.trim();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int start = t.startsWith("|") ? 1 : 0;
    for (int i = start; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length()) {
        char next = t.charAt(i + 1);
        if (next != '|') {
          cell.append(c);
        }
        cell.append(next);
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 && !cell.toString().isBlank()) {
      cells.add(cell.toString().trim());
    }
    return cells;
  }

  /** CommonMark inline scan: backslash escapes, code spans, then raw HTML or entities. */
  private static void inline(String s, String where, List<String> out) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
        i += 2;
        continue;
      }
      if (c == '`') {
        int n = run(s, i);
        int close = closer(s, i + n, n);
        if (close < 0) {
          out.add(where + "a code span opened with " + n + " backtick(s) does not close: " + s);
          i += n;
        } else {
          i = close + n;
        }
        continue;
      }
      if (c == '<' && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
          out.add(where + "raw HTML outside a code span: " + s.substring(i));
        }
      }
      if (c == '&' && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        if (Character.isLetter(next) || next == '#') {
          out.add(where + "an entity reference outside a code span: " + s.substring(i));
        }
      }
      i++;
    }
  }

  private static int run(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '`') {
      i++;
    }
    return i - from;
  }

  /** Start of the next backtick run of exactly {@code n}, or -1. */
  private static int closer(String s, int from, int n) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '`') {
        int m = run(s, i);
        if (m == n) {
          return i;
        }
        i += m;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
  }
}
