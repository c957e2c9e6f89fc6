package io.mmbot.chaos;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run model of the wave scenarios (EXCH_429 waves, RATE_LIMIT_STORM storms): a call inside a
 * run belongs to it; a call outside one starts a run with the scenario's start chance (see {@link
 * InjectorState#waveStartProbability}), and the run then lasts the configured number of consecutive
 * calls. The remaining length of each run lives in the snapshot, so runs end with the burst window.
 * Stateless; safe for concurrent use.
 */
final class RunGate {

  private RunGate() {}

  /** Whether this call is part of a run of {@code scenario}: continuing one, or starting one. */
  static boolean inRun(InjectorState s, Scenario scenario) {
    AtomicInteger remaining = remaining(s, scenario);
    if (takeOne(remaining)) {
      return true;
    }
    int i = scenario.ordinal();
    if (s.draws.next(i) >= s.thresholds[i]) {
      return false;
    }
    remaining.set(s.config.runCalls(scenario) - 1);
    return true;
  }

  /** The remaining calls of the current run of a wave scenario in {@code s}. */
  static AtomicInteger remaining(InjectorState s, Scenario scenario) {
    return scenario == Scenario.EXCH_429 ? s.waveRemaining : s.stormRemaining;
  }

  /** Takes one call from a run that has calls left; false when the run is over. */
  static boolean takeOne(AtomicInteger remaining) {
    for (int r = remaining.get(); r > 0; r = remaining.get()) {
      if (remaining.compareAndSet(r, r - 1)) {
        return true;
      }
    }
    return false;
  }
}
