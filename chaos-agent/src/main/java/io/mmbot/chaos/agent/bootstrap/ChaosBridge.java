package io.mmbot.chaos.agent.bootstrap;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.function.UnaryOperator;

/**
 * The one class the agent puts on the bootstrap class path: code woven into the JDK's own classes
 * ({@code java.net.http}, {@code HttpURLConnection}) can see only bootstrap classes, so it calls
 * these static methods, and the agent installs the hooks they forward to. Until a hook is installed
 * (and whenever one is removed) the methods return their argument unchanged, so the JDK behaves as
 * without the agent. Public because woven code in other packages calls it; not an API.
 */
public final class ChaosBridge {

  /** Connection-level faults of an {@code HttpURLConnection}, applied before it connects. */
  @FunctionalInterface
  public interface ConnectHook {
    /**
     * Called once per connection before it connects; may wait or throw what a real failure does.
     */
    void beforeConnect(HttpURLConnection connection) throws IOException;
  }

  private static volatile UnaryOperator<Object> httpClients;
  private static volatile UnaryOperator<Object> webSocketListeners;
  private static volatile ConnectHook connects;

  private ChaosBridge() {}

  /** Installs the hooks; null for any leaves that kind alone. */
  public static void install(
      UnaryOperator<Object> httpClientHook,
      UnaryOperator<Object> webSocketListenerHook,
      ConnectHook connectHook) {
    httpClients = httpClientHook;
    webSocketListeners = webSocketListenerHook;
    connects = connectHook;
  }

  /** A JDK {@code HttpClient} just built, decorated if a hook is installed. */
  public static Object httpClient(Object client) {
    UnaryOperator<Object> hook = httpClients;
    return hook == null || client == null ? client : hook.apply(client);
  }

  /** A JDK {@code WebSocket.Listener} about to be connected, wrapped if a hook is installed. */
  public static Object webSocketListener(Object listener) {
    UnaryOperator<Object> hook = webSocketListeners;
    return hook == null || listener == null ? listener : hook.apply(listener);
  }

  /** Called by an {@code HttpURLConnection} that is about to connect. */
  public static void beforeConnect(HttpURLConnection connection) throws IOException {
    ConnectHook hook = connects;
    if (hook != null) {
      hook.beforeConnect(connection);
    }
  }
}
