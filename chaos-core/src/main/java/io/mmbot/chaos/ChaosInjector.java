package io.mmbot.chaos;

import java.util.Objects;
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

  private static final int NET_LOSS = Scenario.NET_LOSS.ordinal();
  private static final int EXCH_5XX = Scenario.EXCH_5XX.ordinal();
  private static final int LAT_SPIKE = Scenario.LAT_SPIKE.ordinal();
  private static final int WS_LAG = Scenario.WS_LAG.ordinal();
  private static final int DNS_FLAP = Scenario.DNS_FLAP.ordinal();
  private static final int CLOCK_SKEW = Scenario.CLOCK_SKEW.ordinal();
  private static final int RECONCILE_MISMATCH = Scenario.RECONCILE_MISMATCH.ordinal();

  /** Period of the clock-skew drift: the offset swings through +N, 0, -N over this time. */
  public static final long CLOCK_SKEW_DRIFT_PERIOD_NANOS = 60_000_000_000L;

  /**
   * The snapshot in force, read by the gates directly (one load); only {@link InjectorCore}
   * replaces it, by compare-and-set.
   */
  volatile InjectorState state;

  /**
   * The time source, as {@link InjectorCore} holds it. This field and those below are kept here for
   * the gates' steps ({@link GateSteps}), which read them with one load each, and for the rollback
   * guard's view of the injector ({@link GuardedInjectorAdapter}).
   */
  final LongSupplier clock;

  /** Contains what the time source throws, as {@link InjectorCore} holds it. */
  final FailureContainment failures;

  /** The state's moves, counters, listeners and vetoes. */
  final InjectorCore core;

  /** The core's counters and listeners. */
  final InjectionCounter[] injected;

  final InjectionCounter[] wouldBe;
  final Listeners listeners;

  final PoissonGate disconnects;
  final HttpFaultChoice httpFaults = new HttpFaultChoice();

  private ChaosInjector(Builder b) {
    this.core = new InjectorCore(this, b);
    this.clock = core.clock;
    this.failures = core.failures;
    this.injected = core.injected;
    this.wouldBe = core.wouldBe;
    this.listeners = core.listeners;
    this.disconnects = new PoissonGate(state.cycleStart);
  }

  /** An injector for {@code config} on the default (system) time source. */
  public static ChaosInjector create(ChaosConfig config) {
    return builder().config(config).build();
  }

  /** A builder; without changes it builds a disabled injector on the system time source. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- state and switches

  /** The configuration in force; after an expiry or {@link #disable}, one with enabled false. */
  public ChaosConfig config() {
    return core.config();
  }

  /** Whether chaos is live on this instance and the burst clock is in its active phase now. */
  public boolean burstActive() {
    return core.burstActive();
  }

  /** Whether this instance falls inside {@code instance_pct} of the current configuration. */
  public boolean instanceSelected() {
    return core.instanceSelected();
  }

  /**
   * The instance id used for {@code instance_pct}: the configuration's {@code instance_id} if set,
   * else the id given to {@link ChaosInjector.Builder#instanceId}, else the {@code
   * MM_CHAOS_INSTANCE_ID} environment variable, else the host name. All of these survive a restart,
   * so the selection is stable.
   */
  public String instanceId() {
    return core.instanceId();
  }

  /** Whether chaos is enabled (it may still be outside a burst or outside the blast radius). */
  public boolean enabled() {
    return core.enabled();
  }

  /** The reason code of the last time chaos was switched off, or "" if it never was. */
  public String lastDisableReason() {
    return core.lastDisableReason();
  }

  /** Injections made for {@code scenario} (gates that returned true). Exact. */
  public long injections(Scenario scenario) {
    return core.injections(scenario);
  }

  /** Would-be injections counted in dry-run mode for {@code scenario}. Exact. */
  public long wouldBeInjections(Scenario scenario) {
    return core.wouldBeInjections(scenario);
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
    core.update(next);
  }

  /**
   * Switches chaos off at once (a rollback) and records {@code reason}. Any gate call that starts
   * after this method returns returns false. Does nothing if chaos is already off.
   *
   * <p>This is the kill switch, so it depends on nothing that can fail: chaos is off before any
   * listener is called or any line logged, a time source that throws is not needed (the change is
   * then stamped with the start of the last known burst window), and whatever a listener or the
   * logging backend throws is contained, every listener still hearing {@link
   * ChaosListener.Change#DISABLED}. Only a {@link VirtualMachineError} from a listener is rethrown,
   * after all of that.
   *
   * @param reason a reason code such as {@code P95_TICK}; null or blank means {@link
   *     ChaosReasons#MANUAL}
   */
  public void disable(String reason) {
    core.disable(reason);
  }

  /**
   * Registers a veto: while it answers a reason, {@link #update} refuses every enabled
   * configuration with {@link EnableRefusedException}. Disabling is never vetoed.
   */
  public void addEnableVeto(EnableVeto veto) {
    core.addEnableVeto(veto);
  }

  /** Removes a veto added earlier; does nothing if it is not registered. */
  public void removeEnableVeto(EnableVeto veto) {
    core.removeEnableVeto(veto);
  }

  /**
   * Why chaos cannot be switched on now, or null if it can: this injector stays off for good (the
   * default of {@link GlobalChaos}), or a registered {@link EnableVeto} answers a reason (a veto
   * that throws refuses too, with what it threw). The control endpoint answers 409 with this text.
   */
  public String enableRefusal() {
    return core.enableRefusal();
  }

  /** Adds a listener; it hears events from now on. */
  public void addListener(ChaosListener listener) {
    core.addListener(listener);
  }

  /** Removes a listener added earlier; does nothing if it is not registered. */
  public void removeListener(ChaosListener listener) {
    core.removeListener(listener);
  }

  // ---------------------------------------------------------------- gates

  /** Whether to inject {@code scenario} now; see the class description for each model. */
  public boolean shouldInject(Scenario scenario) {
    switch (scenario.kind()) {
      case WAVE:
        return GateSteps.run(this, scenario);
      case RATE:
        return shouldInjectWsDisconnect();
      default:
        return GateSteps.simple(this, scenario.ordinal());
    }
  }

  /** NET_LOSS: drop this request or packet. */
  public boolean shouldInjectNetLoss() {
    return GateSteps.simple(this, NET_LOSS);
  }

  /** EXCH_429: answer this call with a synthetic 429 (in waves). */
  public boolean shouldInjectExch429() {
    return GateSteps.run(this, Scenario.EXCH_429);
  }

  /** EXCH_5XX: answer this call with a synthetic 5xx; see {@link #synthetic5xxStatus()}. */
  public boolean shouldInjectExch5xx() {
    return GateSteps.simple(this, EXCH_5XX);
  }

  /** LAT_SPIKE: delay this call by {@link ChaosConfig#latSpikeMs()}. */
  public boolean shouldInjectLatSpike() {
    return GateSteps.simple(this, LAT_SPIKE);
  }

  /** WS_LAG: delay this WebSocket message by {@link ChaosConfig#wsLagMs()}. */
  public boolean shouldInjectWsLag() {
    return GateSteps.simple(this, WS_LAG);
  }

  /** WS_DISCONNECT: close the connection abnormally; Poisson over the time since the last check. */
  public boolean shouldInjectWsDisconnect() {
    return GateSteps.disconnect(this, true, 0);
  }

  /**
   * WS_DISCONNECT for a caller that tracks its own checks (for example one per connection): the
   * chance that a disconnect happened within {@code elapsedNanos}, at the configured rate.
   */
  public boolean shouldInjectWsDisconnect(long elapsedNanos) {
    return GateSteps.disconnect(this, false, elapsedNanos);
  }

  /** DNS_FLAP: fail this lookup as for NXDOMAIN. */
  public boolean shouldInjectDnsFlap() {
    return GateSteps.simple(this, DNS_FLAP);
  }

  /** CLOCK_SKEW: skew this clock read; see {@link #clockSkewOffsetMs()}. */
  public boolean shouldInjectClockSkew() {
    return GateSteps.simple(this, CLOCK_SKEW);
  }

  /** RATE_LIMIT_STORM: this call is caught in a storm of consecutive 429s. */
  public boolean shouldInjectRateLimitStorm() {
    return GateSteps.run(this, Scenario.RATE_LIMIT_STORM);
  }

  /** RECONCILE_MISMATCH: perturb this reconcile's order-state view. */
  public boolean shouldInjectReconcileMismatch() {
    return GateSteps.simple(this, RECONCILE_MISMATCH);
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
    return GateSteps.httpFaultOrNull(this);
  }

  /** Milliseconds to add before this call: the configured spike when LAT_SPIKE fires, else 0. */
  public long latencyToAddMs() {
    return FaultShapes.latencyToAddMs(this);
  }

  /** Milliseconds to delay this WebSocket message: the configured lag when WS_LAG fires, else 0. */
  public long wsLagToAddMs() {
    return FaultShapes.wsLagToAddMs(this);
  }

  /**
   * The clock offset to apply to this read, in milliseconds, within {@code ±clock_skew_ms}: 0
   * unless CLOCK_SKEW fires. The offset drifts smoothly, {@code N·sin(2π·t/60 s)} with t the time
   * since the burst began, so it starts at 0, reaches +N and -N, and is 0 again once the burst is
   * over.
   */
  public long clockSkewOffsetMs() {
    return FaultShapes.clockSkewOffsetMs(this);
  }

  /** The perturbation to apply to this reconcile when RECONCILE_MISMATCH fires, else null. */
  public MismatchType reconcileMismatchOrNull() {
    return FaultShapes.reconcileMismatchOrNull(this);
  }

  /** A synthetic 5xx status for an EXCH_5XX fault: 500, 502, 503 or 504 with equal chance. */
  public int synthetic5xxStatus() {
    return FaultShapes.synthetic5xxStatus(state);
  }

  /**
   * Whether a NET_LOSS or EXCH_5XX fault that fired should strike after the request reached the
   * exchange (outcome unknown to the bot) rather than before sending; true with chance {@link
   * ChaosConfig#unknownOutcomeShare()}.
   */
  public boolean strikesAfterSend() {
    return FaultShapes.strikesAfterSend(state);
  }

  /**
   * Where a NET_LOSS fault that fired strikes: one uniform draw {@code u} (the same single draw
   * that {@link #strikesAfterSend()} makes, so seeded sequences of other decisions do not shift)
   * gives {@link NetLossStage#RESPONSE_CUT} when {@code u < unknown_outcome_share ·
   * net_loss.cut_share}, {@link NetLossStage#RESPONSE_LOST} when {@code u < unknown_outcome_share},
   * else {@link NetLossStage#BEFORE_SEND}. So after-send losses are {@code unknown_outcome_share}
   * of all losses, and cuts are {@code net_loss.cut_share} of those.
   */
  public NetLossStage netLossStage() {
    return FaultShapes.netLossStage(state);
  }

  @Override
  public String toString() {
    return "ChaosInjector{instance=" + instanceId() + ", " + state.config + '}';
  }

  /** Builds a {@link ChaosInjector}. Not thread-safe. */
  public static final class Builder {
    ChaosConfig config = ChaosConfig.defaults();
    LongSupplier clock = CoarseNanoClock.INSTANCE;
    String instanceId;
    boolean hasSeed;
    long seed;
    final java.util.List<ChaosListener> listeners = new java.util.ArrayList<>();

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

    LongSupplier failureLogClock = System::nanoTime;
    String refusesToEnable;

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
