package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.exchange.loopback.LoopbackExchange;
import io.mmbot.chaos.examples.external.BotEnv;
import io.mmbot.chaos.examples.external.Ports;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.OrderRecord;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run of a bot in another process ({@code --bot-cmd}, SPEC section 9): an {@link
 * ExchangeServer} on free loopback ports with a new key and secret, the bot started with its
 * placeholders filled in, readiness awaited, the loopback suite's compressed timing (a warm-up,
 * then bursts of {@value LoopbackRun#BURST_ON_SEC} s on and {@value LoopbackRun#BURST_OFF_SEC} s
 * off), faults from the exchange or from the bot's own injector through its control endpoint, then
 * SIGTERM (SIGKILL after the grace). The evidence comes from the exchange's observer and from
 * scrapes of the bot's metrics every {@value #SCRAPE_MS} ms; the judge is the in-process suite's.
 */
final class ExternalRun {

  /** Scrape period, ms. */
  static final long SCRAPE_MS = 100;

  /** The compression, in the words of the run records. */
  static final String COMPRESSION =
      "bursts "
          + LoopbackRun.BURST_ON_SEC
          + " s on / "
          + LoopbackRun.BURST_OFF_SEC
          + " s off (not 30 s / 90 s), "
          + LoopbackRun.WARMUP_MS
          + " ms warm-up, real time";

  private ExternalRun() {}

