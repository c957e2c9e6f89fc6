package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mmbot.chaos.ChaosInjector;
import java.util.function.LongSupplier;

/**
 * Every meter of one binding, registered when this object is built and held for recording: the
 * state {@link ChaosMeterBinder#bindTo} creates and {@link ChaosMetrics} records into. Building it
 * registers the meters only; adding the rollback listener to the injector is the binder's job.
 *
 * <p>Thread safety: the fields are final and each recorder is safe for concurrent use.
 */
final class ChaosMeters {

  final InjectionCounters injections;
  final BoundedCounters reconnects;
  final BoundedCounters discrepancies;
  final SlidingRatio partialFails;
  final WsGapHistogram wsGap;
  final DistributionSummary tick;
  final Counter deadlineMiss;
  final RollbackCounters rollbacks;

  private final Registration registration;

  /**
   * Registers every meter through {@code registration}. On failure the caller removes what was
   * registered with {@link Registration#removeAll()}.
   */
  ChaosMeters(ChaosInjector injector, Registration registration, BindingOptions options) {
    this.registration = registration;
    MeterRegistry registry = registration.registry();
    LongSupplier nanoClock =
        options.nanoClock() != null
            ? options.nanoClock()
            : registry.config().clock()::monotonicTime;
    injections = new InjectionCounters(injector, registration);
    reconnects =
        new BoundedCounters(
            registration,
            MeterNames.RECONNECTS,
            MeterNames.RECONNECTS_HELP,
            MeterNames.TAG_KIND,
            options.kinds());
    discrepancies =
        new BoundedCounters(
            registration,
            MeterNames.RECONCILE,
            MeterNames.RECONCILE_HELP,
            MeterNames.TAG_TYPE,
            options.types());
    partialFails = new SlidingRatio(nanoClock, options.partialFailWindow().toNanos());
    registration.add(
        Gauge.builder(MeterNames.PARTIAL_FAIL_RATE, partialFails, SlidingRatio::ratio)
            .description(MeterNames.PARTIAL_FAIL_RATE_HELP)
            .tags(registration.tags())
            .strongReference(true)
            .register(registry));
    wsGap = WsGapHistogram.register(registration);
    tick =
        registration.add(
            DistributionSummary.builder(MeterNames.TICK)
                .description(MeterNames.TICK_HELP)
                .baseUnit(MeterNames.MS)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(60_000.0)
                .tags(registration.tags())
                .register(registry));
    deadlineMiss =
        registration.add(
            Counter.builder(MeterNames.DEADLINE_MISS)
                .description(MeterNames.DEADLINE_MISS_HELP)
                .tags(registration.tags())
                .register(registry));
    registration.add(
        Gauge.builder(MeterNames.ENABLED, injector, i -> i.enabled() ? 1 : 0)
            .description(MeterNames.ENABLED_HELP)
            .tags(registration.tags())
            .strongReference(true)
            .register(registry));
    registration.add(
        Gauge.builder(MeterNames.BURST_ACTIVE, injector, i -> i.burstActive() ? 1 : 0)
            .description(MeterNames.BURST_ACTIVE_HELP)
            .tags(registration.tags())
            .strongReference(true)
            .register(registry));
    rollbacks = new RollbackCounters(registration);
  }

  /**
   * Stops new rollback reasons from registering, then removes every meter. Call after the rollback
   * listener is off the injector.
   */
  void remove() {
    // close() waits for a registration in progress, so removeAll() sees that meter as well.
    rollbacks.close();
    registration.removeAll();
  }
}
