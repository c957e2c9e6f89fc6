package io.mmbot.chaos.examples.external;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run offers a bot command's placeholders: the exchange's URLs and keys, the bot's metrics
 * and control ports, the control token and the run's directory.
 *
 * <p>A value the run does not provide is left out of {@link #values()}: a null string or path, or a
 * port of 0 or less (a run in mode {@code exchange} may have no control port and no token). A
 * command that uses such a placeholder is refused by {@link BotCommand#argv(BotEnv)}.
 *
 * <p>Besides the components, {@code rest_host_url} is the REST base by the name {@code localhost}
 * ({@code http://localhost:PORT}), for a bot whose own name lookups are to be tested: an IP literal
 * is never looked up, so DNS_FLAP cannot strike it.
 *
 * @param restUrl the exchange's REST base, {@code http://127.0.0.1:PORT}
 * @param wsUrl the exchange's WebSocket base, {@code ws://127.0.0.1:PORT}
 * @param apiKey the API key the exchange accepts
 * @param apiSecret the secret that signs requests
 * @param metricsPort where the bot must serve {@code /metrics}
 * @param controlPort where the bot must serve its control endpoint (mode {@code bot})
 * @param controlToken the bearer token of that endpoint (mode {@code bot})
 * @param runDir the run's directory (the bot's logs go there)
 */
public record BotEnv(
    String restUrl,
    String wsUrl,
    String apiKey,
    String apiSecret,
    int metricsPort,
    int controlPort,
    String controlToken,
    Path runDir) {

  private static final String LOOPBACK_REST = "http://127.0.0.1:";

  /** The placeholder names, without braces, in the order they are documented. */
  public static final List<String> NAMES =
      List.of(
          "rest_url",
          "rest_host_url",
          "ws_url",
          "api_key",
          "api_secret",
          "metrics_port",
          "control_port",
          "control_token",
          "run_dir");

  /** Placeholder name (without braces) to value, for the values this run provides. */
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    putIfPresent(m, "rest_url", restUrl);
    if (restUrl != null && restUrl.startsWith(LOOPBACK_REST)) {
      m.put("rest_host_url", "http://localhost:" + restUrl.substring(LOOPBACK_REST.length()));
    }
    putIfPresent(m, "ws_url", wsUrl);
    putIfPresent(m, "api_key", apiKey);
    putIfPresent(m, "api_secret", apiSecret);
    if (metricsPort > 0) {
      m.put("metrics_port", Integer.toString(metricsPort));
    }
    if (controlPort > 0) {
      m.put("control_port", Integer.toString(controlPort));
    }
    putIfPresent(m, "control_token", controlToken);
    if (runDir != null) {
      m.put("run_dir", runDir.toString());
    }
    return Collections.unmodifiableMap(m);
  }

  private static void putIfPresent(Map<String, String> m, String name, String value) {
    if (value != null) {
      m.put(name, value);
    }
  }

  /** Shows every field but the secret and the control token, which are masked. */
  @Override
  public String toString() {
    return "BotEnv[restUrl="
        + restUrl
        + ", wsUrl="
        + wsUrl
        + ", apiKey="
        + apiKey
        + ", apiSecret="
        + (apiSecret == null ? null : "***")
        + ", metricsPort="
        + metricsPort
        + ", controlPort="
        + controlPort
        + ", controlToken="
        + (controlToken == null ? null : "***")
        + ", runDir="
        + runDir
        + "]";
  }
}
