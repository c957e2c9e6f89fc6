package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The text export of {@link ChaosMetrics#exportToPrometheus()}: finds the Prometheus registry (the
 * bound one, or the first inside a composite, depth first) once, and scrapes it on demand.
 *
 * <p>Thread safety: immutable; scraping is as thread-safe as the Prometheus registry.
 */
final class PrometheusExport {

  private final PrometheusMeterRegistry prometheus;
  private final String boundType;

  PrometheusExport(MeterRegistry registry) {
    this.prometheus = find(registry);
    this.boundType = registry.getClass().getName();
  }

  /**
   * The registry's meters in the text exposition format 0.0.4.
   *
   * @throws IllegalStateException if no Prometheus registry was found
   */
  String text004() {
    if (prometheus == null) {
      throw new IllegalStateException(
          "exportToPrometheus needs a PrometheusMeterRegistry (alone or inside a composite);"
              + " the bound registry is a "
              + boundType);
    }
    return prometheus.scrape(ChaosMetrics.TEXT_FORMAT_004);
  }

  private static PrometheusMeterRegistry find(MeterRegistry r) {
    if (r instanceof PrometheusMeterRegistry) {
      return (PrometheusMeterRegistry) r;
    }
    if (r instanceof CompositeMeterRegistry) {
      for (MeterRegistry child : ((CompositeMeterRegistry) r).getRegistries()) {
        PrometheusMeterRegistry p = find(child);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
