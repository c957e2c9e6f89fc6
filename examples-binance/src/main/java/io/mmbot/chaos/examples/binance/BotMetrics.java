package io.mmbot.chaos.examples.binance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.metrics.ChaosMetrics;

/**
 * The bot's metrics in one Prometheus registry: mm-chaos's {@link ChaosMetrics} (the tick histogram
 * {@code mm_tick_total_ms}, {@code mm_tick_deadline_miss_total}, {@code
 * mm_reconnect_attempts_total{kind}}, {@code mm_ws_gap_ms}, the injector's state) and the bot's
 * guards, {@code mm_bot_guard_active{reason}} (0/1) and {@code mm_bot_guards_raised_total{reason}}
 * (raises, so that a guard held for one tick between two scrapes is still seen).
 *
 * <p>A meter filter adds the tick deadline and 250 ms as bucket edges of {@code mm_tick_total_ms}
 * (Micrometer's own edges around them are 178.96 and 223.70, 268.44 ms), so that a judge reading
 * the buckets can tell a missed deadline and a tick over 250 ms exactly.
 *
 * <p>Guard updates come from the tick thread only; the registry reads the gauges at scrape time.
 */
final class BotMetrics implements AutoCloseable {

  private static final GuardReason[] REASONS = GuardReason.values();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ChaosMetrics chaos;
  private final int[] active = new int[REASONS.length];
  private final Counter[] raised = new Counter[REASONS.length];
  private int mask;

  BotMetrics(ChaosInjector injector, long tickDeadlineMs) {
    registry.config().meterFilter(tickEdges(tickDeadlineMs, 250));
    this.chaos = ChaosMetrics.bind(injector, registry);
    for (GuardReason r : REASONS) {
      int i = r.ordinal();
      Gauge.builder("mm.bot.guard.active", active, a -> a[i])
          .description("1 while the bot's guard for this reason pauses quoting, else 0")
          .tag("reason", r.name())
          .strongReference(true)
          .register(registry);
      raised[i] =
          Counter.builder("mm.bot.guards.raised")
              .description("Times the bot's guard for this reason went from clear to raised")
              .tag("reason", r.name())
              .register(registry);
    }
  }

  /** Adds {@code edgesMs} to the buckets of the tick histogram. */
  static MeterFilter tickEdges(double... edgesMs) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("mm.tick.total")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(edgesMs)
            .build()
            .merge(config);
      }
    };
  }

  /** mm-chaos's metrics facade, for ticks, reconnects, WebSocket gaps and discrepancies. */
  ChaosMetrics chaos() {
    return chaos;
  }

  /** Sets the guards now raised (a mask of {@link GuardReason#bit()}). */
  void guards(int guards) {
    int rising = guards & ~mask;
    mask = guards;
    for (GuardReason r : REASONS) {
      int i = r.ordinal();
      active[i] = (guards & r.bit()) != 0 ? 1 : 0;
      if ((rising & r.bit()) != 0) {
        raised[i].increment();
      }
    }
  }

  /** Everything in the Prometheus text format 0.0.4. */
  String scrape() {
    return registry.scrape(ChaosMetrics.TEXT_FORMAT_004);
  }

  @Override
  public void close() {
    chaos.close();
    registry.close();
  }
}
