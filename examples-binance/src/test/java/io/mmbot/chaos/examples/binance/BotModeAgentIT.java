package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.exchange.ExchangeJournal;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's bot mode: the bot jar under the chaos agent, its control endpoint on a port with a
 * token. Chaos switched on through the bot's endpoint is applied by the agent inside
 * binance-connector-java's private OkHttp client: while {@code exch_429} is at 1.0 the exchange
 * (which has no faults of its own) receives nothing, the bot raises {@code RATE_LIMITED} from the
 * synthetic answers' {@code Retry-After}, and after {@code disable} requests reach the exchange
 * again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BotModeAgentIT {

  private static final String TOKEN = "bot-mode-token-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern INJECTIONS =
      Pattern.compile("\"exch_429\":\\{[^}]*\"injections\":(\\d+)");

  @TempDir Path dir;

  @Test
  void chaosEnabledThroughTheBotsControlEndpointIsAppliedInTheConnectorByTheAgent()
      throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.copy(Path.of("config/config-bot-mode.yaml"), config);
    try (ExchangeServer ex = ExchangeServer.builder().seed(3).start()) {
      ex.readRules(
          r -> {
            r.journal().start();
            return null;
          });
      int metricsPort = LocalProcess.freePort();
      int controlPort = LocalProcess.freePort();
      List<String> args =
          BinanceBotIT.args(
              ex,
              metricsPort,
              "--control-port",
              Integer.toString(controlPort),
              "--control-token",
              TOKEN,
              "--config",
              config.toString());
      try (BotProcess bot =
          BotProcess.start(
              BotProcess.javaBot("config=" + config, args), dir, metricsPort, BinanceBotIT.READY)) {
        assertThat(bot.output()).contains("chaos agent attached");
        Await.until("two orders open", BinanceBotIT.READY, () -> ex.openOrderCount() == 2);

        assertThat(post(controlPort, "/chaos/scenarios/exch_429", "{\"intensity\": 1.0}"))
            .isEqualTo(200);
        assertThat(post(controlPort, "/chaos/enable", "")).isEqualTo(200);
        long onAtMs = System.currentTimeMillis();
        Await.until(
            "three 429s made up by the agent",
            Duration.ofSeconds(20),
            () -> injections(controlPort) >= 3);
        long offAtMs = System.currentTimeMillis();
        assertThat(post(controlPort, "/chaos/disable", "")).isEqualTo(200);
        Await.until(
            "requests reaching the exchange again",
            Duration.ofSeconds(20),
            () -> requestsBetween(ex, offAtMs, Long.MAX_VALUE) > 0);

        assertThat(requestsBetween(ex, 0, onAtMs)).as("requests before chaos").isPositive();
        assertThat(requestsBetween(ex, onAtMs + 500, offAtMs))
            .as("requests reaching the exchange while the agent answered 429 for it")
            .isZero();
        String metrics = bot.metricsOrNull();
        assertThat(
                BotProcess.sample(metrics, "mm_bot_guards_raised_total{reason=\"RATE_LIMITED\"}"))
            .as("RATE_LIMITED raised from the agent's Retry-After")
            .isGreaterThanOrEqualTo(1.0);
        assertThat(bot.terminate(BinanceBotIT.GRACE)).isBetween(0L, 4_999L);
      }
    }
  }

  private static long requestsBetween(ExchangeServer ex, long fromMs, long toMs) {
    List<ExchangeJournal.Request> log = ex.readRules(r -> List.copyOf(r.journal().requests()));
    return log.stream().filter(q -> q.atMs() >= fromMs && q.atMs() < toMs).count();
  }

  private static int post(int port, String path, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static long injections(int port) {
    try {
      String status =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos/status"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = INJECTIONS.matcher(status);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (Exception e) {
      return 0;
    }
  }
}
