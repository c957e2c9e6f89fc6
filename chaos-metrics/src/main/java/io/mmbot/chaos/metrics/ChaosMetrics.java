package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.Scenario;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Records the bot's own health signals next to a {@link ChaosInjector}'s, into Micrometer meters
 * with the Prometheus names of the product contract:
 *
 * <pre>
 * mm_chaos_injections_total{scenario,dry_run}   mm_reconnect_attempts_total{kind}
 * mm_partial_fail_rate                           mm_ws_gap_ms (histogram)
 * mm_reconcile_discrepancies_total{type}         mm_tick_total_ms (histogram)
 * mm_tick_deadline_miss_total                    mm_chaos_enabled, mm_chaos_burst_active
 * mm_chaos_rollbacks_total{reason}
 * </pre>
 *
 * <p>Binding is done by a {@link ChaosMeterBinder} (a Micrometer {@code MeterBinder}, with optional
 * common tags: {@link Builder#tags}); this class is the facade over it: it binds one, checks the
 * arguments of the {@code record…} methods, records into the bound meters, exports the Prometheus
 * text and closes the binder with itself.
 *
 * <p><b>Injections cost the hot path nothing.</b> The injector already keeps an exact counter per
 * scenario (injections, and would-be injections in dry-run); {@code mm_chaos_injections_total} is a
 * function counter that reads them at scrape time, plus whatever the bot recorded itself through
 * {@link #recordChaosInjection(String)}. Call that method only for faults the bot injects outside
 * the gates (a gate that returned true is already counted), or the fault is counted twice.
 *
 * <p><b>Bounded labels.</b> {@code kind} is one of {@code ws}, {@code rest} and the kinds added
 * with {@link Builder#reconnectKinds}; {@code type} one of the {@link MismatchType} keys ({@code
 * missing}, {@code ghost}, {@code stale_status}, {@code qty_diff}) and the types added with {@link
 * Builder#discrepancyTypes}. Any other value is counted under {@code other}. Every series exists
 * (at 0) from the moment of binding. {@code reason} is bounded as described in the docs ({@code
 * docs/metrics.md}): known codes, up to 16 further codes, then {@code OTHER}.
 *
 * <p><b>Faults.</b> The {@code record…} methods throw, naming the argument, {@link
 * NullPointerException} for a null argument and {@link IllegalArgumentException} for a bad one (an
 * unknown scenario key, a blank kind or type, a negative, infinite or NaN number), and never throw
 * otherwise. The rollback listener never throws into the injector. After {@link #close()} the
 * meters are gone from the registry and recording into them has no visible effect.
 *
 * <p>Thread safety: safe for concurrent use; the {@code record…} methods take no lock except {@link
 * #recordOperation} (a short monitor) and allocate nothing for known label values.
 */
public final class ChaosMetrics implements AutoCloseable {

  /** The Prometheus text exposition format that {@link #exportToPrometheus()} produces. */
  public static final String TEXT_FORMAT_004 = "text/plain; version=0.0.4; charset=utf-8";

  private final ChaosMeterBinder binder;
  private final ChaosMeters meters;
  private final MeterRegistry registry;
  private final PrometheusExport export;

  private ChaosMetrics(Builder b) {
    this.binder = new ChaosMeterBinder(b.injector, b.tags, b.options());
    this.registry = b.registry;
    binder.bindTo(registry);
    this.meters = binder.meters();
    this.export = new PrometheusExport(registry);
  }

  /**
   * Binds {@code injector} to {@code registry} with the defaults: no common tags, a one-minute
   * partial-failure window on the registry's clock, the default {@code kind} and {@code type} sets.
   *
   * @throws IllegalStateException if another binding's meters are still in {@code registry}
   */
  public static ChaosMetrics bind(ChaosInjector injector, MeterRegistry registry) {
    return builder(injector, registry).build();
  }

  /**
   * Binds {@code injector} to a new {@code PrometheusMeterRegistry} of its own, reachable through
   * {@link #registry()}: the shortest way to {@link #exportToPrometheus()}.
   *
   * @throws IllegalStateException if {@code io.micrometer:micrometer-registry-prometheus} was
   *     excluded from the class path (bind to your own registry with {@link #bind(ChaosInjector,
   *     MeterRegistry)} then)
   */
  public static ChaosMetrics bind(ChaosInjector injector) {
    if (!PrometheusPresence.PRESENT) {
      throw new IllegalStateException(
          "ChaosMetrics.bind(injector) makes a PrometheusMeterRegistry, but "
              + PrometheusPresence.ARTIFACT
              + " is not on the class path: add it, or use bind(injector, registry) with the"
              + " registry you have");
    }
    return bind(injector, PrometheusParts.newRegistry());
  }

  /** A builder for a binding with non-default settings. */
  public static Builder builder(ChaosInjector injector, MeterRegistry registry) {
    return new Builder(injector, registry);
  }

  // ---------------------------------------------------------------- recording

  /**
   * Counts one injection of the scenario with key {@code scenarioKey} (for example {@code
   * "net_loss"}) that the bot made itself, as {@code dry_run="false"}. Gate decisions are counted
   * already; see the class description.
   *
   * @throws NullPointerException if {@code scenarioKey} is null
   * @throws IllegalArgumentException if {@code scenarioKey} is not a {@link Scenario#key()}
   */
  public void recordChaosInjection(String scenarioKey) {
    recordChaosInjection(scenario(scenarioKey), false);
  }

  /** Counts one injection (or, with {@code dryRun}, one would-be injection) the bot made itself. */
  public void recordChaosInjection(Scenario scenario, boolean dryRun) {
    Objects.requireNonNull(scenario, "scenario must not be null");
    meters.injections.recordManual(scenario, dryRun);
  }

  /**
   * Counts one reconnect attempt of connection kind {@code kind} ({@code "ws"}, {@code "rest"}, or
   * a kind added to the builder; anything else counts as {@code other}).
   *
   * @throws NullPointerException if {@code kind} is null
   * @throws IllegalArgumentException if {@code kind} is blank
   */
  public void recordReconnectAttempt(String kind) {
    meters.reconnects.counter("kind", kind).increment();
  }

  /**
   * Records the gap between two consecutive WebSocket messages.
   *
   * @throws IllegalArgumentException if {@code gapMs} is negative, infinite or NaN
   */
  public void recordWsGapMs(double gapMs) {
    meters.wsGap.record(nonNegative("gapMs", gapMs));
  }

  /**
   * Counts one discrepancy found by reconcile, of type {@code type} (a {@link MismatchType#key()}
   * or a type added to the builder; anything else counts as {@code other}).
   *
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if {@code type} is blank
   */
  public void recordReconcileDiscrepancy(String type) {
    meters.discrepancies.counter("type", type).increment();
  }

  /** Counts one discrepancy of the given mismatch type. */
  public void recordReconcileDiscrepancy(MismatchType type) {
    Objects.requireNonNull(type, "type must not be null");
    meters.discrepancies.counter("type", type.key()).increment();
  }

  /**
   * Records one bot tick: its duration into {@code mm_tick_total_ms} and, if it missed its
   * deadline, one {@code mm_tick_deadline_miss_total}.
   *
   * @throws IllegalArgumentException if {@code durationMs} is negative, infinite or NaN
   */
  public void recordTick(double durationMs, boolean deadlineMissed) {
    meters.tick.record(nonNegative("durationMs", durationMs));
    if (deadlineMissed) {
      meters.deadlineMiss.increment();
    }
  }

  /**
   * Records one operation for {@code mm_partial_fail_rate}: whether it failed partially (for
   * example a batch of orders of which some were rejected).
   */
  public void recordOperation(boolean partialFailure) {
    meters.partialFails.record(partialFailure);
  }

  // ---------------------------------------------------------------- export and life cycle

  /**
   * The registry's meters in the Prometheus text exposition format 0.0.4 ({@link
   * #TEXT_FORMAT_004}).
   *
   * @throws IllegalStateException if the registry is neither a {@code PrometheusMeterRegistry} nor
   *     a composite holding one (as when {@code micrometer-registry-prometheus} was excluded)
   */
  public String exportToPrometheus() {
    return export.text004();
  }

  /** The registry the meters are registered in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The bound injector. */
  public ChaosInjector injector() {
    return binder.injector();
  }

  /** The common tags every meter carries (empty unless set with {@link Builder#tags}). */
  public Tags tags() {
    return binder.tags();
  }

  /**
   * Removes the rollback listener from the injector and every meter from the registry. Idempotent.
   */
  @Override
  public void close() {
    binder.close();
  }

  // ---------------------------------------------------------------- argument checks

  private static Scenario scenario(String key) {
    Objects.requireNonNull(key, "scenarioKey must not be null");
    try {
      return Scenario.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scenarioKey: " + e.getMessage(), e);
    }
  }

  private static double nonNegative(String argument, double v) {
    if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(argument + " must be a finite number >= 0, but was " + v);
    }
    return v;
  }

  /** Builds a {@link ChaosMetrics} binding. Not thread-safe. */
  public static final class Builder {
    private final ChaosInjector injector;
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();
    private Duration partialFailWindow = Duration.ofMinutes(1);
    private LongSupplier nanoClock;
    private final LabelSet kinds = new LabelSet("reconnectKinds", BindingOptions.DEFAULT_KINDS);
    private final LabelSet types = new LabelSet("discrepancyTypes", BindingOptions.mismatchKeys());

    private Builder(ChaosInjector injector, MeterRegistry registry) {
      Objects.requireNonNull(injector, "injector must not be null");
      Objects.requireNonNull(registry, "registry must not be null");
      this.injector = injector;
      this.registry = registry;
    }

    /**
     * Common tags for every meter of the binding (default none); see {@link ChaosMeterBinder} for
     * the keys that are taken. Replaces tags set before.
     *
     * @throws NullPointerException if {@code tags} is null
     * @throws IllegalArgumentException if a key is taken by the meters
     */
    public Builder tags(Iterable<Tag> tags) {
      Objects.requireNonNull(tags, "tags must not be null");
      this.tags = ChaosMeterBinder.checkedTags(tags);
      return this;
    }

    /**
     * The recent window of {@code mm_partial_fail_rate}, from 1 s to 1 h (default 1 min). The
     * window slides in steps of a twentieth of its length.
     */
    public Builder partialFailWindow(Duration window) {
      Objects.requireNonNull(window, "partialFailWindow");
      if (window.compareTo(Duration.ofSeconds(1)) < 0
          || window.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(
            "partialFailWindow = " + window + " is out of range: must be in [PT1S, PT1H]");
      }
      this.partialFailWindow = window;
      return this;
    }

    /**
     * The clock of the partial-failure window as a Micrometer {@link Clock}, read through its
     * {@code monotonicTime()} (default: the registry's clock). The same setting as {@link
     * #nanoClock}: the later call wins.
     */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      this.nanoClock = clock::monotonicTime;
      return this;
    }

    /**
     * The nano clock of the partial-failure window, as the injector's {@code nanoClock} (default:
     * the registry's clock's {@code monotonicTime()}); in tests, the injector's virtual clock. The
     * same setting as {@link #clock}: the later call wins.
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /**
     * Adds allowed values of {@code kind} besides {@code ws} and {@code rest}: lower-case words
     * ({@value LabelSet#VALUE_PATTERN}), at most {@value LabelSet#MAX_VALUES} in all.
     */
    public Builder reconnectKinds(String... kinds) {
      this.kinds.add(kinds);
      return this;
    }

    /**
     * Adds allowed values of {@code type} besides the {@link MismatchType} keys; rules as kinds.
     */
    public Builder discrepancyTypes(String... types) {
      this.types.add(types);
      return this;
    }

    /**
     * Registers every meter and the rollback listener.
     *
     * @throws IllegalStateException if another binding's meters are still in the registry
     */
    public ChaosMetrics build() {
      return new ChaosMetrics(this);
    }

    private BindingOptions options() {
      return new BindingOptions(kinds.values(), types.values(), partialFailWindow, nanoClock);
    }
  }
}
