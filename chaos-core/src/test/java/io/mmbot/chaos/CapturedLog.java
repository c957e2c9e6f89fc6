package io.mmbot.chaos;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the injector logs through {@link System.Logger} (which the JDK routes to {@code
 * java.util.logging} when no other backend is installed), or makes every log call throw. Close it
 * to restore the logger.
 */
final class CapturedLog implements AutoCloseable {

  // A strong reference: java.util.logging keeps loggers weakly, and with them their handlers.
  private final Logger logger;
  private final boolean parentHandlers;
  private final Level level;
  private final Handler handler;
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog(boolean throwing) {
    logger = Logger.getLogger(ChaosInjector.class.getName());
    parentHandlers = logger.getUseParentHandlers();
    level = logger.getLevel();
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
            if (throwing) {
              throw new IllegalStateException("logging backend is broken");
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Records every line the injector logs. */
  static CapturedLog capture() {
    return new CapturedLog(false);
  }

  /** Records every line, then throws from the logging call, as a broken backend would. */
  static CapturedLog throwing() {
    return new CapturedLog(true);
  }

  /** Lines at WARNING or above whose message contains {@code text}. */
  long warningsContaining(String text) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .filter(r -> String.valueOf(r.getMessage()).contains(text))
        .count();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(parentHandlers);
    logger.setLevel(level);
  }
}
