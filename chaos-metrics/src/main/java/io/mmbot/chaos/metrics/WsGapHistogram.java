package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code mm_ws_gap_ms} histogram, in one of two shapes.
 *
 * <p>On a {@code PrometheusMeterRegistry} it is a collector registered in the registry's {@code
 * getPrometheusRegistry()} that exports a client_java histogram with both classic buckets ({@link
 * #BOUNDS_MS}) and native (sparse, exponential) buckets, counted as the client's {@code Histogram}
 * counts them but in primitive arrays ({@link GapBuckets}). The text format (0.0.4) carries the
 * classic {@code mm_ws_gap_ms_bucket} series; the protobuf format, which a Prometheus started with
 * {@code --enable-feature=native-histograms} asks for, carries the native histogram, so {@code
 * histogram_quantile(0.95, mm_ws_gap_ms)} works there. Micrometer's own summaries are classic only,
 * which is why this one meter bypasses Micrometer.
 *
 * <p>On any other registry, and whenever the Prometheus registry is not on the class path, it is a
 * Micrometer {@link DistributionSummary} {@code mm.ws.gap} (base unit ms) with the same classic
 * bucket bounds. The Prometheus shape lives in {@link PrometheusParts}.
 *
 * <p>Either shape carries the binding's common tags: the native one as constant labels, named by
 * the registry's naming convention as Micrometer names the tags of its own meters. Common tags
 * configured on the registry itself ({@code registry.config().commonTags(…)}) reach only Micrometer
 * meters, so the native histogram does not carry those.
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

  /** Registers the histogram of the registry's kind; {@code registration} removes it again. */
  static WsGapHistogram register(Registration registration) {
    if (PrometheusPresence.PRESENT) {
      WsGapHistogram h = PrometheusParts.nativeGapHistogram(registration);
      if (h != null) {
        return h;
      }
    }
    MeterRegistry registry = registration.registry();
    return new Classic(
        registration.add(
            DistributionSummary.builder(MeterNames.WS_GAP)
                .description(MeterNames.WS_GAP_HELP)
                .baseUnit(MeterNames.MS)
                .serviceLevelObjectives(BOUNDS_MS)
                .tags(registration.tags())
                .register(registry)));
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

  private static final class Classic extends WsGapHistogram {
    private final DistributionSummary summary;

    Classic(DistributionSummary summary) {
      this.summary = summary;
    }

    @Override
    void record(double gapMs) {
      summary.record(gapMs);
    }
  }
}
