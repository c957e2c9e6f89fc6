package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.FaultPlan;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The network interceptor: for a call whose plan strikes after sending, lets the request reach the
 * server ({@code proceed} exactly once), then replaces the response (closing the real body) or
 * loses it. Only the first network attempt of the call that gets a response applies the fault; one
 * that fails for real passes its failure on, so OkHttp's own retry of it still meets the fault.
 * Calls without an after-send fault pass through untouched.
 */
final class AfterSendInterceptor implements Interceptor {

  private final ChaosOkHttp chaos;
  private final ChaosInjector injector;

  AfterSendInterceptor(ChaosOkHttp chaos) {
    this.chaos = chaos;
    this.injector = chaos.injector;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!injector.config().enabled()) {
      return chain.proceed(request); // off, or switched off since the plan was drawn: disable wins
    }
    AfterSend token = request.tag(AfterSend.class);
    Response response = chain.proceed(request);
    if (token == null || !token.claim()) {
      return response;
    }
    return strike(chaos, token.plan, response, chain);
  }

  /** Applies the after-send part of {@code plan} to the real {@code response}. */
  static Response strike(
      ChaosOkHttp chaos, FaultPlan plan, Response response, Interceptor.Chain chain)
      throws IOException {
    ResponseBody body = response.body();
    if (body != null) {
      body.close(); // the exchange answered; the caller never reads it
    }
    chaos.report(plan.scenario(), plan.outcome(), plan.status(), 0, response.request());
    if (plan.isLoss()) {
      int readTimeout = chain.readTimeoutMillis();
      chaos.timing.sleep(readTimeout > 0 ? readTimeout : chaos.lostResponseTimeoutMs, chain.call());
      throw OkHttpAnswers.lostAfterSending(response.protocol());
    }
    return OkHttpAnswers.response(
        response.request(),
        plan,
        response.protocol(),
        response.sentRequestAtMillis(),
        response.receivedResponseAtMillis());
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.networkInterceptor{" + chaos.injector + '}';
  }
}
