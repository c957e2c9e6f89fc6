package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Concurrency: four threads hammer the gates while another thread flips the switch. */
class KillSwitchTest {

  private static final int THREADS = 4;
  private static final int CALLS_AFTER_DISABLE = 200_000;
  private static final int MAX_CALLS = 20_000_000;

  @Test
  void onceDisableHasReturnedNoThreadGetsTrueFromAnyGate() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(ProbabilityGateTest.allAtOne().burstOffSec(0).noSeed().build());
    CountDownLatch allFiring = new CountDownLatch(THREADS);
    AtomicLong disabledAt = new AtomicLong(); // 0 until disable() has returned
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(
            pool.submit(
                () -> {
                  boolean counted = false;
                  long violations = 0;
                  long after = 0;
                  for (int i = 0; i < MAX_CALLS && after < CALLS_AFTER_DISABLE; i++) {
                    boolean switchedOff = disabledAt.get() != 0;
                    Scenario s = Scenario.values()[i % 10];
                    boolean fired = injector.shouldInject(s);
                    if (fired && !counted) {
                      counted = true;
                      allFiring.countDown();
                    }
                    if (switchedOff) {
                      after++;
                      if (fired) {
                        violations++;
                      }
                    }
                  }
                  return new long[] {violations, after};
                }));
      }
      assertThat(allFiring.await(30, TimeUnit.SECONDS)).as("all threads saw chaos").isTrue();
      injector.disable("TEST_KILL");
      disabledAt.set(System.nanoTime());
      for (Future<long[]> f : results) {
        long[] r = f.get(60, TimeUnit.SECONDS);
        assertThat(r[1]).as("calls after disable").isEqualTo(CALLS_AFTER_DISABLE);
        assertThat(r[0]).as("true answers after disable returned").isZero();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(injector.lastDisableReason()).isEqualTo("TEST_KILL");
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void countersStayExactUnderConcurrentUpdates() throws Exception {
    ChaosConfig a =
        ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).netLoss(0.5).build();
    ChaosConfig b = a.toBuilder().netLoss(0.1).build();
    ChaosInjector injector = ChaosInjector.create(a);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(
            pool.submit(
                () -> {
                  long hits = 0;
                  for (int i = 0; i < 500_000; i++) {
                    if (injector.shouldInjectNetLoss()) {
                      hits++;
                    }
                  }
                  return hits;
                }));
      }
      for (int i = 0; i < 2_000; i++) {
        injector.update(i % 2 == 0 ? b : a);
      }
      long total = 0;
      for (Future<Long> f : results) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(total);
      // every call saw p = 0.1 or p = 0.5: 2,000,000 calls, 6-sigma slack
      assertThat(total).isBetween(200_000L - 2_700L, 1_000_000L + 4_300L);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
