package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Arrays;
import java.util.List;
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
    target.register(h);
    registration.onRemove(() -> target.unregister(h));
    return h;
  }

  private static Labels labels(Iterable<Tag> tags, NamingConvention convention) {
    Labels.Builder b = Labels.builder();
    for (Tag t : tags) {
      b.label(convention.tagKey(t.getKey()), convention.tagValue(t.getValue()));
    }
    return b.build();
  }

  /**
   * The histogram as a Prometheus collector: counts kept in {@link GapBuckets} (recording allocates
   * nothing), exported as the client's {@code Histogram} with classic and native buckets would
   * export them. A client histogram built with the same settings, never observed, supplies the
   * name, help, type and label names, so the registry sees the same metric family as before.
   */
  private static final class NativeGap extends WsGapHistogram implements Collector {
    private final MetricFamilyDescriptor family;
    private final Labels constLabels;
    private final GapBuckets buckets;
    private final long createdMillis = System.currentTimeMillis();

    NativeGap(Labels constLabels) {
      this.constLabels = constLabels;
      this.family = constLabels.isEmpty() ? Unlabelled.FAMILY : family(constLabels);
      this.buckets = new GapBuckets(UPPER_BOUNDS);
    }

    private static final double[] UPPER_BOUNDS = upperBounds();

    private static double[] upperBounds() {
      double[] upper = Arrays.copyOf(BOUNDS_MS, BOUNDS_MS.length + 1);
      upper[BOUNDS_MS.length] = Double.POSITIVE_INFINITY;
      return upper;
    }

    private static MetricFamilyDescriptor family(Labels constLabels) {
      return Histogram.builder()
          .name(MeterNames.WS_GAP_PROMETHEUS)
          .help(MeterNames.WS_GAP_HELP)
          .classicUpperBounds(BOUNDS_MS)
          .constLabels(constLabels)
          .withoutExemplars()
          .build()
          .getMetricFamilyDescriptor();
    }

    /** The family without common tags, built once (a binding is made per run in a test suite). */
    private static final class Unlabelled {
      static final MetricFamilyDescriptor FAMILY = family(Labels.EMPTY);
    }

    @Override
    void record(double gapMs) {
      buckets.observe(gapMs);
    }

    @Override
    public HistogramSnapshot collect() {
      GapBuckets.Snapshot s = buckets.snapshot();
      HistogramSnapshot.HistogramDataPointSnapshot point =
          new HistogramSnapshot.HistogramDataPointSnapshot(
              ClassicHistogramBuckets.of(s.classicUpperBounds(), s.classicCounts()),
              s.schema(),
              s.zeroCount(),
              GapBuckets.ZERO_THRESHOLD,
              NativeHistogramBuckets.of(s.positiveIndexes(), s.positiveCounts()),
              NativeHistogramBuckets.EMPTY,
              s.sum(),
              constLabels,
              Exemplars.EMPTY,
              createdMillis);
      return new HistogramSnapshot(family.getMetadata(), List.of(point));
    }

    @Override
    public MetricFamilyDescriptor getMetricFamilyDescriptor() {
      return family;
    }
  }
}
