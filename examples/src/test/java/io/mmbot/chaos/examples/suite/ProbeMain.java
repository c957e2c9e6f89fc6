package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import java.util.Map;
import java.util.TreeMap;

/** Development probe: runs one scenario over seeds and prints the failed checks. */
final class ProbeMain {
  private ProbeMain() {}

  public static void main(String[] a) {
    String bot = a[0];
    Scenario s = Scenario.fromKey(a[1]);
    double intensity =
        a[2].equals("-") ? SuiteConfig.defaultIntensity(s) : Double.parseDouble(a[2]);
    int from = Integer.parseInt(a[3]);
    int to = Integer.parseInt(a[4]);
    long dur = a[5].equals("-") ? ScenarioSpec.of(s).durationSec() : Long.parseLong(a[5]);
    BotConfig cfg = BotConfig.defaults();
    for (int i = 6; i < a.length; i++) {
      cfg = cfg.without(ResilienceFeature.valueOf(a[i]));
    }
    Map<String, Integer> counts = new TreeMap<>();
    int failed = 0;
    for (long seed = from; seed <= to; seed++) {
      RunPlan p = new RunPlan(s, seed, intensity, dur, bot, "sim");
      RunResult base = SimRun.run(p.baselinePlan(), null, cfg, null, 0);
      RunResult r = SimRun.run(p, base, cfg, null, 0);
      if (!base.passed()) {
        System.out.println("BASELINE " + base.describeFailures(true));
      }
      if (!r.passed()) {
        failed++;
        System.out.println(r.describeFailures(true));
        r.failures().keySet().forEach(c -> counts.merge(c.name(), 1, Integer::sum));
      }
    }
    System.out.println("failed " + failed + "/" + (to - from + 1) + " " + counts);
  }
}
