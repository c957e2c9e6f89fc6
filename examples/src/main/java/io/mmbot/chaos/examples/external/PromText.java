package io.mmbot.chaos.examples.external;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format, version 0.0.4: what a bot's {@code /metrics}
 * endpoint serves.
 *
 * <p>Accepted: blank lines; comments ({@code # …}), of which {@code # HELP name text} and {@code #
 * TYPE name counter|gauge|histogram|summary|untyped} are checked for a valid name (and type);
 * samples {@code name{label="value",…} value [timestamp]} with spaces or tabs between the parts, an
 * optional trailing comma in the label set, label values escaped with {@code \"}, {@code \\} and
 * {@code \n}, values as Go's {@code ParseFloat} writes them ({@code 1}, {@code -2.5e-3}, {@code
 * +Inf}, {@code -Inf}, {@code NaN}) and an optional integer timestamp in milliseconds, which is
 * read and dropped. A line ending in {@code \r} is read without it.
 *
 * <p>Anything else (a bad name, an unknown escape, a duplicate label, a missing or malformed value,
 * a timestamp that is not an integer, text after it) is an {@link IllegalArgumentException} whose
 * message starts with the 1-based line number.
 */
public final class PromText {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private PromText() {}

  /** One sample: a metric name, its labels (in the order written) and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    /** Copies {@code labels}, keeping their order. */
    public Sample {
      Objects.requireNonNull(name, "name");
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
  }

  /** Every sample of {@code text}, in order. */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNo++;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      Sample s = new Line(line, lineNo).read();
      if (s != null) {
        samples.add(s);
      }
      start = end + 1;
    }
    return samples;
  }

  /** One line being read. */
  private static final class Line {
    private final String s;
    private final int number;
    private int pos;

    Line(String s, int number) {
      this.s = s;
      this.number = number;
    }

    /** The line's sample, or null for a blank line or a comment. */
    Sample read() {
      skipSpace();
      if (pos == s.length()) {
        return null;
      }
      if (s.charAt(pos) == '#') {
        comment();
        return null;
      }
      String name = name(true, "metric name");
      Map<String, String> labels = new LinkedHashMap<>();
      boolean spaced = skipSpace();
      if (pos < s.length() && s.charAt(pos) == '{') {
        pos++;
        labels(labels);
        spaced = skipSpace();
      }
      if (!spaced) {
        throw bad("expected a space and a value after " + name);
      }
      double value = value(word());
      if (skipSpace() && pos < s.length()) {
        String ts = word();
        if (!TIMESTAMP.matcher(ts).matches()) {
          throw bad("timestamp '" + ts + "' is not an integer number of milliseconds");
        }
        skipSpace();
        if (pos < s.length()) {
          throw bad("unexpected text after the timestamp: '" + s.substring(pos) + "'");
        }
      } else if (pos < s.length()) {
        throw bad("unexpected text after the value: '" + s.substring(pos) + "'");
      }
      return new Sample(name, labels, value);
    }

    private void comment() {
      pos++;
      if (!skipSpace()) {
        return; // "#text": a plain comment
      }
      String keyword = word();
      if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
        return;
      }
      if (!skipSpace() || pos == s.length()) {
        throw bad("# " + keyword + " without a metric name");
      }
      String name = name(true, "metric name in # " + keyword);
      if (keyword.equals("TYPE")) {
        if (!skipSpace()) {
          throw bad("# TYPE " + name + " without a type");
        }
        String type = word();
        if (!TYPES.contains(type)) {
          throw bad("# TYPE " + name + " has an unknown type '" + type + "'");
        }
        skipSpace();
        if (pos < s.length()) {
          throw bad("unexpected text after # TYPE " + name + " " + type);
        }
      } else if (pos < s.length() && !isSpace(s.charAt(pos))) {
        throw bad("# HELP has a bad metric name");
      }
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return;
        }
        String label = name(false, "label name");
        skipSpace();
        expect('=', "'=' after label " + label);
        skipSpace();
        expect('"', "'\"' opening the value of label " + label);
        String value = labelValue(label);
        if (labels.put(label, value) != null) {
          throw bad("label " + label + " appears twice");
        }
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        } else if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return;
        } else {
          throw bad("expected ',' or '}' after the value of label " + label);
        }
      }
    }

    private String labelValue(String label) {
      StringBuilder v = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return v.toString();
        }
        if (c == '\\') {
          if (pos == s.length()) {
            break;
          }
          char e = s.charAt(pos++);
          switch (e) {
            case '\\' -> v.append('\\');
            case '"' -> v.append('"');
            case 'n' -> v.append('\n');
            default -> throw bad("invalid escape \\" + e + " in the value of label " + label);
          }
        } else {
          v.append(c);
        }
      }
      throw bad("the value of label " + label + " is not closed by '\"'");
    }

    private String name(boolean metric, String what) {
      int from = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        boolean ok = letter || (metric && c == ':') || (pos > from && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        pos++;
      }
      if (pos == from) {
        throw bad("expected a " + what + " at column " + (from + 1));
      }
      return s.substring(from, pos);
    }

    private double value(String w) {
      switch (w) {
        case "+Inf", "Inf", "+inf", "inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Inf", "-inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case "NaN", "nan" -> {
          return Double.NaN;
        }
        default -> {
          if (!NUMBER.matcher(w).matches()) {
            throw bad(w.isEmpty() ? "missing value" : "value '" + w + "' is not a number");
          }
          return Double.parseDouble(w);
        }
      }
    }

    private String word() {
      int from = pos;
      while (pos < s.length() && !isSpace(s.charAt(pos))) {
        pos++;
      }
      return s.substring(from, pos);
    }

    private void expect(char c, String what) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw bad("expected " + what);
      }
      pos++;
    }

    /** Skips spaces and tabs; true if there was at least one. */
    private boolean skipSpace() {
      int from = pos;
      while (pos < s.length() && isSpace(s.charAt(pos))) {
        pos++;
      }
      return pos > from;
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t';
    }

    private IllegalArgumentException bad(String what) {
      String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
      return new IllegalArgumentException("line " + number + ": " + what + ": " + shown);
    }
  }
}
