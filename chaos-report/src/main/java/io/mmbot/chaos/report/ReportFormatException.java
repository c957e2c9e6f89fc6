package io.mmbot.chaos.report;

/**
 * A {@code report.md} that does not have the layout {@link MarkdownReport} writes, or a file that
 * cannot be read as one (not a regular file, too large, not UTF-8, too slow to read).
 */
public final class ReportFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the report's name (a path) for the message
   * @param line the 1-based line number, or 0 when the problem is not tied to a line
   * @param problem what is wrong
   */
  public ReportFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The report's name. */
  public String source() {
    return source;
  }

  /** The 1-based line number, or 0. */
  public int line() {
    return line;
  }
}
