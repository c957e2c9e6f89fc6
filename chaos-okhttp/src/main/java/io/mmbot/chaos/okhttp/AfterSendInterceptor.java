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
 * server ({@code proceed} exactly once), then replaces the response (closing the real body), loses
 * it, or cuts its body half way ({@link CutResponse}). Only the first network attempt of the call
 * that gets a response applies the fault; one that fails for real passes its failure on, so
 * OkHttp's own retry of it still meets the fault. Calls without an after-send fault pass through
 * untouched.
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
    if (token == null || !chaos.on() || !token.claim()) {
      return response; // switched off while the exchange answered: the real answer goes back
    }
    return strike(chaos, token.plan, response, chain);
  }

  /**
   * Applies the after-send part of {@code plan} to the real {@code response}. A lost response is
   * held unread while the caller waits for its timeout; if chaos is switched off meanwhile the wait
   * ends and the real response is handed over after all.
   */
  static Response strike(
      ChaosOkHttp chaos, FaultPlan plan, Response response, Interceptor.Chain chain)
      throws IOException {
    if (plan.isCut()) {
      chaos.report(plan.scenario(), plan.outcome(), 0, 0, response.request());
      return CutResponse.of(response);
    }
    if (plan.isLoss()) {
      int readTimeout = chain.readTimeoutMillis();
      long waitMs = readTimeout > 0 ? readTimeout : chaos.lostResponseTimeoutMs;
      boolean served;
      try {
        served = chaos.timing.sleep(waitMs, chain.call(), chaos::on);
      } catch (IOException | RuntimeException e) {
        closeQuietly(response);
        throw e;
      }
      if (!served) {
        return response;
      }
      closeQuietly(response); // the exchange answered; the caller never reads it
      chaos.report(plan.scenario(), plan.outcome(), plan.status(), 0, response.request());
      throw OkHttpAnswers.lostAfterSending(response.protocol());
    }
    closeQuietly(response);
    chaos.report(plan.scenario(), plan.outcome(), plan.status(), 0, response.request());
    return OkHttpAnswers.response(
        response.request(),
        plan,
        response.protocol(),
        response.sentRequestAtMillis(),
        response.receivedResponseAtMillis());
  }

  private static void closeQuietly(Response response) {
    ResponseBody body = response.body();
    if (body != null) {
      body.close();
    }
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.networkInterceptor{" + chaos.injector + '}';
  }
}
