package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.function.Supplier;

/**
 * Every use of a type of the Micrometer Prometheus registry or the Prometheus client: the registry
 * {@link ChaosMetrics#bind(io.mmbot.chaos.ChaosInjector)} makes, the scrape behind {@link
 * ChaosMetrics#exportToPrometheus()}, and the native {@code mm_ws_gap_ms} histogram. The rest of
 * the module reaches this class only when {@link PrometheusPresence#PRESENT} says the registry is
 * on the class path, so a program that excluded it never loads a class that names one of those
 * types.
 */
final class PrometheusParts {

  private PrometheusParts() {}

  /**
   * A new Prometheus registry with the default settings. Only when {@link
   * PrometheusPresence#PRESENT}.
   */
  static MeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /**
   * The text-format scrape of the Prometheus registry in {@code registry} (itself, or the first
   * inside a composite, depth first), or null if there is none. Only when {@link
   * PrometheusPresence#PRESENT}.
   */
  static Supplier<String> scraper(MeterRegistry registry) {
    PrometheusMeterRegistry p = find(registry);
    return p == null ? null : () -> p.scrape(ChaosMetrics.TEXT_FORMAT_004);
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

  /**
   * The native {@code mm_ws_gap_ms} histogram registered in the registration's Prometheus registry,
   * or null if the registry is not a Prometheus one. Only when {@link PrometheusPresence#PRESENT}.
   */
  static WsGapHistogram nativeGapHistogram(Registration registration) {
    MeterRegistry registry = registration.registry();
    if (!(registry instanceof PrometheusMeterRegistry)) {
      return null;
    }
    PrometheusRegistry target = ((PrometheusMeterRegistry) registry).getPrometheusRegistry();
    NativeGap h = new NativeGap(labels(registration.tags(), registry.config().namingConvention()));
    target.register(h.histogram);
    registration.onRemove(() -> target.unregister(h.histogram));
    return h;
  }

  private static Labels labels(Iterable<Tag> tags, NamingConvention convention) {
    Labels.Builder b = Labels.builder();
    for (Tag t : tags) {
      b.label(convention.tagKey(t.getKey()), convention.tagValue(t.getValue()));
    }
    return b.build();
  }

  /** The Prometheus client histogram, with classic and native buckets. */
  private static final class NativeGap extends WsGapHistogram {
    private final Histogram histogram;

    NativeGap(Labels constLabels) {
      this.histogram =
          Histogram.builder()
              .name(MeterNames.WS_GAP_PROMETHEUS)
              .help(MeterNames.WS_GAP_HELP)
              .classicUpperBounds(BOUNDS_MS)
              .constLabels(constLabels)
              .withoutExemplars()
              .build();
    }

    @Override
    void record(double gapMs) {
      histogram.observe(gapMs);
    }
  }
}
