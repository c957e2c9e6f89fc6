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
 * @param stress the stress scenario this run is (its {@code scenario} and {@code intensity} are the
 *     stress scenario's), or null for a run of the seed's ten or the baseline
 */
public record RunPlan(
    Scenario scenario,
    long seed,
    double intensity,
    long durationSec,
    String bot,
    String exchange,
    StressScenario stress) {

  /** A stress run drives its own library scenario. */
  public RunPlan {
    if (stress != null && scenario != stress.scenario()) {
      throw new IllegalArgumentException(
          stress.key() + " drives " + stress.scenario().key() + ", not " + scenario);
    }
  }

  /** A run of one of the seed's ten scenarios (or the baseline when {@code scenario} is null). */
  public RunPlan(
      Scenario scenario,
      long seed,
      double intensity,
      long durationSec,
      String bot,
      String exchange) {
    this(scenario, seed, intensity, durationSec, bot, exchange, null);
  }

  /** Whether this is the baseline run. */
  public boolean baseline() {
    return scenario == null;
  }

  /**
   * The run's name: the stress scenario's key for a stress run, else the scenario key, or {@code
   * baseline}.
   */
  public String key() {
    return stress != null ? stress.key() : scenarioKey();
  }

  /** The library scenario's key (for a stress run: the scenario it drives), or {@code baseline}. */
  public String scenarioKey() {
    return scenario == null ? "baseline" : scenario.key();
  }

  /** This run on {@code otherExchange}. */
  public RunPlan onExchange(String otherExchange) {
    return new RunPlan(scenario, seed, intensity, durationSec, bot, otherExchange, stress);
  }

  /** The baseline run that goes with this one (same seed, duration, bot and exchange). */
  public RunPlan baselinePlan() {
    return new RunPlan(null, seed, 0, durationSec, bot, exchange);
  }

  /** The command line that replays this run. */
  public String replayCommand(boolean defaultDuration) {
    StringBuilder b = new StringBuilder("java -jar examples/target/mm-chaos-suite.jar");
    b.append(" --scenario ")
        .append(stress != null ? stress.key() : scenario == null ? "net_loss" : scenario.key());
    b.append(" --seed ").append(seed);
    if (scenario != null && stress == null) { // a stress scenario's intensity is its own
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
