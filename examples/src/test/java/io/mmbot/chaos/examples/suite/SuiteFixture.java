package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs shared by the suite's test classes, computed once per JVM: the baselines of every seed and
 * the runs of each scenario, per bot. The seeds are {@code 1..20} unless the system property {@code
 * suite.seeds} says otherwise ({@code -Dsuite.seeds=1..1000}).
 */
final class SuiteFixture {

  static final List<Long> SEEDS = seeds(System.getProperty("suite.seeds", "1..20"));

  private static final Map<String, Map<Long, RunResult>> BASELINES = new HashMap<>();
  private static final Map<String, List<RunResult>> RUNS = new HashMap<>();

  private SuiteFixture() {}

  static Suite.Options options(String bot) {
    return new Suite.Options(
        List.of(Scenario.values()),
        SEEDS,
        null,
        null,
        bot,
        "sim",
        Runtime.getRuntime().availableProcessors());
  }

  static synchronized Map<Long, RunResult> baselines(String bot) {
    return BASELINES.computeIfAbsent(bot, b -> Suite.bySeed(Suite.baselines(options(b))));
  }

  static synchronized List<RunResult> runs(Scenario s, String bot) {
    return RUNS.computeIfAbsent(
        s.key() + "/" + bot, k -> Suite.scenario(options(bot), s, baselines(bot)));
  }

  /** Prints one line per failed run (with its replay command) and returns them. */
  static List<String> failures(List<RunResult> runs) {
    List<String> out = new ArrayList<>();
    for (RunResult r : runs) {
      if (!r.passed()) {
        String line = r.describeFailures(true);
        System.out.println(line);
        out.add(line);
      }
    }
    return out;
  }

  private static List<Long> seeds(String spec) {
    int dots = spec.indexOf("..");
    long a = Long.parseLong(dots < 0 ? spec : spec.substring(0, dots));
    long b = dots < 0 ? a : Long.parseLong(spec.substring(dots + 2));
    List<Long> s = new ArrayList<>();
    for (long i = a; i <= b; i++) {
      s.add(i);
    }
    return s;
  }
}
