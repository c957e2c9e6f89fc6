package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.external.BotEnv;
import io.mmbot.chaos.examples.external.BotProcess;
import io.mmbot.chaos.examples.external.ControlClient;
import io.mmbot.chaos.examples.external.ControlException;
import io.mmbot.chaos.examples.external.MetricsPoller;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The life of one bot process in a run: started, awaited, scraped, driven (the exchange's injector
 * switched on after the warm-up, or the bot's own one enabled and disabled at each burst's edges
 * through its control endpoint), watched for an early exit, and stopped. Everything that goes wrong
 * is written into the run's {@link ExternalOutcome} as the reason the run failed.
 */
final class BotSession {

  /** Longest wait between two looks at the bot while the run lasts, ns. */
  private static final long WATCH_NANOS = 50_000_000L;

  /** Bots starting at once, across the runs of this process. */
  static final int STARTING_AT_ONCE = 2;

  private static final Semaphore STARTING = new Semaphore(STARTING_AT_ONCE);

  private final ExternalBot bot;
  private final BotEnv env;
  private final URI metrics;
  private final LongSupplier time;
  private final Scenario scenario;
  private final double intensity;
  private final ExternalOutcome o;
  private final ControlClient control;
  private BotProcess process;
  private MetricsPoller poller;
  private long startedAt;

  BotSession(
      ExternalBot bot,
      BotEnv env,
      URI metrics,
      LongSupplier time,
      Scenario scenario,
      double intensity,
      int controlPort,
      ExternalOutcome o) {
    this.bot = bot;
    this.env = env;
    this.metrics = metrics;
    this.time = time;
    this.scenario = scenario;
    this.intensity = intensity;
    this.o = o;
    this.control =
        controlPort > 0
            ? new ControlClient(
                URI.create("http://127.0.0.1:" + controlPort),
                env.controlToken(),
                Duration.ofSeconds(2))
            : null;
  }

  /**
   * Starts the bot and waits until its metrics answer; on failure records why. At most {@value
   * #STARTING_AT_ONCE} bots start at a time (a process's start is what costs CPU; its readiness is
   * timed from its own start).
   */
  void start() {
    List<String> argv = bot.command().argv(env);
    String notReady;
    STARTING.acquireUninterruptibly();
    try {
      try {
        process = BotProcess.start(argv, env.runDir(), bot.grace());
      } catch (IOException e) {
        o.fail("could not start " + argv.get(0) + ": " + e.getMessage());
        return;
      }
      startedAt = time.getAsLong();
      notReady = process.awaitReady(metrics, bot.ready());
    } finally {
      STARTING.release();
    }
    if (notReady != null) {
      o.fail(notReady);
      return;
    }
    poller = new MetricsPoller(metrics, Duration.ofMillis(ExternalRun.SCRAPE_MS), time);
    poller.start();
    if (control != null) {
      try {
        control.status();
      } catch (ControlException e) {
        o.fail("control endpoint: " + e.reason());
      }
    }
  }

  /**
   * Runs the timeline until {@code end}: faults on at {@code warmup} (the exchange's injector with
   * {@code cfg}, or the bot's at every burst start), watching the bot all along.
   */
  void drive(long warmup, long end, ChaosInjector serverInjector, ChaosConfig cfg) {
    List<long[]> edges = new ArrayList<>(); // {time, 1 = burst start / 0 = burst end}
    if (serverInjector != null) {
      edges.add(new long[] {warmup, 2});
    } else if (control != null && scenario != null) {
      long on = LoopbackRun.BURST_ON_SEC * 1_000_000_000L;
      long period = on + LoopbackRun.BURST_OFF_SEC * 1_000_000_000L;
      for (long t = warmup; t < end; t += period) {
        edges.add(new long[] {t, 1});
        edges.add(new long[] {Math.min(t + on, end), 0});
      }
    }
    int next = 0;
    while (true) {
      long now = time.getAsLong();
      if (!process.isAlive()) {
        o.fail(
            String.format(
                Locale.ROOT,
                "exited early with code %d, %.1f s after it started",
                process.exitCode().orElse(-1),
                (now - startedAt) / 1e9));
        return;
      }
      if (next < edges.size() && edges.get(next)[0] <= now) {
        long kind = edges.get(next++)[1];
        if (!edge(kind, serverInjector, cfg)) {
          return;
        }
        continue;
      }
      if (now >= end) {
        break;
      }
      long until = next < edges.size() ? Math.min(edges.get(next)[0], end) : end;
      LockSupport.parkNanos(Math.max(1, Math.min(WATCH_NANOS, until - now)));
    }
    if (control != null && scenario != null) {
      try {
        if (control.injections(scenario) == 0) {
          o.fail("the bot's control status never showed a " + scenario.key() + " injection");
        }
      } catch (ControlException e) {
        o.fail("control endpoint: " + e.reason());
      }
    }
  }

  /** Applies one edge of the timeline; false when the bot refused it (the run is over). */
  private boolean edge(long kind, ChaosInjector serverInjector, ChaosConfig cfg) {
    if (kind == 2) {
      serverInjector.update(cfg);
      return true;
    }
    try {
      if (kind == 1) {
        control.setIntensity(scenario, intensity);
        control.enable();
      } else {
        control.disable("BURST_END");
      }
      return true;
    } catch (ControlException e) {
      o.fail("control endpoint: " + e.reason());
      return false;
    }
  }

  /** Stops scraping and the bot; records how it ended. */
  void stop() {
    if (poller != null) {
      poller.close();
      o.scrapes = poller.scrapes();
      o.scrapeFailures = poller.failures();
    }
    if (process == null) {
      return;
    }
    BotProcess.Ending e = process.stop();
    o.ending =
        switch (e.kind()) {
          case EXITED_BY_ITSELF -> "exited by itself with code " + e.exitCode();
          case TERMINATED ->
              "stopped by SIGTERM (exit code "
                  + e.exitCode()
                  + ") in "
                  + ExternalRun.seconds(e.took());
          case KILLED ->
              "killed with SIGKILL after ignoring SIGTERM for " + ExternalRun.seconds(bot.grace());
        };
    if (e.kind() == BotProcess.EndKind.KILLED) {
      o.fail(
          "did not exit within the grace of "
              + ExternalRun.seconds(bot.grace())
              + " after SIGTERM (hung): killed");
    } else if (e.kind() == BotProcess.EndKind.EXITED_BY_ITSELF) {
      o.fail("exited early with code " + e.exitCode() + " before the run ended");
    }
  }
}
