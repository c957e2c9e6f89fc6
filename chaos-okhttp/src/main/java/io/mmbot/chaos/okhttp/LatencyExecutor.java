package io.mmbot.chaos.okhttp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.Request;

/**
 * The executor of a decorated client's {@code Dispatcher}: each asynchronous call ({@code enqueue})
 * that the dispatcher starts draws its LAT_SPIKE delay here, and the delay is spent on a timer
 * before the call is handed to the real executor, so no dispatcher thread is parked for it. The
 * dispatcher counts the call as running meanwhile, as it would a call stuck on a slow network.
 *
 * <p>The delay travels to {@link PlanInterceptor} in a thread-local set while the call runs; the
 * interceptor draws the rest of the plan then, as the call goes out. A call canceled during its
 * delay, or whose chaos is switched off meanwhile, is handed over at the next look (every {@value
 * #CANCEL_POLL_MS} ms): a canceled one then fails at once with OkHttp's {@code
 * IOException("Canceled")} without reaching the server, the other goes out untouched. A timer the
 * user's scheduler refuses (it was shut down) fails the call with an {@code IOException} whose
 * cause is the refusal, through the callback and the dispatcher's own books. WebSocket handshakes
 * pass straight through (see {@link AsyncCalls}). Everything but {@link #execute} is forwarded to
 * the real executor unchanged (OkHttp only calls {@code execute}; shutting the client's executor
 * down through {@code client.dispatcher().executorService()} shuts the real one down).
 */
final class LatencyExecutor implements ExecutorService {

  private final ExecutorService delegate;
  private final ChaosOkHttp chaos;

  LatencyExecutor(ExecutorService delegate, ChaosOkHttp chaos) {
    if (delegate instanceof LatencyExecutor) {
      throw new IllegalArgumentException("delegate is already a chaos dispatcher executor");
    }
    this.delegate = delegate;
    this.chaos = chaos;
  }

  /** How often a delayed call is looked at for cancellation, in milliseconds. */
  static final long CANCEL_POLL_MS = 10;

  @Override
  public void execute(Runnable runnable) {
    if (!chaos.on()) {
      delegate.execute(runnable);
      return;
    }
    Request request = AsyncCalls.requestOf(runnable);
    if (request != null && PlanInterceptor.isWebSocketUpgrade(request)) {
      delegate.execute(runnable);
      return;
    }
    // Only the delay is drawn here; the fault is drawn on the dispatcher thread as the call goes
    // out, so a call whose chaos is switched off while it waits meets nothing.
    long delayMs = chaos.faults.nextDelayMs();
    Planned planned = new Planned(delayMs, runnable, AsyncCalls.callOf(runnable));
    if (delayMs == 0 || delegate.isShutdown()) {
      delegate.execute(planned); // a rejection here is OkHttp's to report, as without chaos
      return;
    }
    waitThenHandOver(planned, chaos.timing.nanoTime() + delayMs * 1_000_000L);
  }

  /**
   * Waits on timers until {@code due}, until the call is canceled or until chaos is switched off
   * (the rest of the delay is not served), then hands it over. Never loses the call: a timer that
   * cannot be set (the user's scheduler was shut down) or a look that fails hands it over at once
   * with that failure, which the interceptor turns into the call's {@code IOException}.
   */
  private void waitThenHandOver(Planned planned, long due) {
    try {
      long left = due - chaos.timing.nanoTime();
      if (left <= 0 || (planned.call != null && planned.call.isCanceled()) || !chaos.on()) {
        handOver(planned);
        return;
      }
      long ms = Math.min(CANCEL_POLL_MS, (left + 999_999) / 1_000_000L);
      chaos.timing.schedule(ms, () -> waitThenHandOver(planned, due));
    } catch (RuntimeException e) {
      planned.failure = new IOException("the injected latency could not be timed (" + e + ")", e);
      handOver(planned);
    }
  }

  private void handOver(Planned planned) {
    try {
      delegate.execute(planned);
    } catch (RejectedExecutionException e) {
      // The client was shut down during the delay. Run the call here: the interceptor fails it at
      // once as OkHttp fails a rejected call, and the dispatcher's books stay right.
      if (planned.failure == null) {
        InterruptedIOException rejected = new InterruptedIOException("executor rejected");
        rejected.initCause(e);
        planned.failure = rejected;
      }
      planned.run();
    }
  }

  /**
   * A dispatcher with the limits and idle callback of {@code old} whose executor is {@code chaos}'s
   * {@link ChaosOkHttp#dispatcherExecutor} over the executor of {@code old}.
   */
  static Dispatcher dispatcherLike(Dispatcher old, ChaosOkHttp chaos) {
    Dispatcher dispatcher = new Dispatcher(chaos.dispatcherExecutor(old.executorService()));
    dispatcher.setMaxRequests(old.getMaxRequests());
    dispatcher.setMaxRequestsPerHost(old.getMaxRequestsPerHost());
    dispatcher.setIdleCallback(old.getIdleCallback());
    return dispatcher;
  }

  /** The real executor. */
  ExecutorService delegate() {
    return delegate;
  }

  /** A call with its drawn (and spent) delay, for the interceptor on the thread that runs it. */
  static final class Planned implements Runnable {
    private static final ThreadLocal<Planned> CURRENT = new ThreadLocal<>();

    /** The LAT_SPIKE delay drawn for the call, already spent when it runs; 0 for none. */
    final long delayMs;

    private final Runnable runnable;

    /** The call, when it could be read; null otherwise. */
    final Call call;

    /** Why the call cannot go on (its timer or its executor refused it); null if it can. */
    volatile IOException failure;

    Planned(long delayMs, Runnable runnable, Call call) {
      this.delayMs = delayMs;
      this.runnable = runnable;
      this.call = call;
    }

    /**
     * The plan of {@code call} if it is the call running on this thread, once: a second pass of the
     * interceptor in the same call (a connector's retry around it) draws its own, and so does
     * another call made from inside this one.
     */
    static Planned takeFor(Call call) {
      Planned p = CURRENT.get();
      if (p == null || (p.call != null && p.call != call)) {
        return null;
      }
      CURRENT.remove();
      return p;
    }

    /** Fails the call, inside the interceptor, when it cannot go on. */
    void throwIfFailed() throws IOException {
      IOException e = failure;
      if (e != null) {
        throw e;
      }
    }

    @Override
    public void run() {
      CURRENT.set(this);
      try {
        runnable.run();
      } finally {
        CURRENT.remove();
      }
    }

    @Override
    public String toString() {
      return "Planned{delay=" + delayMs + "ms, " + runnable + '}';
    }
  }

  // ---------------------------------------------------------------- forwarded unchanged

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return delegate.submit(task);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return delegate.submit(task, result);
  }

  @Override
  public Future<?> submit(Runnable task) {
    return delegate.submit(task);
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return delegate.invokeAll(tasks);
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return delegate.invokeAll(tasks, timeout, unit);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    return delegate.invokeAny(tasks);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return delegate.invokeAny(tasks, timeout, unit);
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.LatencyExecutor{" + delegate + '}';
  }
}
