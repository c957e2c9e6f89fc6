package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.http.FaultPlan;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The executor of a decorated client's {@code Dispatcher}: each asynchronous call ({@code enqueue})
 * that the dispatcher starts gets its plan here, and a LAT_SPIKE delay is spent on a timer before
 * the call is handed to the real executor, so no dispatcher thread is parked for it. The dispatcher
 * counts the call as running meanwhile, as it would a call stuck on a slow network.
 *
 * <p>The plan travels to {@link PlanInterceptor} in a thread-local set while the call runs, so the
 * interceptor applies it instead of drawing another. Everything but {@link #execute} is forwarded
 * to the real executor unchanged (OkHttp only calls {@code execute}; shutting the client's executor
 * down through {@code client.dispatcher().executorService()} shuts the real one down).
 */
final class LatencyExecutor implements ExecutorService {

  private final ExecutorService delegate;
  private final ChaosOkHttp chaos;

  LatencyExecutor(ExecutorService delegate, ChaosOkHttp chaos) {
    this.delegate = delegate;
    this.chaos = chaos;
  }

  @Override
  public void execute(Runnable call) {
    if (!chaos.injector.config().enabled()) {
      delegate.execute(call);
      return;
    }
    FaultPlan plan = chaos.faults.next();
    Planned planned = new Planned(plan, call);
    if (plan == null || plan.delayMs() == 0 || delegate.isShutdown()) {
      delegate.execute(planned); // a rejection here is OkHttp's to report, as without chaos
      return;
    }
    chaos.timing.schedule(plan.delayMs(), () -> handOver(planned));
  }

  private void handOver(Planned planned) {
    try {
      delegate.execute(planned);
    } catch (RejectedExecutionException e) {
      // The client was shut down during the delay. Run the call here: the interceptor fails it at
      // once as OkHttp fails a rejected call, and the dispatcher's books stay right.
      planned.rejected = true;
      planned.run();
    }
  }

  /** The real executor. */
  ExecutorService delegate() {
    return delegate;
  }

  /** A call with its plan, for the interceptor on the thread that runs it. */
  static final class Planned implements Runnable {
    private static final ThreadLocal<Planned> CURRENT = new ThreadLocal<>();

    final FaultPlan plan;
    private final Runnable call;
    volatile boolean rejected;

    Planned(FaultPlan plan, Runnable call) {
      this.plan = plan;
      this.call = call;
    }

    /**
     * The plan of the call running on this thread, once: a second pass of the interceptor in the
     * same call (a connector's retry around it) draws its own.
     */
    static Planned take() {
      Planned p = CURRENT.get();
      if (p != null) {
        CURRENT.remove();
      }
      return p;
    }

    @Override
    public void run() {
      CURRENT.set(this);
      try {
        call.run();
      } finally {
        CURRENT.remove();
      }
    }

    @Override
    public String toString() {
      return "Planned{" + plan + ", " + call + '}';
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
