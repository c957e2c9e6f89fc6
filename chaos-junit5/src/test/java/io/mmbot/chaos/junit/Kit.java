package io.mmbot.chaos.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test classes on the Jupiter engine inside a test and reads what happened. */
final class Kit {

  private Kit() {}

  static EngineExecutionResults run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
    EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter");
    b.selectors(
        Arrays.stream(classes)
            .map(c -> selectClass(c))
            .toArray(s -> new org.junit.platform.engine.DiscoverySelector[s]));
    parameters.forEach(b::configurationParameter);
    return b.execute();
  }

  /** Parameters that run test classes concurrently (methods of one class on one thread). */
  static Map<String, String> parallelClasses(int threads) {
    return Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "same_thread",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
  }

  /** The throwables of the failed tests, in the order they finished. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  /** The single failure of a run with exactly one failed test. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> f = failures(results);
    if (f.size() != 1) {
      throw new AssertionError("expected one failed test, got " + f.size() + ": " + f);
    }
    return f.get(0);
  }

  /** Values of the report entries published under {@code key}, in order. */
  static List<String> reportEntries(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(Event::getPayload)
        .map(p -> p.map(ReportEntry.class::cast).orElseThrow())
        .map(r -> r.getKeyValuePairs().get(key))
        .filter(v -> v != null)
        .collect(Collectors.toList());
  }
}
