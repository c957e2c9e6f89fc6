package io.mmbot.chaos.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.concurrent.ThreadLocalRandom;
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
 * Cost of one {@code shouldInjectNetLoss()} call on the bot's hot path, next to the baselines it is
 * judged against, all in one run so that only ratios are compared:
 *
 * <ul>
 *   <li>{@code baseline_empty}: a method that returns a constant.
 *   <li>{@code baseline_randomDraw}: the bare draw a gate needs, {@code
 *       ThreadLocalRandom.current().nextLong() >>> 1 < threshold}.
 *   <li>{@code naive_gate}: what a hand-rolled gate does: {@code System.nanoTime()}, a modulo on
 *       the burst period, a {@code nextDouble()} draw.
 *   <li>{@code disabled}, {@code enabledBurstOff}, {@code enabledBurstOn}: the injector with chaos
 *       off, on but between bursts, and on inside a burst at p = 0.3 (default time source).
 *   <li>{@code enabledBurstOn_withMetrics}: the same gate with {@code ChaosMetrics} bound to a
 *       Prometheus registry; the difference to {@code enabledBurstOn} is what metrics cost.
 *   <li>{@code baseline_counterIncrement}: a pre-registered Micrometer counter's {@code
 *       increment()}, the yardstick for that difference.
 *   <li>{@code guard_recordTick}, {@code guard_recordOperation}: the rollback guard's recording
 *       calls (chaos on, default clock; the once-a-second evaluation is included, amortised), next
 *       to {@code baseline_summaryRecord}: a Micrometer {@code DistributionSummary.record} with a
 *       percentile histogram, as chaos-metrics registers {@code mm_tick_total_ms}. Target:
 *       recordTick at most 0.35 times that call, 0 B/op.
 * </ul>
 *
 * <p>Run, single-threaded and with two threads, with the allocation profiler:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HotPathBenchmark -t 1 -prof gc
 * java -jar benchmarks/target/benchmarks.jar HotPathBenchmark -t 2 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathBenchmark {

  private static final double P = 0.3;
  private static final long THRESHOLD = (long) (P * 0x1p63);
  private static final long ON_NANOS = 30_000_000_000L;
  private static final long PERIOD_NANOS = 120_000_000_000L;

  private ChaosInjector disabled;
  private ChaosInjector burstOff;
  private ChaosInjector burstOn;
  private long naiveStart;
  private ChaosInjector burstOnWithMetrics;
  private ChaosMetrics metrics;
  private Counter counter;
  private RollbackGuard guard;
  private DistributionSummary summary;
  private long tick;

  @Setup
  public void setUp() throws InterruptedException {
    disabled = ChaosInjector.create(ChaosConfig.defaults());
    burstOn =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(P).burstOffSec(0).build());
    burstOff =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .netLoss(P)
                .burstOnSec(1)
                .burstOffSec(86_400)
                .build());
    burstOnWithMetrics =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(P).burstOffSec(0).build());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics = ChaosMetrics.bind(burstOnWithMetrics, registry);
    counter = Counter.builder("mm.bench.baseline").register(registry);
    summary =
        DistributionSummary.builder("mm.bench.summary")
            .baseUnit("ms")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(60_000.0)
            .register(registry);
    guard = RollbackGuard.builder(burstOn).build();
    // Let the one-second burst pass so that every measured call is between bursts.
    Thread.sleep(1_200);
    if (burstOff.burstActive() || !burstOn.burstActive()) {
      throw new IllegalStateException("burst states not as the benchmark expects");
    }
    naiveStart = System.nanoTime();
  }

  @TearDown
  public void tearDown() {
    guard.close();
    metrics.close();
  }

  @Benchmark
  public boolean baseline_empty() {
    return false;
  }

  @Benchmark
  public boolean baseline_randomDraw() {
    return (ThreadLocalRandom.current().nextLong() >>> 1) < THRESHOLD;
  }

  @Benchmark
  public boolean naive_gate() {
    long elapsed = System.nanoTime() - naiveStart;
    boolean active = elapsed % PERIOD_NANOS < ON_NANOS;
    return active && ThreadLocalRandom.current().nextDouble() < P;
  }

  @Benchmark
  public boolean disabled() {
    return disabled.shouldInjectNetLoss();
  }

  @Benchmark
  public boolean enabledBurstOff() {
    return burstOff.shouldInjectNetLoss();
  }

  @Benchmark
  public boolean enabledBurstOn() {
    return burstOn.shouldInjectNetLoss();
  }

  @Benchmark
  public boolean enabledBurstOn_withMetrics() {
    return burstOnWithMetrics.shouldInjectNetLoss();
  }

  @Benchmark
  public void baseline_counterIncrement() {
    counter.increment();
  }

  /** A tick duration that varies from call to call (150-405 ms), so nothing is constant-folded. */
  private long nextTickNanos() {
    return 150_000_000L + ((++tick & 0xFF) << 20);
  }

  @Benchmark
  public void guard_recordTick() {
    long t = nextTickNanos();
    guard.recordTick(t, (t & 0x7F00000L) == 0);
  }

  @Benchmark
  public void guard_recordOperation() {
    guard.recordOperation((++tick & 0x3F) == 0);
  }

  @Benchmark
  public void baseline_summaryRecord() {
    summary.record(nextTickNanos() / 1e6);
  }
}
