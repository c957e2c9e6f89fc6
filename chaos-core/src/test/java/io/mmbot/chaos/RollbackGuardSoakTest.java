package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.time.VirtualTime;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Long runs and many threads: bounded cost, nothing lost, nothing thrown. */
class RollbackGuardSoakTest {

  private static final long MS = 1_000_000L;

  /**
   * A healthy bot, chaos on for eight virtual hours after a chaos-free start, five ticks a second:
   * ticks of 150-210 ms (the baseline), one tick in a hundred misses its deadline, one operation in
   * fifty fails partially. Nothing fires, and after the first hour the guard allocates nothing.
   */
  @Test
  void healthyEightHourRunNeverFiresAndAllocatesNothing() {
    VirtualTime clock = new VirtualTime();
    ChaosConfig on = GuardDriver.chaosOn().netLoss(0.3).build();
    ChaosInjector injector =
        ChaosInjector.builder().config(on.withEnabled(false)).nanoClock(clock).build();
    RollbackGuard guard = RollbackGuard.builder(injector).build();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);

    long[] state = {0};
    run(guard, clock, 10 * 60, state); // chaos-free: the baseline is measured
    assertThat(guard.status().baseline().ready()).isTrue();
    injector.update(on);
    run(guard, clock, 60 * 60, state); // the first hour: warms up
    long before = threads.getCurrentThreadAllocatedBytes();
    run(guard, clock, 7 * 60 * 60, state);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    RollbackGuard.Status s = guard.status();
    assertThat(s.trippedReason()).isNull();
    assertThat(injector.enabled()).isTrue();
    assertThat(s.armed()).isTrue();
    assertThat(s.triggers()).noneMatch(RollbackGuard.Trigger::holding);
    assertThat(s.totalTicks()).isEqualTo(5L * (10 * 60 + 8 * 3600));
    // 126 000 ticks and 25 200 evaluations in the measured seven hours.
    assertThat(allocated).as("bytes allocated in seven hours").isLessThan(1024);
  }

  private static void run(RollbackGuard guard, VirtualTime clock, int seconds, long[] n) {
    for (int sec = 0; sec < seconds; sec++) {
      for (int i = 0; i < 5; i++) {
        long k = n[0]++;
        long tickMs = 150 + (k * 37) % 61;
        guard.recordTick(tickMs * MS, k % 100 == 99);
        guard.recordOperation(k % 50 == 49);
        clock.advanceMillis(200);
      }
    }
  }

  /** Four threads record while a fifth moves the clock through 30 evaluations; all are counted. */
  @Test
  void concurrentRecordingFromFourThreadsLosesNothingAndNeverThrows() throws Exception {
    int threads = 4;
    int perThread = 500_000;
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder().config(GuardDriver.chaosOn().build()).nanoClock(clock).build();
    RollbackGuard guard =
        RollbackGuard.builder(injector)
            .config(RollbackConfig.builder().deadlineMissPct(100).partialFailPct(100).build())
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> recorders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        recorders.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    guard.recordTick((1 + (i + id) % 300) * MS, i % 10 == 0);
                    guard.recordOperation(i % 4 == 0);
                  }
                  return null;
                }));
      }
      Future<?> mover =
          pool.submit(
              () -> {
                start.await();
                for (int s = 0; s < 30; s++) {
                  for (int spin = 0; spin < 20_000; spin++) {
                    Thread.onSpinWait();
                  }
                  clock.advanceMillis(1_000);
                  guard.status(); // evaluations race with the recorders
                }
                return null;
              });
      start.countDown();
      for (Future<?> f : recorders) {
        f.get(60, TimeUnit.SECONDS);
      }
      mover.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    clock.advanceMillis(1_000);
    RollbackGuard.Status s = guard.status();
    long total = (long) threads * perThread;
    assertThat(s.totalTicks()).isEqualTo(total);
    assertThat(s.totalDeadlineMisses()).isEqualTo(total / 10);
    assertThat(s.totalOperations()).isEqualTo(total);
    assertThat(s.totalPartialFailures()).isEqualTo(total / 4);
    // Every tick was recorded within the last 31 s, so the one-minute window holds all of them.
    assertThat(s.windowTicks()).isEqualTo(total);
    assertThat(s.windowOperations()).isEqualTo(total);
    assertThat(s.trigger("DEADLINE_MISS").value()).isEqualTo(10.0);
    assertThat(s.trigger("PARTIAL_FAIL").value()).isEqualTo(25.0);
  }
}
