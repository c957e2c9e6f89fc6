package io.mmbot.chaos.agent;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The agent's arguments: {@code config=PATH[,control-port=N][,metrics-port=N]
 * [,control-token-env=NAME]}, comma-separated {@code key=value} pairs.
 *
 * <ul>
 *   <li>{@code config} (required): the YAML file with the {@code chaos:} block, watched for
 *       changes.
 *   <li>{@code control-port}: serve the token-protected control endpoint on 127.0.0.1 at this port
 *       (0: any free port, printed at start). The token is read from the environment variable named
 *       by {@code control-token-env} (default {@value #DEFAULT_TOKEN_ENV}).
 *   <li>{@code metrics-port}: serve the Prometheus text of the chaos metrics at {@code /metrics} on
 *       127.0.0.1 at this port (0: any free port).
 * </ul>
 */
final class AgentOptions {

  /** The environment variable the control token is read from unless told otherwise. */
  static final String DEFAULT_TOKEN_ENV = "MM_CHAOS_CONTROL_TOKEN";

  /** No port: the endpoint is not served. */
  static final int NONE = -1;

  final Path config;
  final int controlPort;
  final int metricsPort;
  final String tokenEnv;

  private AgentOptions(Path config, int controlPort, int metricsPort, String tokenEnv) {
    this.config = config;
    this.controlPort = controlPort;
    this.metricsPort = metricsPort;
    this.tokenEnv = tokenEnv;
  }

  /**
   * Parses the agent's argument string.
   *
   * @throws IllegalArgumentException naming the key at fault
   */
  static AgentOptions parse(String args) {
    if (args == null || args.isBlank()) {
      throw new IllegalArgumentException(
          "missing agent arguments: use -javaagent:mm-chaos-agent.jar=config=PATH");
    }
    Path config = null;
    int control = NONE;
    int metrics = NONE;
    String tokenEnv = DEFAULT_TOKEN_ENV;
    for (String pair : args.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("agent argument '" + pair + "' is not key=value");
      }
      String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = pair.substring(eq + 1).trim();
      switch (key) {
        case "config":
          if (value.isEmpty()) {
            throw new IllegalArgumentException("agent argument config must name a file");
          }
          config = Path.of(value);
          break;
        case "control-port":
          control = port(key, value);
          break;
        case "metrics-port":
          metrics = port(key, value);
          break;
        case "control-token-env":
          if (value.isEmpty()) {
            throw new IllegalArgumentException("agent argument control-token-env is empty");
          }
          tokenEnv = value;
          break;
        default:
          throw new IllegalArgumentException(
              "unknown agent argument '"
                  + key
                  + "' (known: config, control-port, metrics-port, control-token-env)");
      }
    }
    if (config == null) {
      throw new IllegalArgumentException("agent argument config=PATH is required");
    }
    return new AgentOptions(config, control, metrics, tokenEnv);
  }

  private static int port(String key, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "agent argument " + key + " must be a port number in [0, 65535], was '" + value + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "agent argument " + key + " must be a port number in [0, 65535], was " + port);
    }
    return port;
  }
}
