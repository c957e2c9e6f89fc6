package io.mmbot.chaos;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.ChaosListener.StateChange;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * How the state of one {@link ChaosInjector} moves (enable, update, disable, the next burst window,
 * expiry), the injection counters, the listeners and the enable vetoes. The injector holds it and
 * declares the public API; the gates' steps (drawing, counting, dry-run, telling listeners) are
 * {@link GateSteps}, the fault shapes {@link FaultShapes}.
 *
 * <p>Design note: the snapshot itself is the injector's {@code state} field, so that a gate costs
 * one volatile load; every change is a compare-and-set of the whole snapshot on that field.
 */
final class InjectorCore {

  private static final VarHandle STATE;

  static {
    try {
      STATE =
          MethodHandles.lookup().findVarHandle(ChaosInjector.class, "state", InjectorState.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final Scenario[] SCENARIOS = Scenario.values();

  /**
   * The injector whose {@code state} field holds the snapshot in force, replaced as a whole through
   * {@code STATE}: the field lives in the injector so that a gate reads it with one load.
   */
  private final ChaosInjector owner;

  final LongSupplier clock;
  final FailureContainment failures;
  final Listeners listeners;
  private final String explicitInstanceId;
  private final SeedPolicy seeds;
  private final String refusesToEnable;

  /** Injections made per scenario; the injector's gates add to them. */
  final InjectionCounter[] injected = counters();

  /** Would-be injections per scenario in dry-run; the injector's gates add to them. */
  final InjectionCounter[] wouldBe = counters();

  private volatile String lastDisableReason = "";
  private final List<EnableVeto> vetoes = new CopyOnWriteArrayList<>();

  InjectorCore(ChaosInjector owner, ChaosInjector.Builder b) {
    this.owner = owner;
    this.clock = b.clock;
    this.explicitInstanceId = b.instanceId;
    this.seeds = new SeedPolicy(b.hasSeed, b.seed);
    this.refusesToEnable = b.refusesToEnable;
    // A disabled injector never reads the clock, so the default clock's thread is not started.
    long now = b.config.enabled() ? timeToEnable() : 0;
    this.failures = new FailureContainment(b.failureLogClock);
    this.listeners = new Listeners(b.listeners, failures);
    owner.state =
        InjectorState.of(b.config, selected(b.config), seeds.draws(null, b.config), now, now);
  }

  /** See {@link ChaosInjector#config}. */
  ChaosConfig config() {
    InjectorState s = owner.state;
    if (s.live) {
      try {
        s = current(s, clock.getAsLong());
      } catch (Throwable t) {
        failures.clockFailed(t); // the snapshot in force, without the expiry check
      }
    }
    return s.config;
  }

  /** See {@link ChaosInjector#burstActive}. */
  boolean burstActive() {
    InjectorState s = owner.state;
    if (!s.live) {
      return false;
    }
    long now;
    try {
      now = clock.getAsLong();
    } catch (Throwable t) {
      return failures.clockFailed(t);
    }
    return current(s, now).active;
  }

  /** See {@link ChaosInjector#instanceSelected}. */
  boolean instanceSelected() {
    return selected(owner.state.config);
  }

  /** See {@link ChaosInjector#instanceId}. */
  String instanceId() {
    return instanceId(owner.state.config);
  }

  /** See {@link ChaosInjector#enabled}. */
  boolean enabled() {
    return config().enabled();
  }

  /** See {@link ChaosInjector#lastDisableReason}. */
  String lastDisableReason() {
    return lastDisableReason;
  }

  /** See {@link ChaosInjector#injections}. */
  long injections(Scenario scenario) {
    return injected[scenario.ordinal()].sum();
  }

  /** See {@link ChaosInjector#wouldBeInjections}. */
  long wouldBeInjections(Scenario scenario) {
    return wouldBe[scenario.ordinal()].sum();
  }

  /** See {@link ChaosInjector#update}. */
  void update(ChaosConfig next) {
    Objects.requireNonNull(next, "next config");
    if (next.enabled()) {
      String refusal = enableRefusal();
      if (refusal != null) {
        throw new EnableRefusedException(refusal);
      }
    }
    for (; ; ) {
      InjectorState cur = owner.state;
      boolean wasOn = cur.config.enabled();
      long now;
      if (next.enabled()) {
        now = timeToEnable();
      } else if (wasOn) {
        now = timeOrElse(cur.windowStart);
      } else {
        now = cur.cycleStart;
      }
      long cycleStart = wasOn && next.enabled() ? cur.cycleStart : now;
      InjectorState n =
          InjectorState.of(next, selected(next), seeds.draws(cur.draws, next), cycleStart, now);
      if (STATE.compareAndSet(owner, cur, n)) {
        if (wasOn && !next.enabled()) {
          switchedOff(ChaosReasons.CONFIG_DISABLED, next, now);
        } else {
          Change change = !wasOn && next.enabled() ? Change.ENABLED : Change.UPDATED;
          listeners.stateChange(new StateChange(change, "", next, now));
        }
        return;
      }
    }
  }

  /** See {@link ChaosInjector#disable}. */
  void disable(String reason) {
    String why = reason == null || reason.isBlank() ? ChaosReasons.MANUAL : reason.strip();
    for (; ; ) {
      InjectorState cur = owner.state;
      if (!cur.config.enabled()) {
        return;
      }
      long now = timeOrElse(cur.windowStart);
      ChaosConfig off = cur.config.withEnabled(false);
      InjectorState n = InjectorState.of(off, false, cur.draws, now, now);
      if (STATE.compareAndSet(owner, cur, n)) {
        switchedOff(why, off, now);
        return;
      }
    }
  }

  /** See {@link ChaosInjector#addEnableVeto}. */
  void addEnableVeto(EnableVeto veto) {
    vetoes.add(Objects.requireNonNull(veto, "veto"));
  }

  /** See {@link ChaosInjector#removeEnableVeto}. */
  void removeEnableVeto(EnableVeto veto) {
    vetoes.remove(veto);
  }

  /** See {@link ChaosInjector#enableRefusal}. */
  String enableRefusal() {
    if (refusesToEnable != null) {
      return refusesToEnable;
    }
    for (EnableVeto v : vetoes) {
      String why;
      try {
        why = v.refusal();
      } catch (Throwable t) {
        FailureContainment.contain(t);
        why = "an enable veto (" + v.getClass().getName() + ") failed, so chaos stays off: " + t;
      }
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  /** See {@link ChaosInjector#addListener}. */
  void addListener(ChaosListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** See {@link ChaosInjector#removeListener}. */
  void removeListener(ChaosListener listener) {
    listeners.remove(listener);
  }

  /** The snapshot for {@code now}: {@code s} if its window holds {@code now}, else the next one. */
  final InjectorState current(InjectorState s, long now) {
    return s.contains(now) ? s : refresh(now);
  }

  /** Publishes the snapshot of the window that holds {@code now}; applies the expiry. */
  final InjectorState refresh(long now) {
    for (; ; ) {
      InjectorState cur = owner.state;
      if (!cur.live || cur.contains(now)) {
        return cur;
      }
      if (cur.expiredAt(now)) {
        disable(ChaosReasons.EXPIRED);
        return owner.state;
      }
      InjectorState next = cur.at(now);
      if (STATE.compareAndSet(owner, cur, next)) {
        if (next.active != cur.active) {
          Change c = next.active ? Change.BURST_STARTED : Change.BURST_ENDED;
          listeners.stateChange(new StateChange(c, "", next.config, now));
        }
        return next;
      }
    }
  }

  /** The instance id for {@code config}; see {@link InstanceIds}. */
  final String instanceId(ChaosConfig config) {
    return InstanceIds.resolve(config.instanceId(), explicitInstanceId);
  }

  final boolean selected(ChaosConfig config) {
    double pct = config.instancePct();
    return pct >= 100 || BlastRadius.selected(instanceId(config), pct);
  }

  private void switchedOff(String reason, ChaosConfig config, long now) {
    lastDisableReason = reason;
    try {
      listeners.stateChange(new StateChange(Change.DISABLED, reason, config, now));
    } finally {
      FailureContainment.log(System.Logger.Level.WARNING, "mm-chaos disabled, reason {0}", reason);
    }
  }

  /** The time source's reading, needed to switch chaos on; refuses to do so if it throws. */
  private long timeToEnable() {
    try {
      return clock.getAsLong();
    } catch (Throwable t) {
      FailureContainment.contain(t);
      throw new IllegalStateException(
          "cannot switch chaos on: the nanoClock threw " + t + "; chaos stays as it was", t);
    }
  }

  /** The time source's reading, or {@code fallback} if it throws (for switching chaos off). */
  private long timeOrElse(long fallback) {
    try {
      return clock.getAsLong();
    } catch (Throwable t) {
      failures.clockFailed(t);
      return fallback;
    }
  }

  private static InjectionCounter[] counters() {
    InjectionCounter[] a = new InjectionCounter[SCENARIOS.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = new InjectionCounter();
    }
    return a;
  }
}
