package io.mmbot.chaos.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run file that cannot be read: malformed JSON, a missing or invalid field, an unknown scenario.
 * The message names the file, the field (a dotted path such as {@code metrics.p95_tick_ms}, or the
 * position for malformed JSON) and what is wrong. The field is kept to {@value #MAX_FIELD} and the
 * problem to {@value #MAX_PROBLEM} characters (longer ones are cut and end in "…"), so that a run
 * file cannot make the report that lists it arbitrarily large. In the message (not in {@link
 * #field()} and {@link #problem()}) line endings and control characters are written as escapes, so
 * that printing it cannot break a log line or drive a terminal.
 */
public final class RunFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The longest field path kept. */
  public static final int MAX_FIELD = 200;

  /** The longest problem text kept. */
  public static final int MAX_PROBLEM = 500;

  private final transient Path file;
  private final String field;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the run file
   * @param field the offending field's dotted path, or a position for malformed JSON
   * @param problem what is wrong with it
   */
  public RunFileException(Path file, String field, String problem) {
    this(file, field, problem, null);
  }

  RunFileException(Path file, String field, String problem, Throwable cause) {
    super(
        MarkdownText.visible(String.valueOf(Objects.requireNonNull(file, "file")))
            + ": "
            + MarkdownText.visible(shorten(Objects.requireNonNull(field, "field"), MAX_FIELD))
            + ": "
            + MarkdownText.visible(
                shorten(Objects.requireNonNull(problem, "problem"), MAX_PROBLEM)),
        cause);
    this.file = file;
    this.field = shorten(field, MAX_FIELD);
    this.problem = shorten(problem, MAX_PROBLEM);
  }

  /** {@code s} cut to at most {@code max} characters, ending in "…" when cut; pairs kept whole. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  /** The run file. */
  public Path file() {
    return file;
  }

  /** The offending field's dotted path, or a position such as {@code line 3, column 7}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the file and field. */
  public String problem() {
    return problem;
  }
}
