package io.mmbot.chaos.http;

import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The waits of one blocking {@code send} that meets chaos (an injected delay, a lost response's
 * timeout), on the client's {@link Scheduler} so that they run in virtual time in tests. A wait
 * ends early with {@link InterruptedException} when the caller is interrupted (the timer is then
 * cancelled and nothing more happens for the request) or with an {@link IOException} when the
 * client is shut down now.
 */
final class SyncCall implements Lifecycle.Pending {

  private final Scheduler scheduler;
  private final Lifecycle lifecycle;
  private volatile CompletableFuture<Void> wake;
  private volatile IOException aborted;

  SyncCall(Scheduler scheduler, Lifecycle lifecycle) {
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
    lifecycle.started(this);
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
