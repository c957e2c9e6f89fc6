package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.TOKEN_ENV;
import static io.mmbot.chaos.agent.AgentEndpoints.disableThroughControl;
import static io.mmbot.chaos.agent.AgentEndpoints.metrics;
import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.XChangeProgram;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * xchange-binance 5.2.1, unmodified, in a JVM of its own under the agent, on each JDK of {@link
 * Jdks}: its rescu proxies meet the faults through the agent's rescu interceptor, the metrics
 * endpoint counts them, and the control endpoint and the config file each stop them.
 */
class XChangeAgentIT {

  private static final String ON = "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n";

  @TempDir Path dir;
  private LoopbackExchange exchange;

  @BeforeEach
  void start() throws Exception {
    exchange = new LoopbackExchange();
  }

  @AfterEach
  void stop() {
    exchange.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void injected5xxReachXChangeAreCountedAndTheControlEndpointStopsThem(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, ON + "  exch_5xx: 1.0\n  unknown_outcome_share: 0\n");
    try (AgentProcess p =
        AgentProcess.start(
            jdk,
            TOKEN_ENV,
            "config=" + config + ",control-port=0,metrics-port=0",
            XChangeProgram.class,
            exchange.restUrl())) {
      String failed = p.ask("rest", "REST");
      assertThat(failed)
          .startsWith("REST FAIL org.knowm.xchange.exceptions.ExchangeException")
          .contains("org.knowm.xchange.binance.dto.BinanceException")
          .containsPattern("HTTP status code: 50[0234]");
      assertThat(exchange.requests()).isZero();

      assertThat(metrics(p))
          .containsPattern("mm_chaos_injections_total\\{[^}]*scenario=\"exch_5xx\"[^}]*} 1\\.0");

      disableThroughControl(p);
      assertThat(p.ask("rest", "REST")).isEqualTo("REST OK 29999.00");
      assertThat(exchange.requests()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void lossesAfterSendingReachTheServerAndTheFileKillSwitchStopsThem(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(
        config,
        ON + "  net_loss: {probability: 1.0, cut_share: 0}\n  unknown_outcome_share: 1.0\n");
    try (AgentProcess p =
        AgentProcess.start(
            jdk, Map.of(), "config=" + config, XChangeProgram.class, exchange.restUrl())) {
      assertThat(p.ask("rest", "REST"))
          .startsWith("REST FAIL ")
          .contains("java.net.SocketTimeoutException: Read timed out");
      assertThat(exchange.requests()).as("the request reached the exchange").isEqualTo(1);

      writeConfig(config, "  enabled: false\n");
      assertThat(p.askUntil("rest", "REST", "REST OK", 50)).isEqualTo("REST OK 29999.00");
    }
  }
}
