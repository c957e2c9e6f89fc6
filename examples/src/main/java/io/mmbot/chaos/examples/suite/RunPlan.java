package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.Locale;

/**
 * One run to make: a scenario (or the chaos-free baseline) with one seed, intensity, duration, bot
 * and exchange.
 *
 * @param scenario the scenario, or null for the baseline run (chaos off)
 * @param seed the seed of the run (exchange, bot and injector)
 * @param intensity the scenario's intensity in its own unit (0 for the baseline)
 * @param durationSec virtual seconds (simulation) or seconds (loopback)
 * @param bot {@code resilient} or {@code naive}
 * @param exchange {@code sim} or {@code loopback}
 */
public record RunPlan(
    Scenario scenario, long seed, double intensity, long durationSec, String bot, String exchange) {

  /** Whether this is the baseline run. */
  public boolean baseline() {
    return scenario == null;
  }

  /** The scenario key, or {@code baseline}. */
  public String key() {
    return scenario == null ? "baseline" : scenario.key();
  }

  /** The baseline run that goes with this one (same seed, duration, bot and exchange). */
  public RunPlan baselinePlan() {
    return new RunPlan(null, seed, 0, durationSec, bot, exchange);
  }

  /** The command line that replays this run. */
  public String replayCommand(boolean defaultDuration) {
    StringBuilder b = new StringBuilder("java -jar examples/target/mm-chaos-suite.jar");
    b.append(" --scenario ").append(scenario == null ? "net_loss" : scenario.key());
    b.append(" --seed ").append(seed);
    if (scenario != null) {
      b.append(" --intensity ").append(number(intensity));
    }
    if (!defaultDuration) {
      b.append(" --duration-sec ").append(durationSec);
    }
    b.append(" --bot ").append(bot);
    if (!exchange.equals("sim")) {
      b.append(" --exchange ").append(exchange);
    }
    return b.toString();
  }

  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%s", d);
  }
}
