package io.mmbot.chaos.agent;

import io.mmbot.chaos.agent.bootstrap.ChaosBridge;
import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent's hook for {@code HttpURLConnection} (outside rescu, whose calls the agent's rescu
 * interceptor handles in full). One {@link FaultPlan} per connection, drawn as it opens; each fault
 * fails as the JDK fails for real, through the JDK's own code wherever it can:
 *
 * <ul>
 *   <li>LAT_SPIKE: the connect waits.
 *   <li>DNS_FLAP: {@link UnknownHostException} with the host name, never for an IP literal.
 *   <li>NET_LOSS before sending: {@link ConnectException} "Connection refused"; the server never
 *       sees the request.
 *   <li>A synthetic status (429, 418, 5xx): the JDK reads it as the answer (status line, headers,
 *       body through {@code getErrorStream()}); before execution the request is written nowhere,
 *       after execution it reaches the server and its real answer is dropped.
 *   <li>NET_LOSS after sending, the answer lost: the request reaches the server, then the read
 *       fails with {@code SocketTimeoutException: Read timed out} after the connection's read
 *       timeout.
 *   <li>NET_LOSS after sending, the connection cut: the request reaches the server, then the read
 *       fails with {@code SocketException: Connection reset}; the JDK itself then sends the request
 *       once more on a new connection (POST included, as it does for a real reset), which is cut
 *       too.
 * </ul>
 *
 * <p>The connection is opened for real even for a fault before execution (the server sees a
 * connection that carries no request), as the JDK's client cannot be kept from opening it.
 */
final class UrlConnectionHooks implements ChaosBridge.UrlConnectionHook {

  /** Set while the agent's rescu interceptor runs a call: its faults are applied there. */
  static final ThreadLocal<Boolean> IN_RESCU = new ThreadLocal<>();

  static final UrlConnectionHooks INSTANCE = new UrlConnectionHooks();

  /** The plans of exchanges under way, by the JDK's HTTP client that carries them. */
  private final Map<Object, Struck> plans = Collections.synchronizedMap(new WeakHashMap<>());

  /** Whether any plan was ever bound: until then the write and read hooks cost one read. */
  private volatile boolean anyPlan;

  private UrlConnectionHooks() {}

  /** The plan of one exchange, and how often its cut has struck. */
  private static final class Struck {
    final FaultPlan plan;
    int strikes;

    Struck(FaultPlan plan) {
      this.plan = plan;
    }
  }

  @Override
  public Object beforeConnect(HttpURLConnection connection) throws IOException {
    AgentRuntime rt = AgentRuntime.current;
    if (rt == null || IN_RESCU.get() != null || !rt.injector.config().enabled()) {
      return null;
    }
    RequestFaults faults = rt.urlConnectionFaults;
    long delayMs = faults.nextDelayMs();
    if (delayMs > 0) {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while connecting");
      }
    }
    String host = connection.getURL().getHost();
    if (host != null
        && !host.isEmpty()
        && !isIpLiteral(host)
        && rt.injector.shouldInjectDnsFlap()) {
      throw new UnknownHostException(host);
    }
    FaultPlan plan = faults.afterDelay(delayMs);
    if (plan == null || plan.scenario() == null) {
      return null;
    }
    if (plan.isLoss() && !plan.reachesServer()) {
      throw new ConnectException("Connection refused");
    }
    return new Struck(plan);
  }

  @Override
  public void connected(Object plan, Object httpClient) {
    if (plan instanceof Struck && httpClient != null) {
      plans.put(httpClient, (Struck) plan);
      anyPlan = true;
    }
  }

  @Override
  public PrintStream requestOutput(Object httpClient, PrintStream out) {
    if (!anyPlan) {
      return out;
    }
    Struck s = plans.get(httpClient);
    if (s == null || s.plan.reachesServer()) {
      return out;
    }
    return new PrintStream(OutputStream.nullOutputStream(), false);
  }

  @Override
  public InputStream responseInput(
      Object httpClient, InputStream in, HttpURLConnection connection) {
    if (!anyPlan) {
      return in;
    }
    Struck s;
    synchronized (plans) {
      s = plans.get(httpClient);
      if (s == null) {
        return in;
      }
      // a cut strikes the request and the copy the JDK sends on its own; anything else once
      s.strikes++;
      if (!s.plan.isCut() || s.strikes >= 2) {
        plans.remove(httpClient);
      }
    }
    try {
      return UrlConnectionAnswers.replacing(in, s.plan, connection.getReadTimeout());
    } catch (RuntimeException | LinkageError e) {
      AgentRuntime.couldNotDecorate("an HttpURLConnection answer", e);
      return in;
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
