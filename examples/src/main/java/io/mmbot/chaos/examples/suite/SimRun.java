package io.mmbot.chaos.examples.suite;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.NaiveBot;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * One run on the simulated exchange, wired as the bot is in production: the chaos block of its
 * config.yaml (through {@link SuiteConfig}), a seeded {@link ChaosInjector} on virtual time, {@link
 * ChaosMetrics} bound to a {@link PrometheusMeterRegistry} on the same virtual time, the exchange,
 * the bot, and the {@link Measurement} of every tick.
 */
public final class SimRun {

  /** Chaos-free seconds before chaos is switched on; not measured. */
  public static final long WARMUP_SEC = 10;

  private SimRun() {}

  /** Runs {@code plan} (judged against {@code baseline}, or itself a baseline when null). */
  public static RunResult run(RunPlan plan, RunResult baseline) {
    return run(plan, baseline, BotConfig.defaults(), null, 0);
  }

  /**
   * Runs {@code plan}; binds the metrics to {@code registry} when given (the served registry of
   * {@code --serve-metrics}), else to a registry of the run's own. With {@code pace} above 0,
   * virtual time advances at most {@code pace} virtual seconds per wall-clock second, so that a
   * scraper watching the registry sees the run as it happens.
   */
  public static RunResult run(
      RunPlan plan,
      RunResult baseline,
      BotConfig botCfg,
      PrometheusMeterRegistry registry,
      double pace) {
    ChaosConfig cfg = SuiteConfig.forRun(plan.scenario(), plan.intensity(), plan.seed());
    SimExchange.VirtualTime time = SimExchange.clockFor();
    // The bot runs chaos-free for a warm-up; then chaos is switched on, which starts its burst
    // cycle (ChaosInjector.update from off to on).
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(cfg.withEnabled(false))
            .nanoClock(time)
            .instanceId("mm-bot-1")
            .build();
    SimExchange x = SimExchange.create(plan.seed(), injector, time);
    long warmup = WARMUP_SEC * 1_000_000_000L;
    if (cfg.enabled()) {
      x.timer(warmup, () -> injector.update(cfg));
    }
    PrometheusMeterRegistry reg =
        registry != null
            ? registry
            : new PrometheusMeterRegistry(
                PrometheusConfig.DEFAULT,
                new PrometheusRegistry(),
                new VirtualMicrometerClock(time));
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector, reg)) {
      Bot bot =
          plan.bot().equals("naive")
              ? new NaiveBot(x, botCfg, injector, metrics)
              : new ResilientBot(x, botCfg, injector, metrics, plan.seed());
      long durationNanos = warmup + plan.durationSec() * 1_000_000_000L;
      int ticks =
          (int)
              Math.min(
                  Integer.MAX_VALUE - 16, durationNanos / (botCfg.tickIntervalMs() * 1_000_000L));
      Measurement m =
          new Measurement(
              ticks,
              warmup,
              cfg.burstOnSec(),
              cfg.burstOffSec(),
              botCfg.tickIntervalMs(),
              plan.scenario() != null,
              bot,
              () -> x.rules().openEntries(),
              () -> x.rules().openCount(),
              () -> plan.scenario() == null ? 0 : injector.injections(plan.scenario()));
      bot.run(durationNanos, pace > 0 ? paced(m, pace) : m);
      long[] injections = new long[Scenario.values().length];
      for (Scenario s : Scenario.values()) {
        injections[s.ordinal()] = injector.injections(s);
      }
      return RunResult.of(
          plan,
          m,
          baseline,
          injections,
          duplicates(x.ledger()),
          x.bans418(),
          x.retryAfterViolations(),
          x.rules().timestampRejections(),
          botCfg.maxOpenOrders(),
          x.eventLogHash());
    }
  }

  /** Holds each tick back until the wall clock has caught up with virtual time / pace. */
  private static Bot.TickListener paced(Bot.TickListener inner, double pace) {
    long wallStart = System.nanoTime();
    return r -> {
      inner.onTick(r);
      long due = wallStart + (long) ((r.startNanos + r.durationNanos) / pace);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
    };
  }

  /** Orders on the exchange beyond the first of each intent of the bot. */
  static int duplicates(Ledger ledger) {
    return duplicates(ledger.entries());
  }

  /** Orders among {@code entries} beyond the first of each intent of the bot. */
  static int duplicates(java.util.List<Ledger.Entry> entries) {
    Map<String, Integer> perIntent = new HashMap<>();
    int extra = 0;
    for (Ledger.Entry e : entries) {
      if (!e.clientOrderId().startsWith(Bot.ID_PREFIX)) {
        continue;
      }
      int c = perIntent.merge(Bot.intentOf(e.clientOrderId()), 1, Integer::sum);
      if (c > 1) {
        extra++;
      }
    }
    return extra;
  }

  /** Micrometer's clock on the simulation's virtual time. */
  private static final class VirtualMicrometerClock implements io.micrometer.core.instrument.Clock {
    private final SimExchange.VirtualTime time;

    VirtualMicrometerClock(SimExchange.VirtualTime time) {
      this.time = time;
    }

    @Override
    public long wallTime() {
      return SimExchange.START_EPOCH_MS + time.getAsLong() / 1_000_000L;
    }

    @Override
    public long monotonicTime() {
      return time.getAsLong();
    }
  }
}
