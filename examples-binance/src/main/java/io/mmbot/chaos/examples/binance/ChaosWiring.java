package io.mmbot.chaos.examples.binance;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.config.ChaosConfigLoader;
import io.mmbot.chaos.config.ChaosConfigWatcher;
import io.mmbot.chaos.control.ChaosControlServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * mm-chaos wired into the bot the way a user wires it:
 *
 * <ul>
 *   <li>one injector. Under the chaos agent ({@code -javaagent:mm-chaos-agent.jar=config=…}) it is
 *       the agent's, which the agent publishes as {@link GlobalChaos} and applies inside
 *       binance-connector-java's private OkHttp client and its WebSocket streams; so everything
 *       below drives the faults the connector meets. Without the agent the bot makes its own;
 *   <li>a {@link ChaosConfigWatcher} on {@code --config} (hot reload, fail-safe: a broken file
 *       switches chaos off); without {@code --config}, the built-in {@code config.yaml} (chaos
 *       off);
 *   <li>a {@link RollbackGuard} fed with every tick, which switches chaos off when the bot suffers;
 *   <li>with {@code --control-port}, a {@link ChaosControlServer} on 127.0.0.1 with the token.
 * </ul>
 */
final class ChaosWiring implements AutoCloseable {

  /** The instance id the chaos agent gives its injector. */
  static final String AGENT_INSTANCE = "mm-chaos-agent";

  private final ChaosInjector injector;
  private final boolean underAgent;
  private final ChaosConfigWatcher watcher;
  private final RollbackGuard guard;
  private final ChaosControlServer control;

  private ChaosWiring(BotArgs args) {
    ChaosInjector global = GlobalChaos.get();
    this.underAgent = AGENT_INSTANCE.equals(global.instanceId());
    if (underAgent) {
      this.injector = global;
    } else {
      this.injector =
          ChaosInjector.builder().config(ChaosConfigLoader.parse(builtInConfig())).build();
    }
    this.watcher = args.config() == null ? null : ChaosConfigWatcher.start(args.config(), injector);
    this.guard = RollbackGuard.builder(injector).build();
    this.control =
        args.controlPort() < 0
            ? null
            : ChaosControlServer.builder(injector)
                .token(args.controlToken())
                .port(args.controlPort())
                .guard(guard)
                .start();
  }

  /** Wires mm-chaos for {@code args}. */
  static ChaosWiring start(BotArgs args) {
    return new ChaosWiring(args);
  }

  /** The text of the {@code config.yaml} inside the jar. */
  static String builtInConfig() {
    try (InputStream in = ChaosWiring.class.getResourceAsStream("/config.yaml")) {
      if (in == null) {
        throw new IllegalStateException("config.yaml is missing from the bot's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChaosInjector injector() {
    return injector;
  }

  /** Whether the chaos agent is attached (and applies the injector inside the connector). */
  boolean underAgent() {
    return underAgent;
  }

  /** Feeds one tick to the rollback guard. */
  void recordTick(long durationNanos, boolean deadlineMissed) {
    guard.recordTick(durationNanos, deadlineMissed);
  }

  /** The control endpoint's port, or -1. */
  int controlPort() {
    return control == null ? -1 : control.port();
  }

  @Override
  public void close() {
    if (control != null) {
      control.close();
    }
    if (watcher != null) {
      watcher.close();
    }
    guard.close();
  }
}
