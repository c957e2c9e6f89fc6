package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import java.util.Map;
import java.util.TreeMap;

/** Development probe: every single-feature mutant over a battery of runs. */
final class MatrixProbe {
  private MatrixProbe() {}

  record Cell(String name, Scenario s, double intensity, long dur, StressScenario st) {}

  static final java.util.List<Cell> BATTERY = battery();

  static java.util.List<Cell> battery() {
    java.util.List<Cell> l = new java.util.ArrayList<>();
    for (ScenarioSpec sp : ScenarioSpec.values()) {
      long d = Math.min(360, sp.durationSec());
      l.add(
          new Cell(
              sp.scenario().key(),
              sp.scenario(),
              SuiteConfig.defaultIntensity(sp.scenario()),
              d,
              null));
    }
    for (StressScenario st : StressScenario.values()) {
      l.add(new Cell(st.key(), st.scenario(), st.intensity(), st.durationSec(), st));
    }
    return l;
  }

  public static void main(String[] a) {
    int seeds = Integer.parseInt(a[0]);
    String only = a.length > 1 ? a[1] : null;
    java.util.List<ResilienceFeature> list = new java.util.ArrayList<>();
    list.add(null);
    list.addAll(java.util.List.of(ResilienceFeature.values()));
    for (ResilienceFeature f : list) {
      String name = f == null ? "NONE" : f.name();
      if (only != null && !java.util.List.of(only.split(",")).contains(name)) {
        continue;
      }
      BotConfig cfg = f == null ? BotConfig.defaults() : BotConfig.defaults().without(f);
      StringBuilder line = new StringBuilder(name).append(':');
      for (Cell c : BATTERY) {
        Map<String, Integer> counts = new TreeMap<>();
        for (long seed = 1; seed <= seeds; seed++) {
          RunPlan p = new RunPlan(c.s(), seed, c.intensity(), c.dur(), "resilient", "sim");
          RunPlan bp = new RunPlan(null, seed, 0, 120, "resilient", "sim");
          RunResult base = SimRun.run(bp, null, cfg, null, 0);
          RunResult r = SimRun.run(p, base, cfg, c.st());
          r.failures().keySet().forEach(k -> counts.merge(k.name(), 1, Integer::sum));
          base.failures().keySet().forEach(k -> counts.merge("B:" + k.name(), 1, Integer::sum));
        }
        if (!counts.isEmpty()) {
          line.append(' ').append(c.name()).append(counts);
        }
      }
      System.out.println(line);
    }
  }
}
