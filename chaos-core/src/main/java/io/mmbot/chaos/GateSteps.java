package io.mmbot.chaos;

/**
 * The steps every gate of a {@link ChaosInjector} takes: read the snapshot and the clock, move to
 * the current burst window, draw, count, tell listeners. The injector declares the gates and calls
 * these with itself; they read its fields directly, so that a gate costs what it did when the steps
 * were the injector's own private methods (one volatile load of the snapshot, no allocation).
 *
 * <p>Stateless; safe for concurrent use as the injector is.
 */
final class GateSteps {

  private static final Scenario[] SCENARIOS = InjectorCore.SCENARIOS;
  private static final int WS_DISCONNECT = Scenario.WS_DISCONNECT.ordinal();

  private GateSteps() {}

  /** A probability gate: {@link #firedIn}'s steps answering a boolean, which is faster. */
  static boolean simple(ChaosInjector inj, int i) {
    InjectorState s = inj.state;
    if (!s.live) {
      return false;
    }
    long now;
    try {
      now = inj.clock.getAsLong();
    } catch (Throwable t) {
      return inj.failures.clockFailed(t);
    }
    if (!s.contains(now)) {
      s = inj.core.refresh(now);
    }
    if (!s.active) {
      return false;
    }
    return decide(inj, s, i, s.draws.next(i), s.thresholds[i], now);
  }

  /** A probability or magnitude gate (traffic share in its threshold): its snapshot, or null. */
  static InjectorState firedIn(ChaosInjector inj, int i) {
    InjectorState s = inj.state;
    if (!s.live) {
      return null;
    }
    long now;
    try {
      now = inj.clock.getAsLong();
    } catch (Throwable t) {
      inj.failures.clockFailed(t);
      return null;
    }
    if (!s.contains(now)) {
      s = inj.core.refresh(now);
    }
    if (!s.active) {
      return null;
    }
    return decide(inj, s, i, s.draws.next(i), s.thresholds[i], now) ? s : null;
  }

  /** A wave gate (EXCH_429, RATE_LIMIT_STORM): inside a run, or starting one. */
  static boolean run(ChaosInjector inj, Scenario scenario) {
    InjectorState s = inj.state;
    if (!s.live) {
      return false;
    }
    long now;
    try {
      now = inj.clock.getAsLong();
    } catch (Throwable t) {
      return inj.failures.clockFailed(t);
    }
    s = inj.core.current(s, now);
    int i = scenario.ordinal();
    if (!s.active || s.thresholds[i] == 0 || !BlastRadius.inTraffic(s)) {
      return false;
    }
    return RunGate.inRun(s, scenario) && fire(inj, s, i, now);
  }

  /** WS_DISCONNECT over the time since the last check, or over {@code elapsedNanos}. */
  static boolean disconnect(ChaosInjector inj, boolean sinceLastCheck, long elapsedNanos) {
    InjectorState s = inj.state;
    if (!s.live) {
      return false;
    }
    long now;
    try {
      now = inj.clock.getAsLong();
    } catch (Throwable t) {
      return inj.failures.clockFailed(t);
    }
    long previous = sinceLastCheck ? inj.disconnects.swapLastCheck(now) : 0;
    s = inj.core.current(s, now);
    if (!s.active || s.thresholds[WS_DISCONNECT] == 0) {
      return false;
    }
    long dt =
        sinceLastCheck
            ? PoissonGate.covered(s, previous, now)
            : Math.min(elapsedNanos, now - s.windowStart);
    if (dt <= 0 || !BlastRadius.inTraffic(s) || !PoissonGate.draw(s, dt)) {
      return false;
    }
    return fire(inj, s, WS_DISCONNECT, now);
  }

  /** See {@link ChaosInjector#httpFaultOrNull()}. */
  static Scenario httpFaultOrNull(ChaosInjector inj) {
    InjectorState s = inj.state;
    if (!s.live) {
      return null;
    }
    long now = inj.clock.getAsLong();
    s = inj.core.current(s, now);
    if (!s.active || !BlastRadius.inTraffic(s)) {
      return null;
    }
    int i = inj.httpFaults.choose(s);
    return i >= 0 && fire(inj, s, i, now) ? SCENARIOS[i] : null;
  }

  /**
   * Settles gate {@code i}: it fires when {@code draw < threshold} (both in {@code [0, 2^63)}, so
   * the sign bit of the difference is the outcome), counts the outcome, tells listeners and returns
   * whether the hook must inject.
   *
   * <p>Design note: the common path (not dry-run, no listener, counting on the owning thread) has
   * no branch on the random outcome, so a 30 % gate does not pay a mispredicted branch on every
   * third call; see {@link InjectionCounter}.
   */
  private static boolean decide(
      ChaosInjector inj, InjectorState s, int i, long draw, long threshold, long now) {
    long hit = (draw - threshold) >>> 63;
    if (s.dryRun) {
      if (hit != 0) {
        inj.wouldBe[i].add(1);
        inj.listeners.injection(SCENARIOS[i], true, now, inj.wouldBe[i]);
      }
      return false;
    }
    // Re-check the kill switch so that a disable() that completed while this call was drawing
    // wins; the counter then stays exact.
    hit &= inj.state.live ? 1 : 0;
    inj.injected[i].add(hit);
    if (inj.listeners.any() && hit != 0) {
      inj.listeners.injection(SCENARIOS[i], false, now, null);
    }
    return hit != 0;
  }

  /** Settles gate {@code i} as fired (its draw already succeeded). */
  private static boolean fire(ChaosInjector inj, InjectorState s, int i, long now) {
    return decide(inj, s, i, 0, 1, now);
  }
}
