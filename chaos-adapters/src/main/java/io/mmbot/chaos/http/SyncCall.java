package io.mmbot.chaos.http;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One blocking {@code send} that meets chaos: its injected delay, then its fault, as {@link
 * AsyncCall} does for {@code sendAsync}. The waits (an injected delay, a lost response's timeout)
 * run on the client's {@link Scheduler} so that they run in virtual time in tests. A wait ends
 * early with {@link InterruptedException} when the caller is interrupted (the timer is then
 * cancelled and nothing more happens for the request) or with an {@link IOException} when the
 * client is shut down now.
 */
final class SyncCall implements ClientShutdown.Pending {

  private final ChaosHttpClient client;
  private final Scheduler scheduler;
  private final ClientShutdown lifecycle;
  private volatile CompletableFuture<Void> wake;
  private volatile IOException aborted;

  SyncCall(ChaosHttpClient client) {
    this.client = client;
    this.scheduler = client.scheduler();
    this.lifecycle = client.lifecycle();
    lifecycle.started(this);
  }

  /**
   * Sends {@code request} with {@code delayMs} of injected delay first (0: none), then the fault
   * drawn after it; {@code plan} is the fault already drawn when there is no delay.
   */
  <T> HttpResponse<T> send(
      HttpRequest request, BodyHandler<T> handler, long delayMs, FaultPlan plan)
      throws IOException, InterruptedException {
    HttpClient delegate = client.delegate();
    long submittedAt = scheduler.nanoTime();
    HttpRequest out = request;
    if (delayMs > 0) {
      client.report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, delayMs, request);
      long delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
      long budget = Timeouts.unsentBudgetNanos(request, delegate);
      if (budget <= delayNanos) {
        sleep(budget);
        throw Timeouts.unsentTimeout(request, delegate);
      }
      sleep(delayNanos);
      plan = client.faults().afterDelay(delayMs);
      out = Timeouts.withRemainingTimeout(request, scheduler.nanoTime() - submittedAt);
      if (plan == null || plan.scenario() == null) {
        return delegate.send(out, handler);
      }
    }
    if (plan.isCut()) {
      byte[] body = delegate.send(out, BodyHandlers.ofByteArray()).body();
      client.report(plan.scenario(), plan.outcome(), 0, 0, request);
      throw FaultPlan.asThrownBySend(FaultPlan.cutException(body == null ? 0 : body.length));
    }
    if (plan.reachesServer()) {
      delegate.send(out, BodyHandlers.discarding());
    }
    client.report(plan.scenario(), plan.outcome(), plan.status(), 0, request);
    if (plan.status() == 0) {
      if (plan.outcome() == Outcome.RESPONSE_LOST) {
        long timeout = Timeouts.lostResponseNanos(request, client.lostResponseTimeout());
        sleep(timeout - (scheduler.nanoTime() - submittedAt));
      }
      throw FaultPlan.asThrownBySend(plan.lossException());
    }
    return SyntheticResponse.await(
        SyntheticResponse.of(request, client.syntheticVersion(request), plan, handler));
  }

  void sleep(long nanos) throws InterruptedException, IOException {
    if (aborted != null) {
      throw aborted;
    }
    if (nanos <= 0) {
      return;
    }
    CompletableFuture<Void> w = new CompletableFuture<>();
    wake = w;
    Future<?> timer = scheduler.schedule(nanos, Runnable::run, () -> w.complete(null));
    try {
      w.get();
    } catch (ExecutionException e) {
      throw aborted;
    } finally {
      timer.cancel(false);
    }
  }

  @Override
  public void abort(IOException e) {
    aborted = e;
    CompletableFuture<Void> w = wake;
    if (w != null) {
      w.completeExceptionally(e);
    }
  }

  void finished() {
    lifecycle.finished(this);
  }
}