  /** Runs {@code plan} with the bot {@code bot}, judged against {@code baseline}. */
  static RunResult run(RunPlan plan, Supplier<RunResult> baseline, ExternalBot bot) {
    Path runDir = bot.runDir(plan);
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + runDir, e);
    }
    LongSupplier time = LoopbackExchange.clockFor();
    Scenario scenario = plan.scenario();
    boolean serverFaults = scenario != null && !bot.botInjects();
    ChaosConfig cfg = LoopbackRun.runConfig(scenario, plan.intensity(), plan.seed());
    ChaosInjector serverInjector =
        serverFaults
            ? ChaosInjector.builder().config(cfg.withEnabled(false)).nanoClock(time).build()
            : null;
    InjectionTimes injected = new InjectionTimes(time, scenario);
    if (serverInjector != null) {
      serverInjector.addListener(
          new ChaosListener() {
            @Override
            public void onInjection(Scenario s, boolean dryRun) {
              injected.record(s, dryRun);
            }
          });
    }
    ServerWireLog wire = new ServerWireLog(bot.limits().answerWaitMs());
    ExternalOutcome outcome = new ExternalOutcome();
    ServerSide server =
        runAgainstServer(plan, bot, runDir, time, serverInjector, cfg, wire, outcome);
    WireLog wireLog = wire.wireLog();
    WireDump.write(runDir, wireLog, server.warmup());
    long bans = server.bans() + ExternalEvidence.syntheticBans(wireLog, server.bans());
    List<OrderRecord> orders = SimRun.orders(server.ledger(), server.epochNanosAtZero());
    long[][] marketData = bot.limits().restMarketData() ? wire.restMarketData() : wire.marketData();
    WireDump.writeMarketData(runDir, marketData);
    ScrapedTicks.Result ticks =
        ScrapedTicks.of(
            outcome.scrapes,
            bot.botInjects()
                ? (t, s) -> ExternalEvidence.scrapedInjections(s, scenario)
                : (t, s) -> injected.countAtOrBefore(t),
            orders,
            marketData);
    RunFacts facts = facts(plan, bot, server);
    Evidence evidence = new Evidence(wireLog, orders, ticks.samples(), facts, List.of(), 2);
    long[] injections =
        bot.botInjects()
            ? ExternalEvidence.scrapedInjections(outcome.scrapes)
            : ExternalEvidence.injections(serverInjector);
    ExternalFacts external =
        ExternalEvidence.facts(
            plan, bot, outcome, outcome.scrapes, ticks.crowdedIntervals(), facts, runDir);
    ExchangeTally tally =
        new ExchangeTally(
            injections, bans, server.timestampRejections(), server.weightRefusals(), 0L);
    return RunResult.of(plan, evidence, baseline.get(), tally, null, external);
  }

  /**
   * What the exchange server of a run left: its ledger and counts, its ports, the run's warm-up end
   * and end (harness nanoseconds) and the epoch time at harness time 0.
   */
  private record ServerSide(
      List<Ledger.Entry> ledger,
      long epochNanosAtZero,
      long bans,
      long timestampRejections,
      long weightRefusals,
      long warmup,
      long end) {}

  /**
   * Starts an exchange server with new credentials, runs the bot against it for the warm-up and the
   * run (its process, scrapes and faults in {@code outcome}), stops it, and checks that every port
   * the run used is free again.
   */
  private static ServerSide runAgainstServer(
      RunPlan plan,
      ExternalBot bot,
      Path runDir,
      LongSupplier time,
      ChaosInjector serverInjector,
      ChaosConfig cfg,
      ServerWireLog wire,
      ExternalOutcome outcome) {
    String key = Ports.token();
    String secret = Ports.token();
    int metricsPort = Ports.freePort();
    int controlPort = bot.botInjects() ? Ports.freePort() : 0;
    String controlToken = Ports.token();
    ServerSide side;
    int restPort;
    int wsPort;
    try (ExchangeServer server =
        ExchangeServer.builder()
            .seed(plan.seed())
            .injector(serverInjector)
            .credentials(key, secret)
            .observer(wire, time)
            .start()) {
      restPort = server.restUri().getPort();
      wsPort = server.wsUri().getPort();
      BotEnv env =
          new BotEnv(
              server.restUri().toString(),
              server.wsUri().toString(),
              key,
              secret,
              metricsPort,
              controlPort,
              controlToken,
              runDir);
      URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
      BotSession session =
          new BotSession(
              bot, env, metrics, time, plan.scenario(), plan.intensity(), controlPort, outcome);
      session.start();
      long t0 = time.getAsLong();
      long warmup = t0 + LoopbackRun.WARMUP_MS * 1_000_000L;
      long end = warmup + plan.durationSec() * 1_000_000_000L;
      if (outcome.processFailure == null) {
        session.drive(warmup, end, serverInjector, cfg);
      }
      session.stop();
      side = leftBy(server, time, warmup, end, outcome);
    }
    outcome.checkPortsFree(metricsPort, controlPort, restPort, wsPort);
    return side;
  }

  /**
   * What {@code server} holds once the bot has stopped (the orders it left open go to {@code
   * outcome}); {@code warmup} and {@code end} are the run's.
   */
  private static ServerSide leftBy(
      ExchangeServer server, LongSupplier time, long warmup, long end, ExternalOutcome outcome) {
    // The exchange's clock is the machine's; the harness's is a monotonic one from 0.
    long epochNanosAtZero = System.currentTimeMillis() * 1_000_000L - time.getAsLong();
    List<Ledger.Entry> ledger = server.readRules(r -> new ArrayList<>(r.ledger().entries()));
    outcome.ordersLeftOpen = server.readRules(ExchangeRules::openCount);
    return new ServerSide(
        ledger,
        epochNanosAtZero,
        server.readRules(ExchangeRules::bans),
        server.readRules(ExchangeRules::timestampRejections),
        server.readRules(ExchangeRules::weightRefusals),
        warmup,
        end);
  }

  /** The run's time frame (compressed bursts) and the bot's declared limits. */
  private static RunFacts facts(RunPlan plan, ExternalBot bot, ServerSide server) {
    return new RunFacts(
        server.warmup(),
        server.end(),
        LoopbackRun.BURST_ON_SEC * 1_000_000_000L,
        (LoopbackRun.BURST_ON_SEC + LoopbackRun.BURST_OFF_SEC) * 1_000_000_000L,
        bot.limits().tickMs() * 1_000_000L,
        plan.scenario() != null,
        bot.limits().declared(),
        bot.botInjects());
  }

  /** The replay line of {@code plan} with {@code bot}. */
  static String replay(RunPlan plan, ExternalBot bot) {
    StringBuilder b = new StringBuilder("java -jar examples/target/mm-chaos-suite.jar");
    b.append(" --bot-cmd '").append(bot.line().replace("'", "'\\''")).append('\'');
    b.append(" --inject ").append(bot.inject());
    b.append(" --scenario ").append(plan.scenario() == null ? "net_loss" : plan.scenario().key());
    b.append(" --seed ").append(plan.seed());
    if (plan.scenario() != null) {
      b.append(" --intensity ").append(RunPlan.number(plan.intensity()));
    }
    b.append(" --duration-sec ").append(plan.durationSec());
    b.append(" --bot-limits ").append(bot.limits().spec());
    return b.toString();
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
