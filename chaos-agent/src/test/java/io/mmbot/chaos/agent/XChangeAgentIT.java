package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.BinanceConnectorAgentIT.askUntil;
import static io.mmbot.chaos.agent.BinanceConnectorAgentIT.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.XChangeProgram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xchange-binance 5.2.1, unmodified, in a JVM of its own under the agent: its rescu proxies meet
 * the faults through the agent's rescu interceptor, the metrics endpoint counts them, and the
 * control endpoint's disable stops them.
 */
class XChangeAgentIT {

  private static final String TOKEN = "a-long-enough-control-token-1234";

  @TempDir Path dir;
  private LoopbackExchange exchange;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() throws Exception {
    exchange = new LoopbackExchange();
  }

  @AfterEach
  void stop() {
    exchange.close();
  }

  @Test
  void injected5xxReachXChangeAreCountedAndTheControlEndpointStopsThem() throws Exception {
    Path config = dir.resolve("config.yaml");
    write(
        config,
        "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n  exch_5xx: 1.0\n"
            + "  unknown_outcome_share: 0\n");
    try (AgentProcess p =
        AgentProcess.start(
            Map.of("MM_CHAOS_CONTROL_TOKEN", TOKEN),
            "config=" + config + ",control-port=0,metrics-port=0",
            XChangeProgram.class,
            exchange.restUrl())) {
      String failed = p.ask("rest", "REST");
      assertThat(failed)
          .startsWith("REST FAIL org.knowm.xchange.exceptions.ExchangeException")
          .contains("org.knowm.xchange.binance.dto.BinanceException")
          .containsPattern("HTTP status code: 50[0234]");
      assertThat(exchange.requests()).isZero();

      int metricsPort = p.numberAfter("metrics on http://127.0.0.1:");
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .containsPattern("mm_chaos_injections_total\\{[^}]*scenario=\"exch_5xx\"[^}]*} 1\\.0");

      int controlPort = p.numberAfter("control endpoint on 127.0.0.1:");
      HttpResponse<String> disabled =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + controlPort + "/chaos/disable"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

      assertThat(askUntil(p, "rest", "REST", "REST OK", 1)).isEqualTo("REST OK 29999.00");
      assertThat(exchange.requests()).isEqualTo(1);
    }
  }
}
