package io.mmbot.chaos.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run file that cannot be read: malformed JSON, a missing or invalid field, an unknown scenario.
 * The message names the file, the field (a dotted path such as {@code metrics.p95_tick_ms}, or the
 * position for malformed JSON) and what is wrong.
 */
public final class RunFileException extends Exception {

  private static final long serialVersionUID = 1L;

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
    super(file + ": " + field + ": " + problem, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
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
