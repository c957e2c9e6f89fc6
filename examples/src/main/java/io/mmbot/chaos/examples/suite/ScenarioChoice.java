package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scenarios of {@code --scenario}: the seed's scenarios and the stress scenarios, chosen by key
 * in one comma list ({@code all}: the seed's ten; {@code stress}: every stress scenario), each kind
 * in its declaration order, duplicates dropped.
 *
 * @param scenarios the seed's scenarios chosen
 * @param stresses the stress scenarios chosen
 */
record ScenarioChoice(List<Scenario> scenarios, List<StressScenario> stresses) {

  /** Copies the lists. */
  ScenarioChoice {
    scenarios = List.copyOf(scenarios);
    stresses = List.copyOf(stresses);
  }

  /** The scenarios of the comma list {@code v}; an unknown key names every valid one. */
  static ScenarioChoice parse(String v) throws SuiteArgs.BadInput {
    Set<Scenario> seedKeys = EnumSet.noneOf(Scenario.class);
    Set<StressScenario> stressKeys = EnumSet.noneOf(StressScenario.class);
    for (String token : v.split(",", -1)) {
      String k = token.strip().toLowerCase(Locale.ROOT);
      StressScenario st = StressScenario.fromKey(k);
      if (k.equals("all")) {
        seedKeys.addAll(List.of(Scenario.values()));
      } else if (k.equals("stress")) {
        stressKeys.addAll(List.of(StressScenario.values()));
      } else if (st != null) {
        stressKeys.add(st);
      } else {
        try {
          seedKeys.add(Scenario.fromKey(k));
        } catch (IllegalArgumentException e) {
          throw new SuiteArgs.BadInput(
              "--scenario: unknown scenario '" + token.strip() + "'; valid: " + validNames());
        }
      }
    }
    return new ScenarioChoice(List.copyOf(seedKeys), List.copyOf(stressKeys));
  }

  /** Every name {@code --scenario} takes, for its error message. */
  static String validNames() {
    List<String> names = new ArrayList<>(List.of("all", "stress"));
    for (Scenario s : Scenario.values()) {
      names.add(s.key());
    }
    for (StressScenario s : StressScenario.values()) {
      names.add(s.key());
    }
    return String.join(", ", names);
  }

  /**
   * Stress scenarios run on the simulated exchange only (their load, refusals and failovers are
   * rules of the simulated exchange) and at their own intensities; so with {@code --bot-cmd}, the
   * loopback exchange or {@code --intensity} they are bad input, never half-run.
   */
  static void checkStress(
      List<StressScenario> stresses, boolean botCmd, String exchange, Double intensity)
      throws SuiteArgs.BadInput {
    if (stresses.isEmpty()) {
      return;
    }
    String names = String.join(", ", stresses.stream().map(StressScenario::key).toList());
    if (botCmd) {
      throw new SuiteArgs.BadInput(
          "--scenario "
              + names
              + ": stress scenarios cannot run with --bot-cmd (they need the simulated exchange's"
              + " own rules: another client's load, refused orders, the failover of both"
              + " endpoints); run them on the suite's bots, or choose the seed's scenarios");
    }
    if (exchange.equals("loopback")) {
      throw new SuiteArgs.BadInput(
          "--scenario "
              + names
              + ": stress scenarios run on the simulated exchange only (--exchange sim)");
    }
    if (intensity != null) {
      throw new SuiteArgs.BadInput(
          "--intensity does not apply to stress scenarios ("
              + names
              + "): each runs at its own intensity (docs/suite.md)");
    }
  }
}
