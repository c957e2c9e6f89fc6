package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The native {@code mm_ws_gap_ms} histogram exports what the Prometheus client's own {@code
 * Histogram}, built with the same settings, exports for the same observations: classic buckets,
 * native schema, zero bucket, native buckets, sum and count, name, help and labels, after every
 * step of a long sequence (including the scale-downs of a wide range of values and buckets below 1
 * ms), and the same text-format lines.
 */
class NativeGapEquivalenceTest {

  private static final String NAME = "mm_ws_gap_ms";

  private final ChaosInjector injector =
      ChaosInjector.builder().config(ChaosConfig.builder().enabled(false).build()).build();

  @Test
  void feedLikeGaps() {
    SplittableRandom r = new SplittableRandom(11);
    compare(
        () -> 200 * Math.exp(0.3 * r.nextGaussian()) + (r.nextInt(50) == 0 ? 3_000 : 0), 20_000);
  }

  @Test
  void wideRangeScalesDownAsTheClientDoes() {
    SplittableRandom r = new SplittableRandom(12);
    // 1e-6 ms to 1e7 ms, with zeros: several scale-downs, buckets with negative indexes merged.
    compare(() -> r.nextInt(40) == 0 ? 0.0 : Math.pow(10, -6 + 13 * r.nextDouble()), 20_000);
  }

  @Test
  void boundariesAndExtremes() {
    SplittableRandom r = new SplittableRandom(13);
    double[] special = {
      0.0,
      -0.0,
      1.0,
      0.5,
      2.0,
      1.5,
      7.5,
      60_000,
      1e-300,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      Math.pow(2, -128),
      Math.nextUp(Math.pow(2, -128)),
      Math.pow(2, 0.5)
    };
    compare(
        () ->
            r.nextBoolean()
                ? special[r.nextInt(special.length)]
                : Math.scalb(1.0 + r.nextInt(64) / 64.0, r.nextInt(-60, 60)),
        5_000,
        Tags.empty());
  }

  private void compare(DoubleSupplier values, int n) {
    compare(values, n, Tags.of("bot", "mm1"));
  }

  private void compare(DoubleSupplier values, int n, Tags tags) {
    PrometheusMeterRegistry ours = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusMeterRegistry reference = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Histogram client =
        Histogram.builder()
            .name(MeterNames.WS_GAP_PROMETHEUS)
            .help(MeterNames.WS_GAP_HELP)
            .classicUpperBounds(WsGapHistogram.BOUNDS_MS)
            .constLabels(labels(tags))
            .withoutExemplars()
            .build();
    reference.getPrometheusRegistry().register(client);
    try (ChaosMetrics metrics = ChaosMetrics.builder(injector, ours).tags(tags).build()) {
      for (int i = 1; i <= n; i++) {
        double v = values.getAsDouble();
        metrics.recordWsGapMs(v);
        client.observe(v);
        if (i % 500 == 0 || i < 20) {
          assertSame(collect(ours), collect(reference), i);
        }
      }
      assertThat(textLines(ours)).isEqualTo(textLines(reference));
      HistogramDataPointSnapshot last = collect(ours).getDataPoints().get(0);
      assertThat(last.getCount()).isEqualTo(n);
    }
  }

  private static Labels labels(Tags tags) {
    Labels.Builder b = Labels.builder();
    tags.forEach(t -> b.label(t.getKey(), t.getValue()));
    return b.build();
  }

  private static HistogramSnapshot collect(PrometheusMeterRegistry registry) {
    MetricSnapshots all = registry.getPrometheusRegistry().scrape(NAME::equals);
    assertThat(all.size()).isEqualTo(1);
    MetricSnapshot s = all.get(0);
    assertThat(s).isInstanceOf(HistogramSnapshot.class);
    return (HistogramSnapshot) s;
  }

  private static void assertSame(HistogramSnapshot a, HistogramSnapshot b, int step) {
    String at = "after " + step + " observations";
    assertThat(a.getMetadata().getPrometheusName()).isEqualTo(b.getMetadata().getPrometheusName());
    assertThat(a.getMetadata().getHelp()).isEqualTo(b.getMetadata().getHelp());
    assertThat(a.isGaugeHistogram()).isEqualTo(b.isGaugeHistogram());
    assertThat(a.getDataPoints()).hasSize(1);
    assertThat(b.getDataPoints()).hasSize(1);
    HistogramDataPointSnapshot x = a.getDataPoints().get(0);
    HistogramDataPointSnapshot y = b.getDataPoints().get(0);
    assertThat(x.getLabels().toString()).as(at).isEqualTo(y.getLabels().toString());
    assertThat(x.getCount()).as(at).isEqualTo(y.getCount());
    assertThat(Double.doubleToLongBits(x.getSum()))
        .as(at + ": sum " + x.getSum() + " vs " + y.getSum())
        .isEqualTo(Double.doubleToLongBits(y.getSum()));
    assertThat(classic(x)).as(at).isEqualTo(classic(y));
    assertThat(x.hasNativeHistogramData()).as(at).isEqualTo(y.hasNativeHistogramData());
    assertThat(x.getNativeSchema()).as(at).isEqualTo(y.getNativeSchema());
    assertThat(x.getNativeZeroCount()).as(at).isEqualTo(y.getNativeZeroCount());
    assertThat(x.getNativeZeroThreshold()).as(at).isEqualTo(y.getNativeZeroThreshold());
    assertThat(buckets(x.getNativeBucketsForPositiveValues()))
        .as(at)
        .isEqualTo(buckets(y.getNativeBucketsForPositiveValues()));
    assertThat(buckets(x.getNativeBucketsForNegativeValues()))
        .as(at)
        .isEqualTo(buckets(y.getNativeBucketsForNegativeValues()));
    assertThat(x.getExemplars().size()).isEqualTo(y.getExemplars().size());
  }

  private static List<String> classic(HistogramDataPointSnapshot p) {
    List<String> out = new ArrayList<>();
    p.getClassicBuckets().forEach(b -> out.add(b.getUpperBound() + ":" + b.getCount()));
    return out;
  }

  private static List<String> buckets(NativeHistogramBuckets b) {
    List<String> out = new ArrayList<>();
    b.forEach(x -> out.add(x.getBucketIndex() + ":" + x.getCount()));
    return out;
  }

  private static List<String> textLines(PrometheusMeterRegistry registry) {
    return registry
        .scrape(ChaosMetrics.TEXT_FORMAT_004)
        .lines()
        .filter(l -> l.contains(NAME))
        .collect(Collectors.toList());
  }
}
