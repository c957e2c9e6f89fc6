package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import org.junit.jupiter.api.Test;

class ScratchRestartTest {
  @Test
  void runs() {
    String only = System.getProperty("scratch.bots", "resilient,naive,mutant");
    for (String bot : only.split(",")) {
      for (long seed = 1; seed <= 20; seed++) {
        RunPlan p = StressScenario.BOT_RESTART.plan(seed, bot.equals("mutant") ? "resilient" : bot);
        RunResult base = SimRun.run(p.baselinePlan(), null);
        BotConfig cfg =
            bot.equals("mutant")
                ? BotConfig.defaults().without(ResilienceFeature.ADOPT_UNTRACKED)
                : BotConfig.defaults();
        RunResult r = SimRun.run(p, base, cfg, StressScenario.BOT_RESTART);
        System.out.println(
            bot
                + " "
                + seed
                + " restarts="
                + BotRestarts.draw(seed, 10_000_000_000L, 30_000_000_000L)
                + " p95="
                + r.latency().p95BurstMs()
                + "/"
                + r.baseline().p95Ms()
                + " "
                + r.failures().keySet());
      }
    }
  }
}
