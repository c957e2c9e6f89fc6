package io.mmbot.chaos.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.BinanceConnectorProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * binance-connector-java 3.4.1, unmodified, in a JVM of its own under the agent: its private OkHttp
 * singleton and its static WebSocket client meet the faults of the watched file, and rewriting the
 * file with {@code enabled: false} stops them.
 */
class BinanceConnectorAgentIT {

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

  static void write(Path config, String body) throws Exception {
    Path tmp = config.resolveSibling(config.getFileName() + ".tmp");
    Files.writeString(tmp, "chaos:\n" + body);
    Files.move(
        tmp,
        config,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Asks {@code command} until a line starts with {@code prefix}, at most {@code tries} times. */
  static String askUntil(AgentProcess p, String command, String answer, String prefix, int tries)
      throws Exception {
    String last = null;
    for (int i = 0; i < tries; i++) {
      last = p.ask(command, answer);
      if (last.startsWith(prefix)) {
        return last;
      }
      Thread.sleep(200);
    }
    return last;
  }

  @Test
  void injected429sReachTheSingletonAndTheFileKillSwitchStopsThem() throws Exception {
    Path config = dir.resolve("config.yaml");
    write(config, "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n  exch_429: 1.0\n");
    try (AgentProcess p =
        AgentProcess.start(
            "config=" + config,
            BinanceConnectorProgram.class,
            exchange.restUrl(),
            exchange.wsUrl())) {
      String failed = p.ask("rest", "REST");
      assertThat(failed)
          .startsWith("REST FAIL com.binance.connector.client.exceptions.BinanceClientException")
          .contains("-1003");
      assertThat(exchange.requests()).isZero();

      write(config, "  enabled: false\n");
      String ok = askUntil(p, "rest", "REST", "REST OK", 50);
      assertThat(ok).isEqualTo("REST OK " + LoopbackExchange.ORDER_BOOK);
      assertThat(exchange.requests()).isEqualTo(1);
    }
  }

  @Test
  void theStaticWebSocketClientMeetsDisconnects() throws Exception {
    Path config = dir.resolve("config.yaml");
    write(config, "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n  ws_disconnect: 60\n");
    try (AgentProcess p =
        AgentProcess.start(
            "config=" + config,
            BinanceConnectorProgram.class,
            exchange.restUrl(),
            exchange.wsUrl())) {
      p.send("ws");
      p.await(l -> l.startsWith("WS OPEN"), Duration.ofSeconds(10));
      String failure = p.await(l -> l.startsWith("WS FAILURE"), Duration.ofSeconds(10));
      assertThat(failure).contains("java.net.SocketException");
    }
  }
}
