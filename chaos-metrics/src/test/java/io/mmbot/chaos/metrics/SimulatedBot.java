package io.mmbot.chaos.metrics;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.Scenario;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a bot's tick loop under chaos, on one daemon thread: every tick it asks every
 * gate, reconnects after drops and disconnects, receives WebSocket messages, reconciles and records
 * its health through {@link ChaosMetrics}. Bounded: it stops after {@code maxTicks} or on {@link
 * #close()}, whichever comes first.
 */
final class SimulatedBot implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;

  SimulatedBot(ChaosInjector chaos, ChaosMetrics metrics, long tickMillis, int maxTicks) {
    SplittableRandom random = new SplittableRandom(42);
    thread =
        new Thread(
            () -> {
              for (int t = 0; t < maxTicks && running; t++) {
                tick(chaos, metrics, random, t);
                try {
                  TimeUnit.MILLISECONDS.sleep(tickMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "simulated-bot");
    thread.setDaemon(true);
    thread.start();
  }

  private static void tick(
      ChaosInjector chaos, ChaosMetrics metrics, SplittableRandom random, int t) {
    for (Scenario s : Scenario.values()) {
      if (s != Scenario.WS_DISCONNECT && s != Scenario.RECONCILE_MISMATCH) {
        chaos.shouldInject(s);
      }
    }
    if (chaos.shouldInjectNetLoss()) {
      metrics.recordReconnectAttempt("rest");
    }
    if (chaos.shouldInjectWsDisconnect()) {
      metrics.recordReconnectAttempt("ws");
    }
    double gap = 20 + random.nextDouble() * 80 + chaos.wsLagToAddMs();
    metrics.recordWsGapMs(gap);
    MismatchType mismatch = chaos.reconcileMismatchOrNull();
    if (mismatch != null) {
      metrics.recordReconcileDiscrepancy(mismatch);
    }
    double tickMs = 150 + random.nextDouble() * 60 + chaos.latencyToAddMs() / 10.0;
    metrics.recordTick(tickMs, tickMs > 200);
    // Exactly 1 % of operations fail partially, never two close together: the rate stays under
    // the 5 % rollback trigger at every moment.
    metrics.recordOperation(t % 100 == 99);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
