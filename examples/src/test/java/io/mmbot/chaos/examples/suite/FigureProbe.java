package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;

/** Development probe: figures of one stress scenario. */
final class FigureProbe {
  private FigureProbe() {}

  public static void main(String[] a) {
    StressScenario st = StressScenario.valueOf(a[0]);
    BotConfig cfg = BotConfig.defaults();
    if (a.length > 2) {
      cfg = cfg.without(ResilienceFeature.valueOf(a[2]));
    }
    for (long seed = 1; seed <= Integer.parseInt(a[1]); seed++) {
      RunPlan bp = new RunPlan(null, seed, 0, 120, "resilient", "sim");
      RunResult base = SimRun.run(bp, null, cfg, null, 0);
      RunResult r = SimRun.run(st.plan(seed, "resilient"), base, cfg, st);
      System.out.printf(
          "seed %d failing/10s %d retried %d wsAttempts? cancels %d recov %d reconnectMs %.0f inj %d fails %s%n",
          seed,
          r.storms().maxRetriesPerSecond(),
          r.orders().placesWhileFailing(),
          r.storms().maxCancelsPerSecond(),
          r.recovery().worstTicks(),
          r.connection().reconnectMs(),
          r.ownInjections(),
          r.failures().keySet());
    }
  }
}
