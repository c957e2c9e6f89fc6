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
 * The state half of {@link ChaosInjector}: the one snapshot the gates read, how it moves (enable,
 * update, disable, the next burst window, expiry), the outcome of a gate (counting, dry-run,
 * listeners) and the injection counters. The gates themselves and the fault shapes are the
 * injector's.
 *
 * <p>Design note: the snapshot is a field of this object, read by the gates directly, so that a
 * gate costs one volatile load; every change is a compare-and-set of the whole snapshot.
 */
abstract class InjectorCore {

  private static final VarHandle STATE;

  static {
    try {
      STATE =
          MethodHandles.lookup().findVarHandle(InjectorCore.class, "state", InjectorState.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final Scenario[] SCENARIOS = Scenario.values();

  /** The snapshot in force; replaced as a whole through {@code STATE}. */
  volatile InjectorState state;

  final LongSupplier clock;
  final FailureContainment failures;
  final Listeners listeners;
  private final String explicitInstanceId;
  private final SeedPolicy seeds;
  private final String refusesToEnable;
  private final InjectionCounter[] injected = counters();
  private final InjectionCounter[] wouldBe = counters();
  private volatile String lastDisableReason = "";
  private final List<EnableVeto> vetoes = new CopyOnWriteArrayList<>();

  InjectorCore(ChaosInjector.Builder b) {
    this.clock = b.clock;
    this.explicitInstanceId = b.instanceId;
    this.seeds = new SeedPolicy(b.hasSeed, b.seed);
    this.refusesToEnable = b.refusesToEnable;
    // A disabled injector never reads the clock, so the default clock's thread is not started.
    long now = b.config.enabled() ? timeToEnable() : 0;
    this.failures = new FailureContainment(b.failureLogClock);
    this.listeners = new Listeners(b.listeners, failures);
    this.state =
        InjectorState.of(b.config, selected(b.config), seeds.draws(null, b.config), now, now);
  }

  /** The configuration in force; after an expiry or {@link #disable}, one with enabled false. */
  public ChaosConfig config() {
    InjectorState s = state;
    if (s.live) {
      try {
        s = current(s, clock.getAsLong());
      } catch (Throwable t) {
        failures.clockFailed(t); // the snapshot in force, without the expiry check
      }
    }
    return s.config;
  }

  /** Whether chaos is live on this instance and the burst clock is in its active phase now. */
  public boolean burstActive() {
    InjectorState s = state;
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

  /** Whether this instance falls inside {@code instance_pct} of the current configuration. */
  public boolean instanceSelected() {
    return selected(state.config);
  }

  /** The time source of this injector, for companions in this package (the rollback guard). */
  LongSupplier nanoClock() {
    return clock;
  }

  /**
   * The instance id used for {@code instance_pct}: the configuration's {@code instance_id} if set,
   * else the id given to {@link ChaosInjector.Builder#instanceId}, else the {@code
   * MM_CHAOS_INSTANCE_ID} environment variable, else the host name. All of these survive a restart,
   * so the selection is stable.
   */
  public String instanceId() {
    return instanceId(state.config);
  }

  /** Whether chaos is enabled (it may still be outside a burst or outside the blast radius). */
  public boolean enabled() {
    return config().enabled();
  }

  /** The reason code of the last time chaos was switched off, or "" if it never was. */
  public String lastDisableReason() {
    return lastDisableReason;
  }

  /** Injections made for {@code scenario} (gates that returned true). Exact. */
  public long injections(Scenario scenario) {
    return injected[scenario.ordinal()].sum();
  }

  /** Would-be injections counted in dry-run mode for {@code scenario}. Exact. */
  public long wouldBeInjections(Scenario scenario) {
    return wouldBe[scenario.ordinal()].sum();
  }

  /**
   * Applies a new configuration. Turning chaos on from off starts a new burst cycle (active) now;
   * an update that keeps chaos on keeps the burst phase and the expiry origin; one that turns it
   * off is a rollback with reason {@link ChaosReasons#CONFIG_DISABLED}.
   *
   * <p>An update that turns chaos off always succeeds, whatever the time source and the listeners
   * do (see {@link #disable}). An update to an enabled configuration needs the time source (to
   * place the burst clock and the expiry) and, should it throw, is refused and changes nothing.
   *
   * <p>While {@link #enableRefusal()} gives a reason (an {@link EnableVeto} holds, or this injector
   * stays off for good), an enabled {@code next} is refused and nothing changes.
   *
   * @throws EnableRefusedException if {@code next} is enabled and {@link #enableRefusal()} gives a
   *     reason: an {@link EnableVeto} holds, or this is an injector that stays off for good (the
   *     default of {@link GlobalChaos} before {@code init})
   * @throws IllegalStateException if {@code next} is enabled and the time source threw
   */
  public void update(ChaosConfig next) {
    Objects.requireNonNull(next, "next config");
    if (next.enabled()) {
      String refusal = enableRefusal();
      if (refusal != null) {
        throw new EnableRefusedException(refusal);
      }
    }
    for (; ; ) {
      InjectorState cur = state;
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
      if (STATE.compareAndSet(this, cur, n)) {
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

  /**
   * Switches chaos off at once (a rollback) and records {@code reason}. Any gate call that starts
   * after this method returns returns false. Does nothing if chaos is already off.
   *
   * <p>This is the kill switch, so it depends on nothing that can fail: chaos is off before any
   * listener is called or any line logged, a time source that throws is not needed (the change is
   * then stamped with the start of the last known burst window), and whatever a listener or the
   * logging backend throws is contained, every listener still hearing {@link Change#DISABLED}. Only
   * a {@link VirtualMachineError} from a listener is rethrown, after all of that.
   *
   * @param reason a reason code such as {@code P95_TICK}; null or blank means {@link
   *     ChaosReasons#MANUAL}
   */
  public void disable(String reason) {
    String why = reason == null || reason.isBlank() ? ChaosReasons.MANUAL : reason.strip();
    for (; ; ) {
      InjectorState cur = state;
      if (!cur.config.enabled()) {
        return;
      }
      long now = timeOrElse(cur.windowStart);
      ChaosConfig off = cur.config.withEnabled(false);
      InjectorState n = InjectorState.of(off, false, cur.draws, now, now);
      if (STATE.compareAndSet(this, cur, n)) {
        switchedOff(why, off, now);
        return;
      }
    }
  }

  /**
   * Registers a veto: while it answers a reason, {@link #update} refuses every enabled
   * configuration with {@link EnableRefusedException}. Disabling is never vetoed.
   */
  public void addEnableVeto(EnableVeto veto) {
    vetoes.add(Objects.requireNonNull(veto, "veto"));
  }

  /** Removes a veto added earlier; does nothing if it is not registered. */
  public void removeEnableVeto(EnableVeto veto) {
    vetoes.remove(veto);
  }

  /**
   * Why chaos cannot be switched on now, or null if it can: this injector stays off for good (the
   * default of {@link GlobalChaos}), or a registered {@link EnableVeto} answers a reason (a veto
   * that throws refuses too, with what it threw). The control endpoint answers 409 with this text.
   */
  public String enableRefusal() {
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

  /** Adds a listener; it hears events from now on. */
  public void addListener(ChaosListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added earlier; does nothing if it is not registered. */
  public void removeListener(ChaosListener listener) {
    listeners.remove(listener);
  }

  /** A probability or magnitude gate (traffic share in its threshold): its snapshot, or null. */
  final InjectorState firedIn(int i) {
    InjectorState s = state;
    if (!s.live) {
      return null;
    }
    long now;
    try {
      now = clock.getAsLong();
    } catch (Throwable t) {
      failures.clockFailed(t);
      return null;
    }
    if (!s.contains(now)) {
      s = refresh(now);
    }
    if (!s.active) {
      return null;
    }
    return decide(s, i, s.draws.next(i), s.thresholds[i], now) ? s : null;
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
  final boolean decide(InjectorState s, int i, long draw, long threshold, long now) {
    long hit = (draw - threshold) >>> 63;
    if (s.dryRun) {
      if (hit != 0) {
        wouldBe[i].add(1);
        listeners.injection(SCENARIOS[i], true, now, wouldBe[i]);
      }
      return false;
    }
    // Re-check the kill switch so that a disable() that completed while this call was drawing
    // wins; the counter then stays exact.
    hit &= state.live ? 1 : 0;
    injected[i].add(hit);
    if (listeners.any() && hit != 0) {
      listeners.injection(SCENARIOS[i], false, now, null);
    }
    return hit != 0;
  }

  /** Settles gate {@code i} as fired (its draw already succeeded). */
  final boolean fire(InjectorState s, int i, long now) {
    return decide(s, i, 0, 1, now);
  }

  /** The snapshot for {@code now}: {@code s} if its window holds {@code now}, else the next one. */
  final InjectorState current(InjectorState s, long now) {
    return s.contains(now) ? s : refresh(now);
  }

  /** Publishes the snapshot of the window that holds {@code now}; applies the expiry. */
  final InjectorState refresh(long now) {
    for (; ; ) {
      InjectorState cur = state;
      if (!cur.live || cur.contains(now)) {
        return cur;
      }
      if (cur.expiredAt(now)) {
        disable(ChaosReasons.EXPIRED);
        return state;
      }
      InjectorState next = cur.at(now);
      if (STATE.compareAndSet(this, cur, next)) {
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
