package io.mmbot.chaos.examples.standalone;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.control.ChaosControlServer;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.NaiveBot;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.loopback.ExchangeAccess;
import io.mmbot.chaos.examples.exchange.loopback.LoopbackExchange;
import io.mmbot.chaos.examples.suite.LoopbackRun;
import io.mmbot.chaos.examples.suite.MetricsServer;
import io.mmbot.chaos.examples.suite.SuiteConfig;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * The example market maker as a process of its own, the way a user's bot runs under the suite's
 * {@code --bot-cmd}: it trades on Binance's wire against the REST and WebSocket URLs it is given,
 * serves its Micrometer registry as Prometheus text on {@code --metrics-port} (the tick histogram
 * with the deadline and 250 ms as bucket edges, the deadline-miss counter, reconnect attempts, the
 * guard gauges and raise counters), and with {@code --control-port} serves a {@link
 * ChaosControlServer} that drives its own injector, so that the faults come from its own
 * connector's hooks. It runs until SIGTERM; exit 2 on a bad command line, 1 when it cannot start.
 */
public final class ExternalBotMain {

  /** The tick histogram's extra bucket edge besides the deadline, ms (the LAT_SPIKE p99 limit). */
  public static final double P99_LIMIT_MS = 250;

  private ExternalBotMain() {}

  /** Starts the bot; returns only on a bad command line or a failed start. */
  public static void main(String[] args) {
    int code = run(args, System.err);
    System.exit(code);
  }

  static int run(String[] args, PrintStream err) {
    ExternalBotArgs a;
    try {
      a = ExternalBotArgs.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("external-bot: " + e.getMessage());
      err.println(ExternalBotArgs.USAGE);
      return 2;
    }
    BotConfig botCfg = BotConfig.defaults();
    LongSupplier time = LoopbackExchange.clockFor();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(switchedConfig(a.seed))
            .nanoClock(time)
            .instanceId("mm-bot-1")
            .build();
    ConnectorChaos chaos = ConnectorChaos.of(injector, time);
    PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    reg.config().meterFilter(tickEdges(botCfg.tickDeadlineMs()));
    ChaosControlServer control = null;
    MetricsServer endpoint = null;
    LoopbackExchange exchange = null;
    try {
      ChaosMetrics metrics = ChaosMetrics.bind(injector, reg);
      exchange =
          LoopbackExchange.connect(
              new ExchangeAccess(a.rest, a.ws, a.apiKey, a.apiSecret), chaos, a.seed, true);
      Bot bot =
          a.naive
              ? new NaiveBot(exchange, botCfg, chaos, metrics)
              : new ResilientBot(exchange, botCfg, chaos, metrics, a.seed);
      if (a.controlPort > 0) {
        control =
            ChaosControlServer.builder(injector).token(a.controlToken).port(a.controlPort).start();
      }
      endpoint =
          MetricsServer.start(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), a.metricsPort), reg);
      closeOnExit(control, endpoint);
      err.println(
          "external-bot: "
              + bot.kind()
              + " bot on "
              + a.rest
              + ", metrics on 127.0.0.1:"
              + a.metricsPort
              + (control == null ? "" : ", control on 127.0.0.1:" + a.controlPort));
      bot.run(Long.MAX_VALUE / 4, r -> {});
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("external-bot: cannot start: " + e);
      closeAll(endpoint, control, exchange);
      return 1;
    }
  }

  /**
   * Chaos off until the control endpoint switches it on; when on, continuously (the caller marks
   * the bursts by enabling and disabling), with the loopback suite's storm and wave sizes.
   */
  private static ChaosConfig switchedConfig(long seed) {
    return SuiteConfig.forRun(null, 0, seed).toBuilder()
        .enabled(false)
        .dryRun(false)
        .burstOffSec(0)
        .rateLimitStormCalls(LoopbackRun.STORM_CALLS)
        .exch429WaveCalls(LoopbackRun.WAVE_CALLS)
        .build();
  }

  /** Closes what a failed start had opened (each may be null). */
  private static void closeAll(
      MetricsServer endpoint, ChaosControlServer control, LoopbackExchange exchange) {
    if (endpoint != null) {
      endpoint.close();
    }
    if (control != null) {
      control.close();
    }
    if (exchange != null) {
      exchange.close();
    }
  }

  /**
   * Adds the deadline and {@value #P99_LIMIT_MS} ms to the tick histogram's bucket edges, so that
   * the share of ticks above either is exact from the buckets alone.
   */
  public static MeterFilter tickEdges(long deadlineMs) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("mm.tick.total")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(deadlineMs, P99_LIMIT_MS)
            .build()
            .merge(config);
      }
    };
  }

  private static void closeOnExit(ChaosControlServer control, MetricsServer endpoint) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  endpoint.close();
                  if (control != null) {
                    control.close();
                  }
                },
                "external-bot-stop"));
  }
}
