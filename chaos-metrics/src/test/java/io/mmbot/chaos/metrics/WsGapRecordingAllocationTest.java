package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Recording a WebSocket gap into the Prometheus registry's native histogram allocates nothing, as
 * the facade's javadoc promises: the thread's allocated bytes over 10,000 recordings stay within a
 * bound far below one object per recording.
 */
class WsGapRecordingAllocationTest {

  private static final int RECORDS = 10_000;
  // The measurement itself may allocate a little (the first call of the counter); one object of 16
  // bytes per recording would be 160,000 bytes.
  private static final long BOUND_BYTES = 2_048;

  @Test
  void recordingIntoTheNativeHistogramAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long me = Thread.currentThread().getId();
    ChaosInjector injector =
        ChaosInjector.builder().config(ChaosConfig.builder().enabled(false).build()).build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector, registry)) {
      // Warm up over the same values: every bucket the measured loop reaches exists already.
      for (int round = 0; round < 3; round++) {
        record(metrics);
      }
      threads.getThreadAllocatedBytes(me);
      long before = threads.getThreadAllocatedBytes(me);
      record(metrics);
      long allocated = threads.getThreadAllocatedBytes(me) - before;
      assertThat(allocated).as("bytes allocated by %d recordings", RECORDS).isLessThan(BOUND_BYTES);
      assertThat(metrics.exportToPrometheus())
          .contains("mm_ws_gap_ms_count " + (4 * RECORDS))
          .doesNotContain("mm_ws_gap_ms_count 0");
    }
  }

  /** Gaps as a market-data feed has them: about 200 ms, some short, now and then a long one. */
  private static void record(ChaosMetrics metrics) {
    for (int i = 0; i < RECORDS; i++) {
      double gap = (i % 97 == 0) ? 1_500.0 + i % 13 : 150.0 + (i * 37 % 101) + (i % 7) * 0.25;
      metrics.recordWsGapMs(gap);
    }
  }
}
