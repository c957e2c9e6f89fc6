package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.JdkProgram;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program using only the JDK's HTTP clients, unmodified, under the agent, on each JDK of {@link
 * Jdks}: its {@code HttpClient}, {@code HttpURLConnection} and {@code java.net.http} WebSocket meet
 * the faults.
 */
class JdkAgentIT {

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
  void lossesReachBothJdkClientsBeforeTheServerSeesAnything(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(
        config,
        "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n  net_loss: 1.0\n"
            + "  unknown_outcome_share: 0\n");
    try (AgentProcess p =
        AgentProcess.start(
            jdk,
            java.util.Map.of(),
            "config=" + config,
            JdkProgram.class,
            exchange.restUrl(),
            exchange.wsUrl())) {
      assertThat(p.ask("class", "CLASS")).isEqualTo("CLASS io.mmbot.chaos.http.ChaosHttpClient");
      assertThat(p.ask("jdk", "JDK")).startsWith("JDK FAIL java.net.ConnectException");
      assertThat(p.ask("url", "URL"))
          .isEqualTo("URL FAIL java.net.ConnectException: Connection refused");
      assertThat(exchange.requests()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void theJdkWebSocketMeetsDisconnects(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(
        config, "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n  ws_disconnect: 60\n");
    try (AgentProcess p =
        AgentProcess.start(
            jdk,
            java.util.Map.of(),
            "config=" + config,
            JdkProgram.class,
            exchange.restUrl(),
            exchange.wsUrl())) {
      p.send("ws");
      p.await(l -> l.startsWith("WS OPEN"), Duration.ofSeconds(10));
      assertThat(p.await(l -> l.startsWith("WS FAILURE"), Duration.ofSeconds(10)))
          .startsWith("WS FAILURE java.io.IOException: WebSocket connection lost");
    }
  }
}
