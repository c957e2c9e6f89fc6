package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * The {@code mm_ws_gap_ms} histogram, in one of two shapes.
 *
 * <p>On a {@link PrometheusMeterRegistry} it is a Prometheus client_java {@link Histogram}
 * registered in {@link PrometheusMeterRegistry#getPrometheusRegistry()}, with both classic buckets
 * ({@link #BOUNDS_MS}) and native (sparse, exponential) buckets. The text format (0.0.4) carries
 * the classic {@code mm_ws_gap_ms_bucket} series; the protobuf format, which a Prometheus started
 * with {@code --enable-feature=native-histograms} asks for, carries the native histogram, so {@code
 * histogram_quantile(0.95, mm_ws_gap_ms)} works there. Micrometer's own summaries are classic only,
 * which is why this one meter bypasses Micrometer.
 *
 * <p>On any other registry it is a Micrometer {@link DistributionSummary} {@code mm.ws.gap} (base
 * unit ms) with the same classic bucket bounds.
 *
 * <p>Thread safety: safe for concurrent use; recording allocates nothing.
 */
abstract class WsGapHistogram {

  /**
   * Classic bucket upper bounds in ms, 1 ms to 60 s: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 in each decade
   * up to 7.5 s, then 10, 15, 20, 25, 30, 40, 50, 60 s. Neighbouring bounds are at most 1.5 apart,
   * so a quantile interpolated inside a bucket is off by well under a factor of 1.5.
   */
  static final double[] BOUNDS_MS = bounds();

  abstract void record(double gapMs);

  /** Removes the histogram from its registry. */
  abstract void remove();

  static WsGapHistogram register(MeterRegistry registry, List<Meter> registered) {
    if (registry instanceof PrometheusMeterRegistry) {
      return new Native(((PrometheusMeterRegistry) registry).getPrometheusRegistry());
    }
    DistributionSummary s =
        DistributionSummary.builder(MeterNames.WS_GAP)
            .description(MeterNames.WS_GAP_HELP)
            .baseUnit(MeterNames.MS)
            .serviceLevelObjectives(BOUNDS_MS)
            .register(registry);
    registered.add(s);
    return new Classic(s);
  }

  private static double[] bounds() {
    double[] steps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5};
    double[] tail = {10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000};
    double[] b = new double[steps.length * 4 + tail.length];
    int n = 0;
    for (double decade = 1; decade <= 1000; decade *= 10) {
      for (double s : steps) {
        b[n++] = s * decade;
      }
    }
    for (double t : tail) {
      b[n++] = t;
    }
    return b;
  }

  private static final class Native extends WsGapHistogram {
    private final PrometheusRegistry target;
    private final Histogram histogram;

    Native(PrometheusRegistry target) {
      this.target = target;
      this.histogram =
          Histogram.builder()
              .name(MeterNames.WS_GAP_PROMETHEUS)
              .help(MeterNames.WS_GAP_HELP)
              .classicUpperBounds(BOUNDS_MS)
              .withoutExemplars()
              .build();
      target.register(histogram);
    }

    @Override
    void record(double gapMs) {
      histogram.observe(gapMs);
    }

    @Override
    void remove() {
      target.unregister(histogram);
    }
  }

  private static final class Classic extends WsGapHistogram {
    private final DistributionSummary summary;

    Classic(DistributionSummary summary) {
      this.summary = summary;
    }

    @Override
    void record(double gapMs) {
      summary.record(gapMs);
    }

    @Override
    void remove() {
      // Removed with the other Micrometer meters.
    }
  }
}
