package io.mmbot.chaos.agent.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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

  /**
   * The faults of an {@code HttpURLConnection}, applied at the three points where the JDK's own
   * code goes on the network: as the connection is opened, as the request is written, and as the
   * answer's head is read. The JDK's HTTP client ({@code sun.net.www.http.HttpClient}, passed as an
   * {@code Object}) ties the three together.
   */
  public interface UrlConnectionHook {
    /**
     * Called once per connection before it connects; may wait or throw what a real failure does.
     * Returns what the exchange to come meets, handed back to {@link #connected}, or null.
     */
    Object beforeConnect(HttpURLConnection connection) throws IOException;

    /** The connection is open on {@code httpClient}; {@code plan} is what it meets. */
    void connected(Object plan, Object httpClient);

    /** The stream the request is about to be written to: {@code out}, or one in its place. */
    PrintStream requestOutput(Object httpClient, PrintStream out);

    /**
     * The stream the answer is about to be read from: {@code in}, or one in its place (a synthetic
     * answer, or one that fails as a lost or cut connection does).
     */
    InputStream responseInput(Object httpClient, InputStream in, HttpURLConnection connection);
  }

  private static volatile UnaryOperator<Object> httpClients;
  private static volatile UnaryOperator<Object> webSocketListeners;
  private static volatile UrlConnectionHook connects;

  private ChaosBridge() {}

  /** Installs the hooks; null for any leaves that kind alone. */
  public static void install(
      UnaryOperator<Object> httpClientHook,
      UnaryOperator<Object> webSocketListenerHook,
      UrlConnectionHook connectHook) {
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

  /**
   * Called by an {@code HttpURLConnection} that is about to connect; returns the token to pass to
   * {@link #connected} once it is connected, or null.
   */
  public static Object beforeConnect(HttpURLConnection connection) throws IOException {
    UrlConnectionHook hook = connects;
    return hook == null ? null : hook.beforeConnect(connection);
  }

  /** Called by an {@code HttpURLConnection} connected on {@code httpClient} with a plan. */
  public static void connected(Object plan, Object httpClient) {
    UrlConnectionHook hook = connects;
    if (hook != null) {
      hook.connected(plan, httpClient);
    }
  }

  /** Called by the JDK's HTTP client as it writes a request to {@code out}. */
  public static PrintStream requestOutput(Object httpClient, PrintStream out) {
    UrlConnectionHook hook = connects;
    return hook == null ? out : hook.requestOutput(httpClient, out);
  }

  /** Called by the JDK's HTTP client as it starts reading an answer from {@code in}. */
  public static InputStream responseInput(
      Object httpClient, InputStream in, HttpURLConnection connection) {
    UrlConnectionHook hook = connects;
    return hook == null ? in : hook.responseInput(httpClient, in, connection);
  }
}
