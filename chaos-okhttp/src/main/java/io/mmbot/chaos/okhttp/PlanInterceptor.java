package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.HttpFault.Outcome;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The application interceptor: draws one plan per pass (one per logical call, plus one per retry a
 * connector's own interceptor makes around it) and applies its before-send part. The after-send
 * part travels to {@link AfterSendInterceptor} as an {@link AfterSend} tag; if no network attempt
 * applied it (the response came from a cache, or the network interceptor is not installed), it is
 * applied here on the way back, so each plan strikes exactly once.
 *
 * <p>The delay is drawn first and the fault only once the delay is over, as the request goes out,
 * so nothing is injected into a call whose chaos was switched off while it waited. For {@code
 * enqueue}, the delay was drawn and spent by {@link LatencyExecutor} before the call reached a
 * dispatcher thread; this interceptor picks it up from the thread instead of drawing again.
 */
final class PlanInterceptor implements Interceptor {

  private final ChaosOkHttp chaos;
  private final ChaosInjector injector;

  PlanInterceptor(ChaosOkHttp chaos) {
    this.chaos = chaos;
    this.injector = chaos.injector;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    // Kept small so that the chaos-off path inlines: one volatile read, then proceed.
    if (!injector.config().enabled()) {
      return chain.proceed(chain.request());
    }
    return interceptLive(chain);
  }

  private Response interceptLive(Chain chain) throws IOException {
    Request request = chain.request();
    if (isWebSocketUpgrade(request)) {
      return chain.proceed(request);
    }
    LatencyExecutor.Planned scheduled = LatencyExecutor.Planned.takeFor(chain.call());
    long delayMs;
    if (scheduled != null) {
      scheduled.throwIfFailed();
      delayMs = scheduled.delayMs;
      if (delayMs > 0) {
        chaos.report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, delayMs, request);
      }
    } else {
      delayMs = chaos.faults.nextDelayMs();
      if (delayMs > 0) {
        chaos.report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, delayMs, request);
        chaos.timing.sleep(delayMs, chain.call(), chaos::on);
      }
    }
    // The fault is drawn now, as the request goes out, never before the wait: a call whose chaos
    // was switched off during its spike draws nothing (every gate is shut after disable returns).
    FaultPlan plan = chaos.faults.afterDelay(delayMs);
    if (plan == null || plan.scenario() == null) {
      return chain.proceed(request);
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
    if (!plan.reachesServer()) {
      chaos.report(plan.scenario(), plan.outcome(), plan.status(), 0, request);
      if (plan.isLoss()) {
        throw OkHttpAnswers.lostBeforeSending(request, chaos.resolved);
      }
      long now = System.currentTimeMillis();
      return OkHttpAnswers.response(
          request, plan, OkHttpAnswers.protocolFor(chain.call()), now, now);
    }
    AfterSend token = new AfterSend(plan);
    Response response = chain.proceed(request.newBuilder().tag(AfterSend.class, token).build());
    // No network attempt applied it (a cached response, or no network interceptor installed);
    // a plan whose chaos was switched off meanwhile is dropped: disable wins.
    return token.claim() && chaos.on()
        ? AfterSendInterceptor.strike(chaos, plan, response, chain)
        : response;
  }

  /** Whether {@code builder} already holds a plan interceptor: it was decorated before. */
  static boolean installedIn(OkHttpClient.Builder builder) {
    for (Interceptor i : builder.interceptors()) {
      if (i instanceof PlanInterceptor) {
        return true;
      }
    }
    return false;
  }

  /** WebSocket handshakes are left alone: their faults are the listener wrapper's. */
  static boolean isWebSocketUpgrade(Request request) {
    return "websocket".equalsIgnoreCase(request.header("Upgrade"));
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.applicationInterceptor{" + chaos.injector + '}';
  }
}
