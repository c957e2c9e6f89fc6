package io.mmbot.chaos.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * The three ways a test talks to the agent inside a program: its watched config file, its control
 * endpoint and its metrics endpoint (both on 127.0.0.1, ports read from the agent's log line).
 */
final class AgentEndpoints {

  /** The control token the tests hand the agent through {@link #TOKEN_ENV}. */
  static final String TOKEN = "a-long-enough-control-token-1234";

  /** The environment that gives the agent {@link #TOKEN}. */
  static final Map<String, String> TOKEN_ENV = Map.of("MM_CHAOS_CONTROL_TOKEN", TOKEN);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AgentEndpoints() {}

  /** Replaces {@code config} by a {@code chaos:} block with {@code body}, as an editor does. */
  static void writeConfig(Path config, String body) throws Exception {
    Path tmp = config.resolveSibling(config.getFileName() + ".tmp");
    Files.writeString(tmp, "chaos:\n" + body);
    Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Posts {@code /chaos/disable} to the program's control endpoint and expects a 200. */
  static void disableThroughControl(AgentProcess p) throws Exception {
    int port = p.numberAfter("control endpoint on 127.0.0.1:");
    assertThat(port).as("control port in the agent's log").isPositive();
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos/disable"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** The Prometheus text of the program's metrics endpoint. */
  static String metrics(AgentProcess p) throws Exception {
    int port = p.numberAfter("metrics on http://127.0.0.1:");
    assertThat(port).as("metrics port in the agent's log").isPositive();
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
