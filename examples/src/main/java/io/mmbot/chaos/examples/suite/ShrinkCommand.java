package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code --shrink}: runs one scenario with one seed on the simulated exchange and, if it fails,
 * narrows its recorded injections to a smallest subset that still fails ({@link Shrinker}), printed
 * as a short timeline with the failing check. Writes no files. A stress scenario shrinks under its
 * own name, unless its stress is a rule of the exchange rather than injected faults.
 */
final class ShrinkCommand {

  /** Replays allowed per shrink (each a whole run; a 120 s run takes about a millisecond). */
  static final int MAX_REPLAYS = 2_000;

  /** Scenarios whose faults the bot applies itself through the library's hooks. */
  static final Set<Scenario> APPLIED_IN_THE_BOT =
      Set.of(Scenario.DNS_FLAP, Scenario.CLOCK_SKEW, Scenario.RECONCILE_MISMATCH);

  private ShrinkCommand() {}

  static int run(Suite.Options o, PrintStream out, PrintStream err) {
    int kinds = o.scenarios().size() + o.stresses().size();
    if (kinds != 1 || o.seeds().size() != 1 || o.loopback()) {
      err.println(
          "mm-chaos-suite: --shrink needs one --scenario, one --seed and the simulated exchange");
      return SuiteMain.BAD_INPUT;
    }
    long seed = o.seeds().get(0);
    RunPlan p;
    if (o.stresses().isEmpty()) {
      Scenario s = o.scenarios().get(0);
      p = new RunPlan(s, seed, o.intensityOf(s), o.durationOf(s), o.bot(), o.exchange());
    } else {
      p = o.planOf(o.stresses().get(0), seed);
    }
    if (APPLIED_IN_THE_BOT.contains(p.scenario())) {
      err.println(
          "mm-chaos-suite: --shrink narrows the faults the simulated network applies (REST and"
              + " WebSocket); "
              + p.key()
              + " is applied inside the bot through the library's hooks");
      return SuiteMain.BAD_INPUT;
    }
    StressScenario st = p.stress();
    if (st != null && (st.weightOfAnotherClientPerSec() > 0 || st.refuseNewOrders())) {
      err.println(
          "mm-chaos-suite: --shrink narrows the faults the simulated network applies; "
              + st.key()
              + " injects none (its stress is a rule of the exchange: "
              + (st.refuseNewOrders() ? "refused orders" : "another client's load")
              + "), so there is nothing to narrow: replay it without --shrink");
      return SuiteMain.BAD_INPUT;
    }
    if (st != null && st.restartsTheBot()) {
      err.println(
          "mm-chaos-suite: --shrink narrows the faults the simulated network applies; "
              + st.key()
              + " injects none (its stress is the bot's own restarts, drawn from the seed), so"
              + " there is nothing to narrow: replay it without --shrink");
      return SuiteMain.BAD_INPUT;
    }
    RunResult b = Suite.runOne(p.baselinePlan(), null);
    Shrinker.Result r = Shrinker.shrink(p, b, BotConfig.defaults(), p.stress(), MAX_REPLAYS);
    out.print(Shrinker.describe(r, p.replayCommand(o.durationSec() == null)));
    return r.recorded().passed() ? SuiteMain.OK : SuiteMain.FAILED;
  }
}
