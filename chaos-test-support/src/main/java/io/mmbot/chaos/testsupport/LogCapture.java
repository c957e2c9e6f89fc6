package io.mmbot.chaos.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what one class logs through {@code System.Logger}, whose default backend is
 * java.util.logging, from construction until {@link #close()}. Records of every level are kept,
 * whatever the logger's own level.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new ArrayList<>();
  private final Logger logger;

  /** Starts capturing the logger named after {@code source} (as {@code System.getLogger} does). */
  public LogCapture(Class<?> source) {
    this.logger = Logger.getLogger(source.getName());
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord r) {
    records.add(r);
  }

  /** The records so far, oldest first. */
  public synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records so far at exactly {@code level}. */
  public synchronized List<LogRecord> at(Level level) {
    List<LogRecord> out = new ArrayList<>();
    for (LogRecord r : records) {
      if (r.getLevel().equals(level)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The raw messages (format strings) so far, oldest first. */
  public synchronized List<String> messages() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      out.add(r.getMessage());
    }
    return out;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
