package io.mmbot.chaos.xchange;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.Interceptor;

/**
 * A rescu {@link Interceptor} that applies the injector's HTTP faults to XChange's REST calls and
 * fails them exactly as rescu and XChange fail a real call. XChange loads it by itself: this jar on
 * the class path registers it for {@link java.util.ServiceLoader} under {@code
 * si.mazi.rescu.Interceptor}, and XChange adds every interceptor found there to each REST proxy it
 * builds. That instance chooses its injector per call through {@link XChangeChaos} (an injector
 * bound to the exchange's base URI, else {@link io.mmbot.chaos.GlobalChaos}); {@link
 * #of(ChaosInjector)} makes one with a fixed injector, for a proxy built by hand.
 *
 * <p>Fault contract, per REST call (one {@link RequestFaults#next()} plan per call):
 *
 * <ul>
 *   <li>LAT_SPIKE: the call waits {@code lat_spike_ms} on the caller's thread first.
 *   <li>DNS_FLAP (drawn before the plan, for a host name that is not an IP literal): {@link
 *       java.net.UnknownHostException} with the host as its message, as {@code HttpURLConnection}
 *       reports a failed lookup; the server never sees the call. Every call may meet it (the
 *       intensity is the share of calls that meet a failed lookup), while a real lookup happens
 *       only when {@code HttpURLConnection} opens a new connection.
 *   <li>NET_LOSS before sending: {@link java.net.ConnectException} "Connection refused"; the server
 *       never sees the call. After sending (chance {@code unknown_outcome_share}): the call reaches
 *       the server, its answer is discarded, and after the client's read timeout (or 10 s when it
 *       has none) it fails with {@link java.net.SocketTimeoutException} "Read timed out". A loss
 *       after sending that cuts the connection ({@code net_loss.cut_share}) is met as {@code
 *       HttpURLConnection} meets a reset before the answer: it silently sends the call a second
 *       time (the server sees it twice, as for a real reset), and the call fails with {@link
 *       java.net.SocketException} "Connection reset".
 *   <li>EXCH_429, RATE_LIMIT_STORM (429, and 418 on escalation) and EXCH_5XX: the answer is
 *       synthetic, with the status, headers and JSON body of the other mm-chaos adapters, and is
 *       read by rescu's own response reader for the called method: the caller gets the method's
 *       declared exception (for xchange-binance, {@code BinanceException} with the body's code and
 *       message, the HTTP status and the response headers), exactly as for a real answer. A 5xx
 *       after sending (chance {@code unknown_outcome_share}) first lets the call reach the server.
 * </ul>
 *
 * <p>A call that really fails while it is sent for an after-send fault fails as it really did. With
 * chaos off, between bursts and in dry-run, calls pass through untouched. Not imitated: rescu's
 * {@code wrapUnexpectedExceptions} setting (XChange leaves it off) and the request details rescu
 * attaches to an {@code InvocationAware} exception.
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class ChaosRescuInterceptor implements Interceptor {

  /** How long a lost response keeps a call waiting when the client has no read timeout: 10 s. */
  public static final Duration DEFAULT_LOST_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

  private final RequestFaults fixed;
  private final Pause pause;

  /** The instance XChange loads: chooses its injector per call through {@link XChangeChaos}. */
  public ChaosRescuInterceptor() {
    this(null, Pause.THREAD_SLEEP);
  }

  ChaosRescuInterceptor(RequestFaults fixed, Pause pause) {
    this.fixed = fixed;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** An interceptor that always applies {@code injector}'s faults, with a plan of its own. */
  public static ChaosRescuInterceptor of(ChaosInjector injector) {
    return of(RequestFaults.of(injector));
  }

  /** An interceptor that always applies the plans of {@code faults}. */
  public static ChaosRescuInterceptor of(RequestFaults faults) {
    return new ChaosRescuInterceptor(Objects.requireNonNull(faults, "faults"), Pause.THREAD_SLEEP);
  }

  @Override
  public Object aroundInvoke(InvocationHandler next, Object proxy, Method method, Object[] args)
      throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return next.invoke(proxy, method, args);
    }
    RescuTarget target = RescuTarget.of(next);
    RequestFaults faults = fixed != null ? fixed : XChangeChaos.faultsFor(target.baseUrl());
    ChaosInjector injector = faults.injector();
    if (!injector.config().enabled()) {
      return next.invoke(proxy, method, args);
    }
    String host = target.host();
    if (host != null && !isIpLiteral(host) && injector.shouldInjectDnsFlap()) {
      throw RescuAnswers.unknownHost(host);
    }
    FaultPlan plan = faults.next();
    if (plan == null) {
      return next.invoke(proxy, method, args);
    }
    if (plan.delayMs() > 0) {
      pause.sleep(plan.delayMs());
    }
    if (plan.scenario() == null) {
      return next.invoke(proxy, method, args);
    }
    if (!plan.reachesServer()) {
      throw plan.isLoss()
          ? RescuAnswers.connectionRefused()
          : RescuAnswers.statusFailure(plan, method, target);
    }
    sendForReal(next, proxy, method, args);
    if (plan.isCut()) {
      // HttpURLConnection meets a reset before the answer by sending the request once more on a
      // new connection, POST included; the copy reaches the exchange too, and is cut as well
      sendForReal(next, proxy, method, args);
      throw RescuAnswers.connectionReset();
    }
    if (plan.isLoss()) {
      int timeout = target.readTimeoutMs();
      pause.sleep(timeout > 0 ? timeout : DEFAULT_LOST_RESPONSE_TIMEOUT.toMillis());
      throw RescuAnswers.readTimedOut();
    }
    throw RescuAnswers.statusFailure(plan, method, target);
  }

  /**
   * Sends the call for real and drops its answer; a call that really fails on the way fails as it
   * really did.
   */
  private static void sendForReal(
      InvocationHandler next, Object proxy, Method method, Object[] args) throws Throwable {
    try {
      next.invoke(proxy, method, args);
    } catch (IOException e) {
      if (!(e instanceof HttpStatusException)) {
        throw e; // the connection really failed: that is what the caller meets
      }
    } catch (RuntimeException e) {
      if (!(e instanceof HttpStatusException)) {
        throw e;
      }
    }
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (never looked up, so never failed). */
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

  @Override
  public String toString() {
    return fixed != null
        ? "ChaosRescuInterceptor{" + fixed.injector() + '}'
        : "ChaosRescuInterceptor{per exchange}";
  }
}
