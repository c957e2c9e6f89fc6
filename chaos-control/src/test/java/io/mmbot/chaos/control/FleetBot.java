package io.mmbot.chaos.control;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One bot of the fleet, as a real one would run: a {@link ChaosInjector} with chaos on, {@link
 * ChaosMetrics} served on {@code /metrics} for Prometheus, and the control endpoint for
 * Alertmanager, both on loopback. No rollback guard: the fleet path is what is tested. A tick every
 * 20 ms records a 150 ms tick (the duration is only a number), which misses its deadline once
 * {@link #breach()} has been called. Bounded: it stops on {@link #close()}.
 */
final class FleetBot implements AutoCloseable {

  final String name;
  final ChaosInjector injector;
  final ChaosControlServer control;
  private final ChaosMetrics metrics;
  private final HttpServer metricsServer;
  private final ScheduledExecutorService ticker;
  private final CountDownLatch disabled = new CountDownLatch(1);
  private volatile boolean breaching;
  private volatile long disabledAt;

  FleetBot(String name, String token) throws IOException {
    this.name = name;
    injector =
        ChaosInjector.builder()
            .config(
                ChaosConfig.builder()
                    .enabled(true)
                    .dryRun(false)
                    .netLoss(0.1)
                    .burstOffSec(0)
                    .seed(42L)
                    .build())
            .instanceId(name)
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    if (change.change() == Change.DISABLED) {
                      disabledAt = RealTime.now();
                      disabled.countDown();
                    }
                  }
                })
            .build();
    metrics = ChaosMetrics.bind(injector);
    metricsServer =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    metricsServer.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            byte[] body = metrics.exportToPrometheus().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ChaosMetrics.TEXT_FORMAT_004);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    metricsServer.start();
    control = ChaosControlServer.builder(injector).token(token).start();
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fleet-bot-" + name);
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    injector.shouldInjectNetLoss();
    metrics.recordTick(150, breaching);
    metrics.recordOperation(false);
  }

  /** From now on every tick misses its deadline. */
  void breach() {
    breaching = true;
  }

  /** host:port of {@code /metrics}: the {@code instance} label Prometheus gives this bot. */
  String metricsTarget() {
    return "127.0.0.1:" + metricsServer.getAddress().getPort();
  }

  /** The control endpoint's Alertmanager webhook URL. */
  String webhookUrl() {
    return "http://127.0.0.1:" + control.port() + "/chaos/alertmanager";
  }

  /** Waits at most {@code seconds} for chaos to be disabled; the reading of that moment, or 0. */
  long awaitDisabled(long seconds) throws InterruptedException {
    return disabled.await(seconds, TimeUnit.SECONDS) ? disabledAt : 0;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    control.close();
    metricsServer.stop(0);
    metrics.close();
  }
}
