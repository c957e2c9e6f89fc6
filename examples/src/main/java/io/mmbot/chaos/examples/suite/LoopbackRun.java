package io.mmbot.chaos.examples.suite;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.loopback.LoopbackExchange;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run on the loopback exchange: an {@link ExchangeServer} on 127.0.0.1 (Binance's wire, no
 * server-side faults: they come from the bot's own adapters), the same bot classes as on the
 * simulated exchange, in real time with compressed timing: bursts of {@value #BURST_ON_SEC} s on
 * and {@value #BURST_OFF_SEC} s off instead of 30 s / 90 s, runs of {@value #DURATION_SEC} s after
 * a chaos-free warm-up of {@value #WARMUP_MS} ms. The warm-up ends half a tick interval off the
 * tick grid, so no tick starts on a burst's edge. Servers and clients are closed when the run ends.
 */
public final class LoopbackRun {

  /** Active phase of the burst clock, s. */
  public static final long BURST_ON_SEC = 3;

  /** Quiet phase of the burst clock, s. */
  public static final long BURST_OFF_SEC = 9;

  /** Default length of a run after the warm-up, s (three bursts). */
  public static final long DURATION_SEC = 30;

  /** Chaos-free warm-up, ms (not measured). */
  public static final long WARMUP_MS = 3_250;

  /**
   * Consecutive calls of one RATE_LIMIT_STORM storm at compressed timing (the seed's storms are 20
   * calls). A bot ticking every 500 ms makes about 24 calls in a 3 s burst: a storm of 20 would
   * start on 3.2 % of the free calls and cover most of a burst, and a 30 s run (three bursts) would
   * hold no storm at all with probability about 10 %. Storms of 5 keep the seed's share of calls in
   * storms (the intensity) and start on 11.8 % of the free calls.
   */
  public static final int STORM_CALLS = 5;

  /**
   * Consecutive calls of one EXCH_429 wave at compressed timing (the seed's waves are 5 calls). A
   * bot that makes two or three calls a tick makes about 45 in the three 3 s bursts of a run: with
   * waves of 5 a wave starts on 4.8 % of the free calls and a run holds none with probability about
   * 11 %; waves of 2 keep the seed's share of calls in waves and start on 11.1 % of them (a run
   * without one: about 0.5 %).
   */
  public static final int WAVE_CALLS = 2;

  private LoopbackRun() {}

  /**
   * The default intensity of {@code s} on the loopback exchange: the seed's, except where a rate
   * meant for 30 s bursts would seldom fire in 9 s of burst per run (see {@code docs/suite.md}).
   */
  public static double defaultIntensity(Scenario s) {
    switch (s) {
      case WS_DISCONNECT:
        return 40; // per minute: 6 expected in 9 s of burst
      case EXCH_5XX:
        return 0.2;
      case DNS_FLAP:
        return 0.2;
      case RECONCILE_MISMATCH:
        return 0.4;
      case CLOCK_SKEW:
        return compressedSkewBoundMs(SuiteConfig.defaultIntensity(s));
      default:
        return SuiteConfig.defaultIntensity(s);
    }
  }

  /**
   * The configuration of a run at compressed timing: {@code scenario} at {@code intensity} as
   * {@link SuiteConfig#forRun} gives it, with the compressed bursts, storms of {@value
   * #STORM_CALLS} calls and 429 waves of {@value #WAVE_CALLS}.
   */
  public static ChaosConfig runConfig(Scenario scenario, double intensity, long seed) {
    return SuiteConfig.forRun(scenario, intensity, seed).toBuilder()
        .burstOnSec(BURST_ON_SEC)
        .burstOffSec(BURST_OFF_SEC)
        .rateLimitStormCalls(STORM_CALLS)
        .exch429WaveCalls(WAVE_CALLS)
        .build();
  }

  /**
   * The CLOCK_SKEW bound whose drift ({@code N sin(2 pi t / 60 s)} from a burst's start) reaches
   * {@code seedBoundMs} by the end of a compressed burst: the seed's 30 s bursts let the skew reach
   * its bound, a 3 s burst only {@code sin(2 pi 3 / 60)}, 31 %, of it (24.7 ms of 80, less than a
   * bot's usual tolerance). 80 ms gives 259 ms.
   */
  static double compressedSkewBoundMs(double seedBoundMs) {
    double reached =
        Math.sin(2 * Math.PI * BURST_ON_SEC * 1e9 / ChaosInjector.CLOCK_SKEW_DRIFT_PERIOD_NANOS);
    return Math.round(seedBoundMs / reached);
  }

  /** Runs {@code plan}, judged against the baseline {@code baseline} gives once the run is done. */
  public static RunResult run(RunPlan plan, Supplier<RunResult> baseline) {
    BotConfig botCfg = BotConfig.defaults();
    ChaosConfig cfg = runConfig(plan.scenario(), plan.intensity(), plan.seed());
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(cfg.withEnabled(false))
            .nanoClock(time)
            .instanceId("mm-bot-1")
            .build();
    ConnectorChaos chaos = ConnectorChaos.of(injector, time);
    PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Collected collected;
    try (ExchangeServer server = ExchangeServer.builder().seed(plan.seed()).start();
        LoopbackExchange exchange = LoopbackExchange.connect(server, chaos, plan.seed(), true);
        ChaosMetrics metrics = ChaosMetrics.bind(injector, reg)) {
      WireLog wire = new WireLog();
      WireTap tapped = new WireTap(exchange, wire);
      Bot bot = SimRun.bot(plan, tapped, botCfg, chaos, metrics);
      long warmup = exchange.nanoTime() + WARMUP_MS * 1_000_000L;
      if (cfg.enabled()) {
        exchange.timer(warmup, () -> injector.update(cfg));
      }
      long durationNanos = warmup + plan.durationSec() * 1_000_000_000L;
      int ticks = (int) (plan.durationSec() * 1000 / botCfg.tickIntervalMs());
      Scraper scraper =
          new Scraper(
              ticks,
              exchange::nanoTime,
              reg,
              wire,
              () -> server.readRules(r -> r.openCount()),
              () -> plan.scenario() == null ? 0 : injector.injections(plan.scenario()));
      try {
        bot.run(durationNanos, scraper);
      } finally {
        bot.close();
      }
      RunFacts facts =
          SimRun.facts(warmup, durationNanos, cfg.burstOnSec(), cfg.burstOffSec(), plan, botCfg);
      collected = collect(server, exchange, injector, wire, scraper, facts);
    }
    return RunResult.of(plan, collected.evidence(), baseline.get(), collected.tally(), null, null);
  }

  /** A finished run's evidence and the exchange's counts. */
  private record Collected(Evidence evidence, ExchangeTally tally) {}

  /** Collects the evidence and counts of a run whose bot has stopped, before the server closes. */
  private static Collected collect(
      ExchangeServer server,
      LoopbackExchange exchange,
      ChaosInjector injector,
      WireLog wire,
      Scraper scraper,
      RunFacts facts) {
    long[] injections = new long[Scenario.values().length];
    for (Scenario s : Scenario.values()) {
      injections[s.ordinal()] = injector.injections(s);
    }
    List<Ledger.Entry> all = server.readRules(r -> new ArrayList<>(r.ledger().entries()));
    // Server time is the machine's clock; the harness's is the bot's monotonic one.
    long epochNanosAtZero = exchange.clock().millis() * 1_000_000L - exchange.nanoTime();
    // The loopback connector keeps no journal of its endpoints' failovers: reconnects are timed
    // from the close.
    Evidence evidence =
        new Evidence(
            wire, SimRun.orders(all, epochNanosAtZero), scraper.samples(), facts, List.of(), 2);
    ExchangeTally tally =
        new ExchangeTally(
            injections,
            exchange.bans418(),
            server.readRules(r -> r.timestampRejections()),
            server.readRules(r -> r.weightRefusals()),
            0L);
    return new Collected(evidence, tally);
  }
}
