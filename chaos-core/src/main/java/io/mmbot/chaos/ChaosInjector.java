package io.mmbot.chaos;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.ChaosListener.StateChange;
import io.mmbot.chaos.internal.CoarseNanoClock;
import io.mmbot.chaos.internal.Draws;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides when a fault happens. The bot calls a {@code shouldInject…} hook at the point where a
 * fault would strike (before an HTTP call, on a WebSocket message, on a lookup, on a reconcile) and
 * applies the fault when the hook returns true.
 *
 * <p>A gate returns true only when chaos is enabled, this instance is in the blast radius, the
 * burst clock is in its active phase, dry-run is off, and the scenario's draw succeeds. The burst
 * clock starts (active) when chaos becomes enabled, runs {@code burst_on_sec} active then {@code
 * burst_off_sec} quiet, and repeats. In dry-run (shadow) mode every gate is evaluated and counted
 * as a would-be injection, but every hook returns false.
 *
 * <p>Scenario models:
 *
 * <ul>
 *   <li>Probability scenarios (NET_LOSS, EXCH_5XX, DNS_FLAP, RECONCILE_MISMATCH) and magnitude
 *       scenarios (LAT_SPIKE, WS_LAG, CLOCK_SKEW) draw independently per call.
 *   <li>EXCH_429 waves and RATE_LIMIT_STORM storms are runs of consecutive calls: a call outside a
 *       run starts one with a chance chosen so that the long-run share of affected calls equals the
 *       configured value, and the run then lasts {@code exch429WaveCalls} (default 5) or {@code
 *       rateLimitStormCalls} (default 20) calls. Runs end with the burst.
 *   <li>WS_DISCONNECT is a Poisson process: a check fires with chance {@code 1 - exp(-rate * dt /
 *       60 s)}, where {@code dt} is the time since the previous check (or since the burst began, if
 *       later), so the rate per minute holds however often the bot checks.
 * </ul>
 *
 * <p>The blast radius narrows chaos further: {@code traffic_pct} is the share of calls a gate may
 * touch (an extra independent draw), and {@code instance_pct} the share of instances, chosen by a
 * stable hash of the instance id. With {@code max_duration_sec} set, chaos switches itself off that
 * long after it was enabled, with reason {@link ChaosReasons#EXPIRED}; the expiry is checked on
 * every gate call and state query.
 *
 * <p>Thread safety: safe for concurrent use. Gates read one immutable snapshot through one volatile
 * field, take no lock and allocate nothing; they see either the old or the new configuration of a
 * concurrent {@link #update}, never a mix. Any gate call that starts after {@link #disable} has
 * returned returns false.
 *
 * <p>Time: by default a coarse clock that a daemon thread advances about every millisecond (a
 * volatile read per gate instead of a 25 ns {@code System.nanoTime()} call); tests pass their own
 * nanosecond source to {@link Builder#nanoClock} and drive every timing rule in virtual time.
 */
public final class ChaosInjector {

  private static final VarHandle STATE;

  static {
    try {
      STATE =
          MethodHandles.lookup().findVarHandle(ChaosInjector.class, "state", InjectorState.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Scenario[] SCENARIOS = Scenario.values();
  private static final int[] SYNTHETIC_5XX = {500, 502, 503, 504};
  private static final MismatchType[] MISMATCH_TYPES = MismatchType.values();
  private static final double NANOS_PER_MINUTE = 60e9;
  private static final double TWO_PI = 2 * Math.PI;

  /** Period of the clock-skew drift: the offset swings through +N, 0, -N over this time. */
  public static final long CLOCK_SKEW_DRIFT_PERIOD_NANOS = 60_000_000_000L;

  @SuppressWarnings("unused") // accessed through STATE
  private volatile InjectorState state;

  private final LongSupplier clock;
  private final String explicitInstanceId;
  private final boolean hasFallbackSeed;
  private final long fallbackSeed;
  private final InjectionCounter[] injected = counters();
  private final InjectionCounter[] wouldBe = counters();
  private final AtomicLong lastDisconnectCheck;
  private final Failures failures;
  private final String refusesToEnable;
  private final Listeners listeners;
  private final HttpFaultChoice httpFaults = new HttpFaultChoice();
  private volatile String lastDisableReason = "";

  private ChaosInjector(Builder b) {
    this.clock = b.clock;
    this.explicitInstanceId = b.instanceId;
    this.hasFallbackSeed = b.hasSeed;
    this.fallbackSeed = b.seed;
    this.refusesToEnable = b.refusesToEnable;
    // A disabled injector never reads the clock, so the default clock's thread is not started.
    long now = b.config.enabled() ? timeToEnable() : 0;
    this.failures = new Failures(b.failureLogClock);
    this.listeners = new Listeners(b.listeners, failures);
    this.lastDisconnectCheck = new AtomicLong(now);
    this.state = InjectorState.of(b.config, selected(b.config), draws(null, b.config), now, now);
  }

  /** An injector for {@code config} on the default (system) time source. */
  public static ChaosInjector create(ChaosConfig config) {
    return builder().config(config).build();
  }

  /** A builder; without changes it builds a disabled injector on the system time source. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- gates

  /** Whether to inject {@code scenario} now; see the class description for each model. */
  public boolean shouldInject(Scenario scenario) {
    switch (scenario.kind()) {
      case WAVE:
        return runGate(scenario.ordinal());
      case RATE:
        return shouldInjectWsDisconnect();
      default:
        return simpleGate(scenario.ordinal());
    }
  }

  /** NET_LOSS: drop this request or packet. */
  public boolean shouldInjectNetLoss() {
    return simpleGate(0);
  }

  /** EXCH_429: answer this call with a synthetic 429 (in waves). */
  public boolean shouldInjectExch429() {
    return runGate(1);
  }

  /** EXCH_5XX: answer this call with a synthetic 5xx; see {@link #synthetic5xxStatus()}. */
  public boolean shouldInjectExch5xx() {
    return simpleGate(2);
  }

  /** LAT_SPIKE: delay this call by {@link ChaosConfig#latSpikeMs()}. */
  public boolean shouldInjectLatSpike() {
    return simpleGate(3);
  }

  /** WS_LAG: delay this WebSocket message by {@link ChaosConfig#wsLagMs()}. */
  public boolean shouldInjectWsLag() {
    return simpleGate(4);
  }

  /** WS_DISCONNECT: close the connection abnormally; Poisson over the time since the last check. */
  public boolean shouldInjectWsDisconnect() {
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
    long previous = lastDisconnectCheck.getAndSet(now);
    s = current(s, now);
    if (!s.active || s.thresholds[5] == 0) {
      return false;
    }
    long from = previous - s.windowStart > 0 ? previous : s.windowStart;
    return poisson(s, now - from, now);
  }

  /**
   * WS_DISCONNECT for a caller that tracks its own checks (for example one per connection): the
   * chance that a disconnect happened within {@code elapsedNanos}, at the configured rate.
   */
  public boolean shouldInjectWsDisconnect(long elapsedNanos) {
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
    s = current(s, now);
    if (!s.active || s.thresholds[5] == 0) {
      return false;
    }
    return poisson(s, Math.min(elapsedNanos, now - s.windowStart), now);
  }

  /** DNS_FLAP: fail this lookup as for NXDOMAIN. */
  public boolean shouldInjectDnsFlap() {
    return simpleGate(6);
  }

  /** CLOCK_SKEW: skew this clock read; see {@link #clockSkewOffsetMs()}. */
  public boolean shouldInjectClockSkew() {
    return simpleGate(7);
  }

  /** RATE_LIMIT_STORM: this call is caught in a storm of consecutive 429s. */
  public boolean shouldInjectRateLimitStorm() {
    return runGate(8);
  }

  /** RECONCILE_MISMATCH: perturb this reconcile's order-state view. */
  public boolean shouldInjectReconcileMismatch() {
    return simpleGate(9);
  }

  // ---------------------------------------------------------------- magnitudes and choices

  /**
   * One draw among the HTTP faults of a request: NET_LOSS, RATE_LIMIT_STORM, EXCH_429 or EXCH_5XX,
   * or null for none. Unlike calling their four gates one after the other, each scenario's share of
   * the requests that make this call is its configured intensity, whatever else is on, as long as
   * the four intensities sum to at most 1; beyond that they are served in that precedence order
   * until the shares reach 1. Waves and storms keep their runs of consecutive calls. Exactly one
   * injection is counted for the scenario returned (a would-be injection in dry-run, where this
   * returns null), none otherwise. Chaos off, between bursts and outside the traffic share: null.
   */
  public Scenario httpFaultOrNull() {
    InjectorState s = state;
    if (!s.live) {
      return null;
    }
    long now = clock.getAsLong();
    s = current(s, now);
    if (!s.active || !inTraffic(s, HttpFaultChoice.NET_LOSS)) {
      return null;
    }
    int i = httpFaults.choose(s);
    return i >= 0 && fire(s, i, now) ? SCENARIOS[i] : null;
  }

  /** Milliseconds to add before this call: the configured spike when LAT_SPIKE fires, else 0. */
  public long latencyToAddMs() {
    InjectorState s = firedIn(3);
    return s == null ? 0 : s.config.latSpikeMs();
  }

  /** Milliseconds to delay this WebSocket message: the configured lag when WS_LAG fires, else 0. */
  public long wsLagToAddMs() {
    InjectorState s = firedIn(4);
    return s == null ? 0 : s.config.wsLagMs();
  }

  /**
   * The clock offset to apply to this read, in milliseconds, within {@code ±clock_skew_ms}: 0
   * unless CLOCK_SKEW fires. The offset drifts smoothly, {@code N·sin(2π·t/60 s)} with t the time
   * since the burst began, so it starts at 0, reaches +N and -N, and is 0 again once the burst is
   * over.
   */
  public long clockSkewOffsetMs() {
    InjectorState s = firedIn(7);
    if (s == null) {
      return 0;
    }
    long t;
    try {
      t = clock.getAsLong() - s.windowStart;
    } catch (Throwable e) {
      failures.clockFailed(e);
      return 0;
    }
    double phase =
        (double) Math.floorMod(t, CLOCK_SKEW_DRIFT_PERIOD_NANOS) / CLOCK_SKEW_DRIFT_PERIOD_NANOS;
    return Math.round(s.config.clockSkewMs() * Math.sin(TWO_PI * phase));
  }

  /** The perturbation to apply to this reconcile when RECONCILE_MISMATCH fires, else null. */
  public MismatchType reconcileMismatchOrNull() {
    InjectorState s = firedIn(9);
    if (s == null) {
      return null;
    }
    return MISMATCH_TYPES[s.draws.nextInt(InjectorState.CHOICE_STREAM, MISMATCH_TYPES.length)];
  }

  /** A synthetic 5xx status for an EXCH_5XX fault: 500, 502, 503 or 504 with equal chance. */
  public int synthetic5xxStatus() {
    return SYNTHETIC_5XX[state.draws.nextInt(InjectorState.CHOICE_STREAM, SYNTHETIC_5XX.length)];
  }

  /**
   * Whether a NET_LOSS or EXCH_5XX fault that fired should strike after the request reached the
   * exchange (outcome unknown to the bot) rather than before sending; true with chance {@link
   * ChaosConfig#unknownOutcomeShare()}.
   */
  public boolean strikesAfterSend() {
    InjectorState s = state;
    long t = Draws.threshold(s.config.unknownOutcomeShare());
    return s.draws.next(InjectorState.CHOICE_STREAM) < t;
  }

  // ---------------------------------------------------------------- state

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

  /** Whether chaos is enabled (it may still be outside a burst or outside the blast radius). */
  public boolean enabled() {
    return config().enabled();
  }

  /** Whether this instance falls inside {@code instance_pct} of the current configuration. */
  public boolean instanceSelected() {
    return selected(state.config);
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

  /** The reason code of the last time chaos was switched off, or "" if it never was. */
  public String lastDisableReason() {
    return lastDisableReason;
  }

  /** The time source of this injector, for companions in this package (the rollback guard). */
  LongSupplier nanoClock() {
    return clock;
  }

  /**
   * The instance id used for {@code instance_pct}: the configuration's {@code instance_id} if set,
   * else the id given to {@link Builder#instanceId}, else the {@code MM_CHAOS_INSTANCE_ID}
   * environment variable, else the host name. All of these survive a restart, so the selection is
   * stable.
   */
  public String instanceId() {
    return instanceId(state.config);
  }

  private String instanceId(ChaosConfig config) {
    return InstanceIds.resolve(config.instanceId(), explicitInstanceId);
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
   * @throws IllegalStateException if {@code next} is enabled and the time source threw, or if this
   *     is an injector that stays off for good (the default of {@link GlobalChaos} before {@code
   *     init})
   */
  public void update(ChaosConfig next) {
    Objects.requireNonNull(next, "next config");
    if (refusesToEnable != null && next.enabled()) {
      throw new IllegalStateException(refusesToEnable);
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
          InjectorState.of(next, selected(next), draws(cur.draws, next), cycleStart, now);
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

  /** Adds a listener; it hears events from now on. */
  public void addListener(ChaosListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added earlier; does nothing if it is not registered. */
  public void removeListener(ChaosListener listener) {
    listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "ChaosInjector{instance=" + instanceId() + ", " + state.config + '}';
  }

  // ---------------------------------------------------------------- internals

  private boolean simpleGate(int i) {
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
    if (!s.contains(now)) {
      s = refresh(now);
    }
    if (!s.active) {
      return false;
    }
    return decide(s, i, s.draws.next(i), s.thresholds[i], now);
  }

  /** Like {@link #simpleGate} but returns the snapshot it fired in (for its magnitude), or null. */
  private InjectorState firedIn(int i) {
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
  private boolean decide(InjectorState s, int i, long draw, long threshold, long now) {
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

  private boolean runGate(int i) {
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
    s = current(s, now);
    if (!s.active || s.thresholds[i] == 0 || !inTraffic(s, i)) {
      return false;
    }
    var remaining = i == 1 ? s.waveRemaining : s.stormRemaining;
    for (int r = remaining.get(); r > 0; r = remaining.get()) {
      if (remaining.compareAndSet(r, r - 1)) {
        return fire(s, i, now);
      }
    }
    if (s.draws.next(i) >= s.thresholds[i]) {
      return false;
    }
    int calls = i == 1 ? s.config.exch429WaveCalls() : s.config.rateLimitStormCalls();
    remaining.set(calls - 1);
    return fire(s, i, now);
  }

  private boolean poisson(InjectorState s, long dtNanos, long now) {
    if (dtNanos <= 0 || !inTraffic(s, 5)) {
      return false;
    }
    double p = -Math.expm1(-s.config.wsDisconnect() * dtNanos / NANOS_PER_MINUTE);
    if (s.draws.next(5) >= Draws.threshold(p)) {
      return false;
    }
    return fire(s, 5, now);
  }

  private boolean inTraffic(InjectorState s, int i) {
    long t = s.trafficThreshold;
    return t == Long.MAX_VALUE || s.draws.next(InjectorState.TRAFFIC_STREAM) < t;
  }

  private boolean fire(InjectorState s, int i, long now) {
    return decide(s, i, 0, 1, now);
  }

  private InjectorState current(InjectorState s, long now) {
    return s.contains(now) ? s : refresh(now);
  }

  private InjectorState refresh(long now) {
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

  private void switchedOff(String reason, ChaosConfig config, long now) {
    lastDisableReason = reason;
    try {
      listeners.stateChange(new StateChange(Change.DISABLED, reason, config, now));
    } finally {
      Failures.log(System.Logger.Level.WARNING, "mm-chaos disabled, reason {0}", reason);
    }
  }

  /** The time source's reading, needed to switch chaos on; refuses to do so if it throws. */
  private long timeToEnable() {
    try {
      return clock.getAsLong();
    } catch (Throwable t) {
      Failures.contain(t);
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

  private boolean selected(ChaosConfig config) {
    double pct = config.instancePct();
    if (pct >= 100) {
      return true;
    }
    // A stable position of this instance in [0, 100): the same id is always in or out.
    long h = instanceId(config).hashCode() * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    double position = (h >>> 11) * 0x1p-53 * 100;
    return position < pct;
  }

  private Draws draws(Draws previous, ChaosConfig config) {
    boolean seeded = config.hasSeed() || hasFallbackSeed;
    long seed = config.hasSeed() ? config.seed() : fallbackSeed;
    if (!seeded) {
      return Draws.unseeded();
    }
    if (previous != null && previous.isSeeded() && previous.seed() == seed) {
      return previous;
    }
    return Draws.seeded(seed);
  }

  private static InjectionCounter[] counters() {
    InjectionCounter[] a = new InjectionCounter[SCENARIOS.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = new InjectionCounter();
    }
    return a;
  }

  /** Builds a {@link ChaosInjector}. Not thread-safe. */
  public static final class Builder {
    private ChaosConfig config = ChaosConfig.defaults();
    private LongSupplier clock = CoarseNanoClock.INSTANCE;
    private String instanceId;
    private boolean hasSeed;
    private long seed;
    private final java.util.List<ChaosListener> listeners = new java.util.ArrayList<>();

    private Builder() {}

    /** The configuration to start with (default: {@link ChaosConfig#defaults()}, chaos off). */
    public Builder config(ChaosConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The nanosecond time source, as {@link System#nanoTime()}: only differences matter. Tests pass
     * a virtual clock here.
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    private LongSupplier failureLogClock = System::nanoTime;
    private String refusesToEnable;

    /**
     * The id that places this instance inside or outside {@code instance_pct}, unless the
     * configuration's {@code instance_id} names one; without either, the {@code
     * MM_CHAOS_INSTANCE_ID} environment variable or the host name is used.
     */
    public Builder instanceId(String instanceId) {
      Objects.requireNonNull(instanceId, "instanceId");
      if (instanceId.isBlank()) {
        throw new IllegalArgumentException("instanceId must not be blank");
      }
      this.instanceId = instanceId;
      return this;
    }

    /** A seed used whenever the configuration carries none. */
    public Builder seed(long seed) {
      this.hasSeed = true;
      this.seed = seed;
      return this;
    }

    /** The time source that rate-limits failure log lines (default {@code System::nanoTime}). */
    Builder failureLogClock(LongSupplier failureLogClock) {
      this.failureLogClock = Objects.requireNonNull(failureLogClock, "failureLogClock");
      return this;
    }

    /**
     * Makes the injector stay off for good: an update to an enabled configuration is refused with
     * {@code message}. The configuration must be disabled.
     */
    Builder permanentlyOff(String message) {
      if (config.enabled()) {
        throw new IllegalArgumentException("a permanently-off injector needs a disabled config");
      }
      this.refusesToEnable = Objects.requireNonNull(message, "message");
      return this;
    }

    /** A listener registered before the first event. */
    public Builder listener(ChaosListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Builds the injector; if the configuration is enabled, the first burst starts now. */
    public ChaosInjector build() {
      return new ChaosInjector(this);
    }
  }
}
