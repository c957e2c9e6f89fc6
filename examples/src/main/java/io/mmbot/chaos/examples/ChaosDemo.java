package io.mmbot.chaos.examples;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small runnable tour of the injector: a toy connector makes one REST call, handles one WebSocket
 * message and runs one reconcile every 100 ms for ten simulated minutes, under the seed's
 * intensities with a fixed seed. Time is virtual, so the run takes well under a second and prints
 * the same table every time.
 *
 * <p>Run with {@code mvn -B -Pdemo -pl examples -am verify -DskipTests}.
 */
public final class ChaosDemo {

  private static final long TICK_NANOS = 100_000_000L;
  private static final long RUN_NANOS = 600_000_000_000L;

  private ChaosDemo() {}

  public static void main(String[] args) {
    AtomicLong now = new AtomicLong();
    ChaosConfig config =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(0.3)
            .exch429(0.2)
            .exch5xx(0.1)
            .latSpikeMs(200)
            .wsLagMs(150)
            .wsDisconnect(0.05)
            .dnsFlap(0.05)
            .clockSkewMs(80)
            .rateLimitStorm(0.4)
            .reconcileMismatch(0.1)
            .burstOnSec(30)
            .burstOffSec(90)
            .seed(42L)
            .build();
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(now::get).build();
    ToyConnector connector = new ToyConnector(injector);

    long ticks = 0;
    long activeTicks = 0;
    for (; now.get() < RUN_NANOS; now.addAndGet(TICK_NANOS)) {
      ticks++;
      if (injector.burstActive()) {
        activeTicks++;
      }
      connector.tick();
    }

    System.out.printf(
        "mm-chaos demo: %d ticks of 100 ms in virtual time, %d inside bursts (%.1f%%, expected"
            + " 25%%)%n",
        ticks, activeTicks, 100.0 * activeTicks / ticks);
    System.out.printf("%-20s %12s %12s%n", "scenario", "intensity", "injections");
    for (Scenario s : Scenario.values()) {
      System.out.printf("%-20s %12s %12d%n", s.key(), config.intensity(s), injector.injections(s));
    }
    System.out.printf(
        "connector saw: %d lost requests, %d rate-limited, %d server errors, %d ms of added latency,"
            + " %d reconnects, %d lookup failures, %d reconcile mismatches%n",
        connector.lost,
        connector.rateLimited,
        connector.serverErrors,
        connector.addedLatencyMs,
        connector.reconnects,
        connector.lookupFailures,
        connector.mismatches);
  }

  /** The shape of connector code that calls the hooks. */
  private static final class ToyConnector {
    private final ChaosInjector chaos;
    long lost;
    long rateLimited;
    long serverErrors;
    long addedLatencyMs;
    long reconnects;
    long lookupFailures;
    long mismatches;

    ToyConnector(ChaosInjector chaos) {
      this.chaos = chaos;
    }

    void tick() {
      try {
        restCall();
      } catch (IOException e) {
        lost++;
      }
      if (chaos.shouldInjectWsDisconnect()) {
        reconnects++;
      }
      if (chaos.shouldInjectDnsFlap()) {
        lookupFailures++;
      }
      if (chaos.reconcileMismatchOrNull() != null) {
        mismatches++;
      }
      chaos.clockSkewOffsetMs();
      chaos.wsLagToAddMs();
    }

    private void restCall() throws IOException {
      addedLatencyMs += chaos.latencyToAddMs();
      if (chaos.shouldInjectNetLoss()) {
        throw new IOException("chaos: request dropped");
      }
      if (chaos.shouldInjectRateLimitStorm() || chaos.shouldInjectExch429()) {
        rateLimited++;
        return;
      }
      if (chaos.shouldInjectExch5xx()) {
        serverErrors++;
      }
    }
  }
}
