package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;

/**
 * A run's injections: the injector's (or, replaying, the schedule's), with the refusals of a stress
 * scenario's rules and the bot's restarts counted as its own scenario's.
 */
record InjectionCounts(
    RunPlan plan,
    ChaosInjector injector,
    InjectionSchedule schedule,
    SimExchange exchange,
    long[] otherClient,
    long[] restarts) {

  private boolean replay() {
    return schedule != null && schedule.replay();
  }

  /** The run's own scenario's injections so far (0 for the baseline). */
  long ownScenario() {
    Scenario own = plan.scenario();
    if (own == null) {
      return 0;
    }
    return (replay() ? schedule.applied(own) : injector.injections(own))
        + otherClient[0]
        + exchange.rules().filterRejections()
        + restarts[0];
  }

  /** Injections per scenario, in {@link Scenario} order. */
  long[] perScenario() {
    long[] injections = new long[Scenario.values().length];
    for (Scenario s : Scenario.values()) {
      injections[s.ordinal()] = replay() ? schedule.applied(s) : injector.injections(s);
    }
    if (plan.scenario() != null) {
      injections[plan.scenario().ordinal()] +=
          otherClient[0] + exchange.rules().filterRejections() + restarts[0];
    }
    return injections;
  }
}
