package io.mmbot.chaos.agent;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.agent.bootstrap.ChaosBridge;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.UnknownHostException;

/**
 * The agent's hook for {@code HttpURLConnection} (outside rescu, whose calls the agent's rescu
 * interceptor handles in full): the faults that strike a connection as it is opened, each failing
 * as the JDK fails for real — LAT_SPIKE (the connect waits), DNS_FLAP ({@link UnknownHostException}
 * with the host name, never for an IP literal) and NET_LOSS ({@link ConnectException} "Connection
 * refused"; the server never sees the request). Synthetic statuses and losses after sending are not
 * made here: an {@code HttpURLConnection} answer cannot be replaced without reimplementing the
 * class.
 */
final class UrlConnectionHooks implements ChaosBridge.ConnectHook {

  /** Set while the agent's rescu interceptor runs a call: its faults are applied there. */
  static final ThreadLocal<Boolean> IN_RESCU = new ThreadLocal<>();

  static final UrlConnectionHooks INSTANCE = new UrlConnectionHooks();

  private UrlConnectionHooks() {}

  @Override
  public void beforeConnect(HttpURLConnection connection) throws IOException {
    AgentRuntime rt = AgentRuntime.current;
    if (rt == null || IN_RESCU.get() != null) {
      return;
    }
    ChaosInjector injector = rt.injector;
    if (!injector.config().enabled()) {
      return;
    }
    String host = connection.getURL().getHost();
    long delayMs = injector.latencyToAddMs();
    if (delayMs > 0) {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while connecting");
      }
    }
    if (host != null && !host.isEmpty() && !isIpLiteral(host) && injector.shouldInjectDnsFlap()) {
      throw new UnknownHostException(host);
    }
    if (injector.shouldInjectNetLoss()) {
      throw new ConnectException("Connection refused");
    }
  }

  static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0 || host.startsWith("[")) {
      return true;
    }
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}
