package io.mmbot.chaos.examples.binance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bot's command line, in the shape the mm-chaos suite fills in:
 *
 * <pre>
 * java -jar mm-binance-bot.jar --rest-url {rest_url} --ws-url {ws_url} --api-key {api_key}
 *     --api-secret {api_secret} --metrics-port {metrics_port}
 *     [--control-port {control_port} --control-token {control_token}] [--run-dir {run_dir}]
 *     [--config config.yaml] [--naive]
 * </pre>
 *
 * @param restUrl base of the REST API, {@code http://127.0.0.1:P} (the connector adds {@code
 *     /api/v3/…})
 * @param wsUrl base of the streams, {@code ws://127.0.0.1:P} (the connector adds {@code /ws/…})
 * @param apiKey API key
 * @param apiSecret API secret (HMAC)
 * @param metricsPort where Prometheus text is served on 127.0.0.1 (0: any free port)
 * @param controlPort where the chaos control endpoint is served on 127.0.0.1; -1: not served
 * @param controlToken the control endpoint's bearer token (required with a control port)
 * @param runDir a directory for the bot's own files, or null
 * @param config the {@code config.yaml} with the {@code chaos:} block, or null for the built-in
 *     default (chaos off)
 * @param naive the naive build: no backoff, immediate reconnect, no reconcile, no guards
 */
record BotArgs(
    String restUrl,
    String wsUrl,
    String apiKey,
    String apiSecret,
    int metricsPort,
    int controlPort,
    String controlToken,
    Path runDir,
    Path config,
    boolean naive) {

  private static final Set<String> VALUED =
      Set.of(
          "--rest-url",
          "--ws-url",
          "--api-key",
          "--api-secret",
          "--metrics-port",
          "--control-port",
          "--control-token",
          "--run-dir",
          "--config");

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing or malformed
   */
  static BotArgs parse(String... args) {
    Map<String, String> v = new HashMap<>();
    boolean naive = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--naive")) {
        naive = true;
      } else if (VALUED.contains(a)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        v.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    int control = port(v, "--control-port", -1);
    String token = v.get("--control-token");
    if (control >= 0 && (token == null || token.isBlank())) {
      throw new IllegalArgumentException("--control-port needs --control-token");
    }
    return new BotArgs(
        required(v, "--rest-url"),
        required(v, "--ws-url"),
        required(v, "--api-key"),
        required(v, "--api-secret"),
        port(v, "--metrics-port", 0),
        control,
        token,
        v.containsKey("--run-dir") ? Path.of(v.get("--run-dir")) : null,
        v.containsKey("--config") ? Path.of(v.get("--config")) : null,
        naive);
  }

  private static String required(Map<String, String> v, String flag) {
    String s = v.get(flag);
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(flag + " is required");
    }
    return s;
  }

  private static int port(Map<String, String> v, String flag, int absent) {
    String s = v.get(flag);
    if (s == null) {
      return absent;
    }
    try {
      int p = Integer.parseInt(s);
      if (p < 0 || p > 65_535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a port 0-65535, got " + s, e);
    }
  }
}
