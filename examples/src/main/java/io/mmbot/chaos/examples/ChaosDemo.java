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
    System.out.print(run().render());
  }

  /** Runs the ten simulated minutes and returns what happened. */
  static Result run() {
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
    return new Result(config, injector, connector, ticks, activeTicks);
  }

  /** The outcome of a demo run. */
  static final class Result {
    final ChaosConfig config;
    final ChaosInjector injector;
    final ToyConnector connector;
    final long ticks;
    final long activeTicks;

    Result(
        ChaosConfig config,
        ChaosInjector injector,
        ToyConnector connector,
        long ticks,
        long activeTicks) {
      this.config = config;
      this.injector = injector;
      this.connector = connector;
      this.ticks = ticks;
      this.activeTicks = activeTicks;
    }

    String render() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "mm-chaos demo: %d ticks of 100 ms in virtual time, %d inside bursts (%.1f%%,"
                  + " expected 25%%)%n",
              ticks, activeTicks, 100.0 * activeTicks / ticks));
      out.append(String.format("%-20s %12s %12s%n", "scenario", "intensity", "injections"));
      for (Scenario s : Scenario.values()) {
        out.append(
            String.format(
                "%-20s %12s %12d%n", s.key(), config.intensity(s), injector.injections(s)));
      }
      out.append(
          String.format(
              "connector saw: %d lost requests, %d rate-limited, %d server errors, %d ms of added"
                  + " latency, %d reconnects, %d lookup failures, %d reconcile mismatches%n",
              connector.lost,
              connector.rateLimited,
              connector.serverErrors,
              connector.addedLatencyMs,
              connector.reconnects,
              connector.lookupFailures,
              connector.mismatches));
      return out.toString();
    }
  }

  /** The shape of connector code that calls the hooks. */
  static final class ToyConnector {
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
