package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.TOKEN_ENV;
import static io.mmbot.chaos.agent.AgentEndpoints.disableThroughControl;
import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.BinanceConnectorProgram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * binance-connector-java 3.4.1, unmodified, in a JVM of its own under the agent, on each JDK of
 * {@link Jdks}: its private OkHttp singleton and its static WebSocket client meet the faults of the
 * watched file, seen both by the stand-in exchange and in the program's output, and both kill
 * switches (the file rewritten with {@code enabled: false}, the control endpoint) stop them.
 */
class BinanceConnectorAgentIT {

  private static final String ON = "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n";

  @TempDir Path dir;
  private LoopbackExchange exchange;

  @BeforeEach
  void start() throws Exception {
    exchange = new LoopbackExchange();
  }

  @AfterEach
  void stop() throws Exception {
    exchange.close();
  }

  private AgentProcess run(Path jdk, Map<String, String> env, String agentArgs) throws Exception {
    AgentProcess p =
        AgentProcess.start(
            jdk,
            env,
            agentArgs,
            BinanceConnectorProgram.class,
            exchange.restUrl(),
            exchange.wsUrl());
    assertThat(jdk.resolve("release")).content().contains("\"" + p.javaVersion() + "\"");
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void injected429sReachTheSingletonAndTheFileKillSwitchStopsThem(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, ON + "  exch_429: 1.0\n");
    try (AgentProcess p = run(jdk, Map.of(), "config=" + config)) {
      String failed = p.ask("rest", "REST");
      assertThat(failed)
          .startsWith("REST FAIL com.binance.connector.client.exceptions.BinanceClientException")
          .contains("-1003");
      assertThat(exchange.requests()).as("a 429 before sending").isZero();

      writeConfig(config, "  enabled: false\n");
      String ok = p.askUntil("rest", "REST", "REST OK", 50);
      assertThat(ok).isEqualTo("REST OK " + LoopbackExchange.ORDER_BOOK);
      assertThat(exchange.requests()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void afterSend5xxReachTheServerAndTheControlEndpointStopsThem(Path jdk) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, ON + "  exch_5xx: 1.0\n  unknown_outcome_share: 1.0\n");
    try (AgentProcess p = run(jdk, TOKEN_ENV, "config=" + config + ",control-port=0")) {
      assertThat(p.ask("rest", "REST"))
          .startsWith("REST FAIL com.binance.connector.client.exceptions.BinanceServerException")
          .contains("execution status unknown");
      assertThat(exchange.requests()).as("the exchange executed the request").isEqualTo(1);

      disableThroughControl(p);
      assertThat(p.ask("rest", "REST")).isEqualTo("REST OK " + LoopbackExchange.ORDER_BOOK);
      assertThat(exchange.requests()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void theStaticWebSocketClientLosesMessagesUntilTheKillSwitchThenIsDisconnected(Path jdk)
      throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, ON + "  net_loss: 1.0\n");
    try (AgentProcess p = run(jdk, Map.of(), "config=" + config)) {
      p.send("ws");
      p.await(l -> l.startsWith("WS OPEN"), Duration.ofSeconds(10));
      int sentBefore = exchange.wsMessagesSent();
      for (int i = 0; i < 500 && exchange.wsMessagesSent() < sentBefore + 30; i++) {
        Thread.sleep(20);
      }
      assertThat(exchange.wsMessagesSent()).isGreaterThanOrEqualTo(sentBefore + 30);
      assertThat(p.printed(l -> l.startsWith("WS MESSAGE")))
          .as("every message of the stream lost while net_loss is 1.0")
          .isFalse();

      writeConfig(config, "  enabled: false\n");
      assertThat(p.await(l -> l.startsWith("WS MESSAGE"), Duration.ofSeconds(10)))
          .contains("\"e\":\"trade\"");

      writeConfig(config, ON + "  ws_disconnect: 60\n");
      assertThat(p.await(l -> l.startsWith("WS FAILURE"), Duration.ofSeconds(15)))
          .contains("java.net.SocketException");
      for (int i = 0; i < 500 && exchange.wsCloseCodes().isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(exchange.wsCloseCodes())
          .as("the server saw the connection end without a close frame")
          .containsExactly(1006);
    }
  }
}
