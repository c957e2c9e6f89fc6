package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import org.junit.jupiter.api.Test;

class ResyncProbeTest {
  @Test
  void probe() {
    SuiteMutationTest.Cell[] cells = {
      SuiteMutationTest.Cell.stress(StressScenario.WS_FLAP),
      SuiteMutationTest.Cell.stress(StressScenario.WS_STORM),
      SuiteMutationTest.Cell.seed(Scenario.NET_LOSS, 120),
      SuiteMutationTest.Cell.seed(Scenario.WS_DISCONNECT, 43_200),
    };
    String only = System.getProperty("probe.cell", "");
    for (SuiteMutationTest.Cell c : cells) {
      if (!only.isEmpty() && !c.key().equals(only)) continue;
      for (long seed = 1; seed <= Long.getLong("probe.seeds", 3); seed++) {
        RunResult m = c.run(seed, BotConfig.defaults().without(ResilienceFeature.SNAPSHOT_RESYNC));
        RunResult u = c.run(seed, BotConfig.defaults());
        System.out.println(
            "PROBE "
                + c.key()
                + " seed "
                + seed
                + " mutant "
                + m.failures().keySet()
                + " unmutated "
                + u.failures());
      }
    }
  }
}
