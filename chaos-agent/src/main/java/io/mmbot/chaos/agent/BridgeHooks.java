package io.mmbot.chaos.agent;

import io.mmbot.chaos.agent.bootstrap.ChaosBridge;

/**
 * Installs the agent's JDK hooks into {@link ChaosBridge}. A class of its own, loaded only once the
 * bridge is on the bootstrap class path: the JVM resolves the bridge's types when it verifies the
 * code that names them, and they must resolve to the bootstrap copy.
 */
final class BridgeHooks {

  private BridgeHooks() {}

  static void install() {
    ChaosBridge.install(
        JdkHooks.HTTP_CLIENTS, JdkHooks.WEB_SOCKET_LISTENERS, UrlConnectionHooks.INSTANCE);
  }
}
