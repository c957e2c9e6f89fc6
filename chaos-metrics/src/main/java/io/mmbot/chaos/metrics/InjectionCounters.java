package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code mm_chaos_injections_total{scenario,dry_run}}: one function counter per scenario and mode,
 * reading the injector's exact counters ({@link ChaosInjector#injections}, {@link
 * ChaosInjector#wouldBeInjections}) at scrape time, plus a {@link LongAdder} of injections the bot
 * recorded itself. The gates therefore pay nothing for this metric.
 *
 * <p>Thread safety: safe for concurrent use; {@link #recordManual} allocates nothing.
 */
final class InjectionCounters {

  private static final Scenario[] SCENARIOS = Scenario.values();

  private final LongAdder[] manual = new LongAdder[SCENARIOS.length * 2];

  // A function counter holds its object weakly; the injector stays reachable through the state
  // gauges, which hold it strongly, for as long as the meters are registered.
  InjectionCounters(ChaosInjector injector, Registration registration) {
    for (Scenario s : SCENARIOS) {
      for (boolean dryRun : new boolean[] {false, true}) {
        LongAdder own = new LongAdder();
        manual[slot(s, dryRun)] = own;
        registration.add(
            FunctionCounter.builder(
                    MeterNames.INJECTIONS,
                    injector,
                    i -> (dryRun ? i.wouldBeInjections(s) : i.injections(s)) + own.sum())
                .description(MeterNames.INJECTIONS_HELP)
                .tags(registration.tags())
                .tag(MeterNames.TAG_SCENARIO, s.key())
                .tag(MeterNames.TAG_DRY_RUN, Boolean.toString(dryRun))
                .register(registration.registry()));
      }
    }
  }

  /** Counts one injection the bot made (or, with {@code dryRun}, would have made) itself. */
  void recordManual(Scenario scenario, boolean dryRun) {
    manual[slot(scenario, dryRun)].increment();
  }

  private static int slot(Scenario s, boolean dryRun) {
    return s.ordinal() * 2 + (dryRun ? 1 : 0);
  }
}
