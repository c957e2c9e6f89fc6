package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * With parallel execution enabled, a test that does not hold the GlobalChaos lock does not get
 * GlobalChaos; it is told so (a report entry and a log warning) instead of losing it silently.
 */
class ParallelWarningTest {

  static final Map<String, String> PARALLEL_ALONE =
      Map.of("junit.jupiter.execution.parallel.enabled", "true");

  @ExtendWith(ChaosExtension.class)
  static class UnlockedTest {
    @Test
    void one(ChaosInjector chaos) {}

    @Test
    void two(ChaosInjector chaos) {}
  }

  @ExtendWith(ChaosExtension.class)
  @ResourceLock(ChaosExtension.GLOBAL_CHAOS)
  static class LockedTest {
    @Test
    void one(ChaosInjector chaos) {}
  }

  /** Captures the extension's log records. */
  static final class Captured extends Handler implements AutoCloseable {
    final List<LogRecord> records = new ArrayList<>();
    final Logger logger = Logger.getLogger(ChaosExtension.class.getName());

    Captured() {
      setLevel(Level.ALL);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }

    synchronized List<String> warnings() {
      List<String> out = new ArrayList<>();
      for (LogRecord r : records) {
        if (r.getLevel() == Level.WARNING) {
          out.add(r.getMessage());
        }
      }
      return out;
    }
  }

  @Test
  void anUnlockedTestUnderParallelExecutionIsWarnedThatItDoesNotGetGlobalChaos() {
    try (Captured log = new Captured()) {
      EngineExecutionResults r = Kit.run(PARALLEL_ALONE, UnlockedTest.class);
      r.testEvents().assertStatistics(s -> s.succeeded(2));
      List<String> entries = Kit.reportEntries(r, ChaosExtension.WARNING_REPORT_KEY);
      assertThat(entries).hasSize(2);
      assertThat(entries.get(0))
          .contains("GlobalChaos")
          .contains("junit.jupiter.execution.parallel.enabled")
          .contains("@ResourceLock(ChaosExtension.GLOBAL_CHAOS)");
      assertThat(log.warnings())
          .as("logged once per run, not per test")
          .hasSize(1)
          .allSatisfy(m -> assertThat(m).contains("GlobalChaos").contains("@ChaosTest"));
    }
  }

  @Test
  void aLockedTestOrSerialExecutionIsNotWarned() {
    try (Captured log = new Captured()) {
      EngineExecutionResults locked = Kit.run(PARALLEL_ALONE, LockedTest.class);
      assertThat(Kit.reportEntries(locked, ChaosExtension.WARNING_REPORT_KEY)).isEmpty();
      EngineExecutionResults serial = Kit.run(UnlockedTest.class);
      assertThat(Kit.reportEntries(serial, ChaosExtension.WARNING_REPORT_KEY)).isEmpty();
      assertThat(log.warnings()).isEmpty();
    }
  }
}
