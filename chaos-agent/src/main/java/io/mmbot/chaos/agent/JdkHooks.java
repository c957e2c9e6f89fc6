package io.mmbot.chaos.agent;

import io.mmbot.chaos.http.ChaosHttpClient;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.function.UnaryOperator;

/**
 * The agent's hooks for the JDK's {@code java.net.http}: every {@code HttpClient} built is wrapped
 * in a {@link ChaosHttpClient} (one fault plan per client), and every WebSocket listener in the
 * agent's {@code ChaosWebSocket}. Installed into {@code ChaosBridge}, which the woven JDK code
 * calls. Fail-safe: a failure is logged once and the client or listener is used as it is.
 */
final class JdkHooks {

  private static final ThreadLocal<Boolean> WRAPPING = new ThreadLocal<>();

  private JdkHooks() {}

  /** The hook for a freshly built {@code HttpClient}. */
  static final UnaryOperator<Object> HTTP_CLIENTS =
      client -> {
        AgentRuntime rt = AgentRuntime.current;
        if (rt == null
            || WRAPPING.get() != null
            || !(client instanceof HttpClient)
            || client instanceof ChaosHttpClient) {
          return client;
        }
        WRAPPING.set(Boolean.TRUE);
        try {
          return ChaosHttpClient.builder((HttpClient) client, rt.injector).build();
        } catch (RuntimeException | LinkageError e) {
          AgentRuntime.couldNotDecorate("a JDK HttpClient", e);
          return client;
        } finally {
          WRAPPING.remove();
        }
      };

  /** The hook for a JDK WebSocket listener about to be connected. */
  static final UnaryOperator<Object> WEB_SOCKET_LISTENERS =
      listener -> {
        AgentRuntime rt = AgentRuntime.current;
        if (rt == null
            || !(listener instanceof WebSocket.Listener)
            || listener.getClass().getName().equals("io.mmbot.chaos.ws.WrappedListener")) {
          return listener;
        }
        try {
          return rt.jdkWebSockets.wrap((WebSocket.Listener) listener);
        } catch (RuntimeException | LinkageError e) {
          AgentRuntime.couldNotDecorate("a JDK WebSocket listener", e);
          return listener;
        }
      };
}
