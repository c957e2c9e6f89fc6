package io.mmbot.chaos.config;

/**
 * A {@code config.yaml} whose {@code chaos:} block cannot be used. The message names the key path
 * (for example {@code chaos.net_loss}), the line and column, the bad value and the allowed range or
 * type, as in {@code chaos.net_loss at 4:13: 1.5 is out of range, must be a probability in [0, 1]}.
 *
 * <p>This is the only exception the loader throws for bad input: no parser type, {@code
 * ClassCastException} or {@code NullPointerException} escapes. Immutable and thread-safe.
 */
public final class ChaosConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Key path used for problems of the document as a whole (empty file, bad bytes, syntax). */
  public static final String DOCUMENT = "(document)";

  private final String keyPath;
  private final int line;
  private final int column;
  private final String detail;

  ChaosConfigException(String keyPath, int line, int column, String detail) {
    super(format(keyPath, line, column, detail));
    this.keyPath = keyPath;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  ChaosConfigException(String keyPath, int line, int column, String detail, Throwable cause) {
    this(keyPath, line, column, detail);
    // Only our own types or JDK I/O exceptions are kept as causes, so no parser type leaks.
    initCause(cause);
  }

  /** The key path of the problem, such as {@code chaos.net_loss}, or {@link #DOCUMENT}. */
  public String keyPath() {
    return keyPath;
  }

  /** The 1-based line of the problem, or 0 when it has no position (a missing file). */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or 0 when it has no position. */
  public int column() {
    return column;
  }

  /** The message without the key path and position: what is wrong and what is allowed. */
  public String detail() {
    return detail;
  }

  private static String format(String keyPath, int line, int column, String detail) {
    return line > 0
        ? keyPath + " at " + line + ":" + column + ": " + detail
        : keyPath + ": " + detail;
  }
}
