package io.mmbot.chaos.http;

import io.mmbot.chaos.http.HttpFault.Outcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sendAsync} that meets chaos, and the future returned for it. Stages: an optional
 * injected delay (a timer), then the rest of the plan drawn as the request goes out, then the real
 * send, a synthetic answer, or a loss (with a timer for a lost response's timeout).
 *
 * <p>Cancelling (or otherwise completing) this future before the request was handed to the delegate
 * means it is never sent: the hand-over happens under {@link #lock} after checking that this future
 * is still open, and {@link #cancel} completes the future before it takes the lock to stop the
 * timer and the delegate's exchange. A request whose timeout ends during the delay fails with the
 * JDK's timeout exception and is never sent; no fault is drawn for it.
 */
final class AsyncCall<T> extends CompletableFuture<HttpResponse<T>>
    implements ClientShutdown.Pending {

  private final ChaosHttpClient client;
  private final HttpRequest request;
  private final BodyHandler<T> handler;
  private final PushPromiseHandler<T> push;
  private final long submittedAt;
  private final Object lock = new Object();
  private Future<?> timer;
  private CompletableFuture<?> inFlight;

  AsyncCall(
      ChaosHttpClient client,
      HttpRequest request,
      BodyHandler<T> handler,
      PushPromiseHandler<T> push,
      long submittedAt) {
    this.client = client;
    this.request = request;
    this.handler = handler;
    this.push = push;
    this.submittedAt = submittedAt;
    client.lifecycle().started(this);
  }

  /** Waits {@code delayMs} (bounded by the request's timeouts), then goes on with the plan. */
  AsyncCall<T> delayThenSend(long delayMs) {
    long delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
    HttpClient delegate = client.delegate();
    long budget = Timeouts.unsentBudgetNanos(request, delegate);
    if (budget <= delayNanos) {
      IOException timedOut = Timeouts.unsentTimeout(request, delegate);
      after(budget, () -> fail(timedOut));
    } else {
      after(delayNanos, () -> goOut(delayMs));
    }
    return this;
  }

  /** Applies {@code plan} to a request that goes out now, without a delay. */
  AsyncCall<T> apply(FaultPlan plan) {
    applyTo(plan, request);
    return this;
  }

  private void goOut(long delayMs) {
    FaultPlan plan;
    synchronized (lock) {
      if (isDone()) {
        return;
      }
      plan = client.faults().afterDelay(delayMs);
    }
    HttpRequest out =
        Timeouts.withRemainingTimeout(request, client.scheduler().nanoTime() - submittedAt);
    if (plan == null || plan.scenario() == null) {
      CompletableFuture<HttpResponse<T>> real = handOver(out, handler, push);
      if (real != null) {
        real.whenComplete(this::settle);
      }
      return;
    }
    applyTo(plan, out);
  }

  private void applyTo(FaultPlan plan, HttpRequest out) {
    if (!plan.reachesServer()) {
      answer(plan);
      return;
    }
    if (plan.isCut()) {
      CompletableFuture<HttpResponse<byte[]>> real =
          handOver(out, BodyHandlers.ofByteArray(), null);
      if (real != null) {
        real.whenComplete(
            (r, e) -> {
              if (e != null) {
                fail(unwrap(e));
              } else if (!isDone()) {
                client.report(plan.scenario(), plan.outcome(), 0, 0, request);
                fail(FaultPlan.cutException(r.body() == null ? 0 : r.body().length));
              }
            });
      }
      return;
    }
    CompletableFuture<HttpResponse<Void>> real = handOver(out, BodyHandlers.discarding(), null);
    if (real != null) {
      real.whenComplete(
          (r, e) -> {
            if (e != null) {
              fail(unwrap(e)); // the real exchange failed first: the caller sees that
            } else {
              answer(plan);
            }
          });
    }
  }

  /** The synthetic part of the plan, once the real request (if any) is done. */
  private void answer(FaultPlan plan) {
    if (isDone()) {
      return;
    }
    client.report(plan.scenario(), plan.outcome(), plan.status(), 0, request);
    if (plan.status() != 0) {
      SyntheticResponse.of(request, client.syntheticVersion(request), plan, handler)
          .whenComplete(this::settle);
    } else if (plan.outcome() == Outcome.NOT_SENT) {
      fail(plan.lossException());
    } else {
      long timeout = Timeouts.lostResponseNanos(request, client.lostResponseTimeout());
      long left = timeout - (client.scheduler().nanoTime() - submittedAt);
      IOException lost = plan.lossException();
      after(left, () -> fail(lost));
    }
  }

  /** Hands a request to the delegate unless this call is already over; null if it is. */
  private <U> CompletableFuture<HttpResponse<U>> handOver(
      HttpRequest out, BodyHandler<U> h, PushPromiseHandler<U> p) {
    synchronized (lock) {
      if (isDone()) {
        return null;
      }
      CompletableFuture<HttpResponse<U>> f =
          p == null ? client.delegate().sendAsync(out, h) : client.delegate().sendAsync(out, h, p);
      inFlight = f;
      return f;
    }
  }

  private void after(long nanos, Runnable task) {
    synchronized (lock) {
      if (!isDone()) {
        timer = client.scheduler().schedule(nanos, client.continuations(), task);
      }
    }
  }

  private void settle(HttpResponse<T> response, Throwable error) {
    if (error != null) {
      fail(unwrap(error));
    } else {
      complete(response);
    }
  }

  private void fail(Throwable e) {
    completeExceptionally(e);
  }

  @Override
  public void abort(IOException e) {
    fail(e);
  }

  @Override
  public boolean complete(HttpResponse<T> value) {
    boolean done = super.complete(value);
    if (done) {
      released();
    }
    return done;
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    boolean done = super.completeExceptionally(ex);
    if (done) {
      released();
    }
    return done;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      released();
    }
    return cancelled;
  }

  /** This future is complete: stop what is still running for it. */
  private void released() {
    Future<?> t;
    CompletableFuture<?> f;
    synchronized (lock) {
      t = timer;
      f = inFlight;
      timer = null;
    }
    if (t != null) {
      t.cancel(false);
    }
    if (f != null && isCancelled()) {
      f.cancel(true);
    }
    client.lifecycle().finished(this);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
