package io.mmbot.chaos.agent;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.config.ChaosConfigWatcher;
import io.mmbot.chaos.control.ChaosControlServer;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.metrics.ChaosMetrics;
import io.mmbot.chaos.ws.ChaosWebSocket;
import java.lang.System.Logger.Level;

/**
 * What the agent runs inside the program: one injector (also installed as {@link GlobalChaos}),
 * driven by a {@link ChaosConfigWatcher} on the configuration file, its metrics, and optionally the
 * metrics and control endpoints; and the adapters the woven hooks hand the program's clients to.
 *
 * <p>The injector starts off and takes the file's configuration from the watcher's first read; a
 * file that is missing or invalid, at start or later, switches chaos off ({@code CONFIG_INVALID}),
 * as does the control endpoint's {@code disable} and the file rewritten with {@code enabled:
 * false}.
 */
final class AgentRuntime {

  private static final System.Logger LOG = System.getLogger("io.mmbot.chaos.agent");

  /** The running runtime, or null before the agent has started (hooks then do nothing). */
  static volatile AgentRuntime current;

  final ChaosInjector injector;

  /**
   * The chaos metrics, or null when no metrics endpoint is served: nothing could read them then,
   * and the meter registry's classes would only enlarge the program's class metadata.
   */
  final ChaosMetrics metrics;

  final ChaosWebSocket jdkWebSockets;

  /** The fault plan of the program's plain {@code HttpURLConnection}s, one caller to the server. */
  final RequestFaults urlConnectionFaults;

  private final ChaosConfigWatcher watcher;
  private final MetricsEndpoint metricsEndpoint;
  private final ChaosControlServer control;

  private AgentRuntime(AgentOptions options) {
    this.injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(false).build())
            .instanceId("mm-chaos-agent")
            .build();
    GlobalChaos.init(injector);
    this.metrics = options.metricsPort == AgentOptions.NONE ? null : ChaosMetrics.bind(injector);
    this.urlConnectionFaults = RequestFaults.of(injector);
    this.jdkWebSockets = ChaosWebSocket.builder(injector).gapListener(this::recordWsGapMs).build();
    this.watcher = ChaosConfigWatcher.start(options.config, injector);
    this.metricsEndpoint =
        options.metricsPort == AgentOptions.NONE
            ? null
            : MetricsEndpoint.start(metrics, options.metricsPort);
    this.control =
        options.controlPort == AgentOptions.NONE
            ? null
            : ChaosControlServer.builder(injector)
                .tokenFromEnv(options.tokenEnv)
                .port(options.controlPort)
                .start();
  }

  /** Starts the runtime for {@code options} and makes it {@link #current}. */
  static AgentRuntime start(AgentOptions options) {
    AgentRuntime rt = new AgentRuntime(options);
    current = rt;
    LOG.log(
        Level.INFO,
        "mm-chaos agent: watching {0}; chaos {1}{2}{3}",
        options.config,
        rt.injector.config().enabled() ? "on" : "off",
        rt.control == null ? "" : "; control endpoint on 127.0.0.1:" + rt.control.port(),
        rt.metricsEndpoint == null
            ? ""
            : "; metrics on http://127.0.0.1:" + rt.metricsEndpoint.port() + "/metrics");
    return rt;
  }

  /** Records a WebSocket gap in the metrics, if they are kept. */
  void recordWsGapMs(double gapMs) {
    ChaosMetrics m = metrics;
    if (m != null) {
      m.recordWsGapMs(gapMs);
    }
  }

  /** The port of the control endpoint, or -1 when it is not served. */
  int controlPort() {
    return control == null ? -1 : control.port();
  }

  /** The port of the metrics endpoint, or -1 when it is not served. */
  int metricsPort() {
    return metricsEndpoint == null ? -1 : metricsEndpoint.port();
  }

  /**
   * Logs, once per {@code what}, that a client could not be decorated; the client is then used as
   * it is. Never throws.
   */
  static void couldNotDecorate(String what, Throwable t) {
    try {
      if (Once.first(what)) {
        LOG.log(Level.WARNING, "mm-chaos agent: could not decorate " + what + "; left as it is", t);
      }
    } catch (RuntimeException | LinkageError ignored) {
      // Logging must never break the program's network code.
    }
  }

  /** Which warnings were given already. */
  private static final class Once {
    private static final java.util.Set<String> SEEN =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    static boolean first(String key) {
      return SEEN.add(key);
    }
  }
}
