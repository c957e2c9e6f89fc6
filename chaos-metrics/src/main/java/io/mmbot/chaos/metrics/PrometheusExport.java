package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The text export of {@link ChaosMetrics#exportToPrometheus()}: finds the Prometheus registry (the
 * bound one, or the first inside a composite, depth first) once, and scrapes it on demand. Without
 * the Prometheus registry on the class path there is nothing to find, and the export says so.
 *
 * <p>Thread safety: immutable; scraping is as thread-safe as the Prometheus registry.
 */
final class PrometheusExport {

  private final Supplier<String> scrape;
  private final String boundType;

  PrometheusExport(MeterRegistry registry) {
    this.scrape = PrometheusPresence.PRESENT ? PrometheusParts.scraper(registry) : null;
    this.boundType = registry.getClass().getName();
  }

  /**
   * The registry's meters in the text exposition format 0.0.4.
   *
   * @throws IllegalStateException if no Prometheus registry was found
   */
  String text004() {
    if (scrape == null) {
      throw new IllegalStateException(
          "exportToPrometheus needs a PrometheusMeterRegistry (alone or inside a composite);"
              + " the bound registry is a "
              + boundType
              + (PrometheusPresence.PRESENT
                  ? ""
                  : ", and " + PrometheusPresence.ARTIFACT + " is not on the class path"));
    }
    return scrape.get();
  }
}
