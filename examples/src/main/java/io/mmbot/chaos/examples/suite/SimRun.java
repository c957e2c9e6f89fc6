package io.mmbot.chaos.examples.suite;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.NaiveBot;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule;
import io.mmbot.chaos.examples.exchange.sim.SimClock;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;
import io.mmbot.chaos.examples.exchange.sim.SubSecondRetryAfter;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.OrderRecord;
import io.mmbot.chaos.examples.judge.Outage;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.ExchangeJournal;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * One run on the simulated exchange, wired as the bot is in production: the chaos block of its
 * config.yaml (through {@link SuiteConfig}), a seeded {@link ChaosInjector} on virtual time, {@link
 * ChaosMetrics} bound to a {@link PrometheusMeterRegistry} on the same virtual time, the exchange,
 * the bot behind a {@link WireTap}, and a {@link Scraper} of its metrics after every tick; the
 * verdict comes from that evidence alone.
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
    return run(plan, baseline, botCfg, registry, pace, null, null);
  }

  /** Runs {@code plan} with {@code botCfg}, judged as the stress scenario {@code stress}. */
  public static RunResult run(
      RunPlan plan, RunResult baseline, BotConfig botCfg, StressScenario stress) {
    return run(plan, baseline, botCfg, null, 0, stress, null);
  }

  /**
   * Runs {@code plan} with {@code botCfg} and the faults of {@code schedule}: a recording schedule
   * records the faults the simulation applies, a replaying one applies its subset instead of the
   * injector's decisions (and its faults are the run's injections).
   */
  public static RunResult run(
      RunPlan plan,
      RunResult baseline,
      BotConfig botCfg,
      StressScenario stress,
      InjectionSchedule schedule) {
    return run(plan, baseline, botCfg, null, 0, stress, schedule);
  }

  private static RunResult run(
      RunPlan plan,
      RunResult baseline,
      BotConfig botCfg,
      PrometheusMeterRegistry registry,
      double pace,
      StressScenario given,
      InjectionSchedule schedule) {
    StressScenario stress = given != null ? given : plan.stress();
    ChaosConfig cfg = SuiteConfig.forRun(plan.scenario(), plan.intensity(), plan.seed());
    SimClock time = SimExchange.clockFor();
    ChaosInjector injector = injector(cfg, time);
    // The simulation applies the transport faults itself; the bot wires clock, DNS and order view.
    ConnectorChaos chaos = ConnectorChaos.of(injector, time);
    long warmup = WARMUP_SEC * 1_000_000_000L;
    long[] otherClient = new long[1];
    long[] restarts = new long[1];
    SimExchange exchange =
        exchange(plan, cfg, injector, time, schedule, stress, warmup, otherClient);
    InjectionCounts counts =
        new InjectionCounts(plan, injector, schedule, exchange, otherClient, restarts);
    PrometheusMeterRegistry reg = registry != null ? registry : virtualRegistry(time);
    try (ChaosMetrics metrics = ChaosMetrics.bind(injector, reg)) {
      WireLog wire = new WireLog();
      WireTap tapped = new WireTap(exchange, wire);
      ProcessSupervisor process =
          new ProcessSupervisor(
              tapped,
              restarts(plan, cfg, stress, warmup),
              (on, start) -> bot(plan, on, botCfg, chaos, metrics, start),
              restarts);
      long durationNanos = warmup + plan.durationSec() * 1_000_000_000L;
      long tickNanos = botCfg.tickIntervalMs() * 1_000_000L;
      int ticks = (int) Math.min(Integer.MAX_VALUE - 16, durationNanos / tickNanos);
      Scraper scraper =
          new Scraper(
              ticks,
              exchange::nanoTime,
              reg,
              wire,
              exchange.rules()::openCount,
              counts::ownScenario);
      process.run(
          durationNanos, pace > 0 ? paced(scraper, pace) : scraper, scraper::processRestarted);
      RunFacts facts =
          facts(warmup, durationNanos, cfg.burstOnSec(), cfg.burstOffSec(), plan, botCfg);
      Evidence evidence = evidence(exchange, wire, scraper, facts);
      return RunResult.of(plan, evidence, baseline, tally(exchange, counts), stress, null);
    }
  }

  /**
   * The run's injector, off: the bot runs chaos-free for a warm-up; then chaos is switched on,
   * which starts its burst cycle ({@code ChaosInjector.update} from off to on).
   */
  private static ChaosInjector injector(ChaosConfig cfg, SimClock time) {
    return ChaosInjector.builder()
        .config(cfg.withEnabled(false))
        .nanoClock(time)
        .instanceId("mm-bot-1")
        .build();
  }

  /** When the bot's process is killed and started again: only in {@code bot_restart}. */
  private static BotRestarts restarts(
      RunPlan plan, ChaosConfig cfg, StressScenario stress, long warmup) {
    return stress != null && stress.restartsTheBot() && cfg.enabled()
        ? BotRestarts.draw(plan.seed(), warmup, cfg.burstOnSec() * 1_000_000_000L)
        : BotRestarts.NONE;
  }

  /** What the exchange counted in a finished run. */
  private static ExchangeTally tally(SimExchange exchange, InjectionCounts counts) {
    return new ExchangeTally(
        counts.perScenario(),
        exchange.bans418(),
        exchange.rules().timestampRejections(),
        exchange.rules().weightRefusals(),
        exchange.eventLogHash());
  }

  /** A Prometheus registry whose meters read the simulation's virtual time. */
  private static PrometheusMeterRegistry virtualRegistry(SimClock time) {
    return new PrometheusMeterRegistry(
        PrometheusConfig.DEFAULT, new PrometheusRegistry(), new VirtualMicrometerClock(time));
  }

  /** The bot {@code plan} names, on {@code exchange}. */
  static Bot bot(
      RunPlan plan,
      Exchange exchange,
      BotConfig botCfg,
      ConnectorChaos chaos,
      ChaosMetrics metrics) {
    return bot(plan, exchange, botCfg, chaos, metrics, 0);
  }

  /**
   * The bot {@code plan} names, on {@code exchange}, in the {@code start}-th start of its process.
   */
  static Bot bot(
      RunPlan plan,
      Exchange exchange,
      BotConfig botCfg,
      ConnectorChaos chaos,
      ChaosMetrics metrics,
      int start) {
    return plan.bot().equals("naive")
        ? new NaiveBot(exchange, botCfg, chaos, metrics, start)
        : new ResilientBot(exchange, botCfg, chaos, metrics, plan.seed(), start);
  }

  /** A finished simulated run's evidence: the wire, the exchange's orders and outages, scrapes. */
  private static Evidence evidence(
      SimExchange exchange, WireLog wire, Scraper scraper, RunFacts facts) {
    long epochNanosAtZero = SimExchange.START_EPOCH_MS * 1_000_000L;
    return new Evidence(
        wire,
        orders(exchange.ledger().entries(), epochNanosAtZero),
        scraper.samples(),
        facts,
        outages(exchange.rules().journal(), epochNanosAtZero),
        2);
  }

  /**
   * The simulated exchange of a run: faults from {@code injector} (or replayed from {@code
   * schedule}), chaos switched on at the warm-up's end, and a stress scenario's rules (another
   * client's weight, counted in {@code otherClient}; new orders refused in the first burst; a
   * {@code Retry-After} with milliseconds).
   */
  private static SimExchange exchange(
      RunPlan plan,
      ChaosConfig cfg,
      ChaosInjector injector,
      SimClock time,
      InjectionSchedule schedule,
      StressScenario stress,
      long warmup,
      long[] otherClient) {
    SimExchange exchange = SimExchange.create(plan.seed(), injector, time);
    exchange.schedule(schedule);
    // The judge reads the exchange's WebSocket side (outages); the requests it judges come from
    // the wire log.
    exchange.rules().journal().startWebSocketOnly();
    if (cfg.enabled()) {
      exchange.timer(warmup, () -> injector.update(cfg));
    }
    if (stress != null && stress.weightOfAnotherClientPerSec() > 0) {
      otherClientLoad(
          exchange, warmup, cfg.burstOnSec(), stress.weightOfAnotherClientPerSec(), otherClient);
    }
    if (stress != null && stress.refuseNewOrders()) {
      long from = SimExchange.START_EPOCH_MS + warmup / 1_000_000L;
      exchange.rules().refuseNewOrders(from, from + cfg.burstOnSec() * 1_000);
    }
    if (stress != null && stress.subSecondRetryAfter()) {
      exchange.subSecondRetryAfter(
          new SubSecondRetryAfter(
              StressScenario.SUB_SECOND_RETRY_AFTER_FROM_MS,
              StressScenario.SUB_SECOND_RETRY_AFTER_SPREAD_MS,
              plan.seed()));
    }
    return exchange;
  }

  /** The run's time frame and the bot's declared limits. */
  static RunFacts facts(
      long warmupNanos,
      long endNanos,
      long burstOnSec,
      long burstOffSec,
      RunPlan plan,
      BotConfig botCfg) {
    return new RunFacts(
        warmupNanos,
        endNanos,
        burstOnSec * 1_000_000_000L,
        (burstOnSec + burstOffSec) * 1_000_000_000L,
        botCfg.tickIntervalMs() * 1_000_000L,
        plan.scenario() != null,
        declared(botCfg),
        false);
  }

  /**
   * The limits the example bots declare; the reasoning for each is in {@code docs/suite.md}.
   * Failing budget: 15 attempts within 10 s after failed attempts (a bot ticking every 500 ms
   * without backing off makes 20).
   */
  static RunFacts.Declared declared(BotConfig botCfg) {
    return new RunFacts.Declared(
        botCfg.maxOpenOrders(),
        botCfg.maxOpenOrders() / 2,
        botCfg.requoteTicks(),
        15,
        botCfg.staleAfterMs(),
        4, // reconnects at least 300 ms apart: at most 4 in any second
        (int) Math.ceil(10 * botCfg.retriesPerSecond() + 2 * botCfg.retriesPerSecond()),
        4_000);
  }

  /**
   * Another client behind the same IP: from {@code fromNanos}, for the burst, one request of a
   * tenth of {@code weightPerSec} every 100 ms; {@code used[0]} counts the ones the exchange took.
   */
  private static void otherClientLoad(
      SimExchange exchange, long fromNanos, long burstSec, int weightPerSec, long[] used) {
    long step = 100_000_000L;
    int weight = Math.max(1, weightPerSec / 10);
    for (long t = fromNanos; t < fromNanos + burstSec * 1_000_000_000L; t += step) {
      long at = t;
      exchange.timer(
          at,
          () -> {
            if (exchange
                .rules()
                .weightOfAnotherClient(weight, SimExchange.START_EPOCH_MS + at / 1_000_000L)) {
              used[0]++;
            }
          });
    }
  }

  /** The endpoint outages of the exchange's journal, in harness nanoseconds. */
  static List<Outage> outages(ExchangeJournal journal, long epochNanosAtZero) {
    List<Outage> out = new ArrayList<>();
    for (ExchangeJournal.WsEvent ev : journal.wsEvents()) {
      if (ev.kind() == ExchangeJournal.WsKind.ENDPOINT_DOWN) {
        out.add(
            new Outage(
                ev.endpoint(),
                ev.atMs() * 1_000_000L - epochNanosAtZero,
                ev.untilMs() * 1_000_000L - epochNanosAtZero));
      }
    }
    return out;
  }

  /**
   * The exchange's ledger as the judge's order records, times converted to harness nanoseconds by
   * {@code epochNanosAtZero} (the server time at harness time 0, in epoch nanoseconds).
   */
  static List<OrderRecord> orders(List<Ledger.Entry> entries, long epochNanosAtZero) {
    List<OrderRecord> out = new ArrayList<>(entries.size());
    for (Ledger.Entry e : entries) {
      long closed =
          e.closedAtMs() == 0 ? Long.MAX_VALUE : e.closedAtMs() * 1_000_000L - epochNanosAtZero;
      out.add(
          new OrderRecord(
              e.clientOrderId(),
              e.side().name().charAt(0),
              e.priceTicks(),
              e.acceptedAtMs() * 1_000_000L - epochNanosAtZero,
              closed,
              e.midAtAcceptTicks()));
    }
    return out;
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

  /** Micrometer's clock on the simulation's virtual time. */
  private static final class VirtualMicrometerClock implements io.micrometer.core.instrument.Clock {
    private final SimClock time;

    VirtualMicrometerClock(SimClock time) {
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
