package io.mmbot.chaos.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of recording one WebSocket gap, {@code ChaosMetrics.recordWsGapMs}, on a Prometheus registry
 * (the native {@code mm_ws_gap_ms} histogram), next to its yardsticks in the same run:
 *
 * <ul>
 *   <li>{@code baseline_counterIncrement}: a pre-registered Micrometer counter's {@code
 *       increment()} in the same registry.
 *   <li>{@code clientHistogram_observe}: Prometheus client_java's own {@code Histogram.observe}
 *       with the same classic bounds (44) and native buckets, which {@code recordWsGapMs} recorded
 *       into before (it allocates on every observation).
 *   <li>{@code recordWsGapMs}: the facade's call, argument check included.
 * </ul>
 *
 * <p>The gaps cycle through 1,024 values drawn once (log-normal around 200 ms, one in fifty a
 * second or more), so every call lands in an existing bucket, as it does on a steady feed. Compare
 * ratios to the counter, and the allocation rate ({@code gc.alloc.rate.norm}, B/op, should be 0 for
 * {@code recordWsGapMs}):
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar WsGapRecordBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WsGapRecordBenchmark {

  private static final int MASK = 1023;

  private final double[] gaps = new double[MASK + 1];
  private ChaosMetrics metrics;
  private Counter counter;
  private Histogram client;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = 200 * Math.exp(0.3 * r.nextGaussian()) + (r.nextInt(50) == 0 ? 1_000 : 0);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics = ChaosMetrics.bind(ChaosInjector.create(ChaosConfig.defaults()), registry);
    counter = Counter.builder("mm.bench.baseline").register(registry);
    client =
        Histogram.builder()
            .name("mm_bench_client_histogram")
            .help("the client's histogram, for comparison")
            .classicUpperBounds(gapBounds())
            .withoutExemplars()
            .build();
  }

  @TearDown
  public void tearDown() {
    metrics.close();
  }

  /** The 44 classic bounds of {@code mm_ws_gap_ms} (docs/metrics.md). */
  private static double[] gapBounds() {
    double[] steps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5};
    double[] tail = {10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000};
    double[] b = new double[steps.length * 4 + tail.length];
    int n = 0;
    for (double decade = 1; decade <= 1_000; decade *= 10) {
      for (double s : steps) {
        b[n++] = s * decade;
      }
    }
    for (double t : tail) {
      b[n++] = t;
    }
    return b;
  }

  private double gap() {
    return gaps[next++ & MASK];
  }

  @Benchmark
  public void baseline_counterIncrement() {
    counter.increment();
  }

  @Benchmark
  public void clientHistogram_observe() {
    client.observe(gap());
  }

  @Benchmark
  public void recordWsGapMs() {
    metrics.recordWsGapMs(gap());
  }
}
