package io.mmbot.chaos.http;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shutdown and termination of a {@link ChaosHttpClient}, as {@code HttpClient} has them from JDK 21
 * on: {@code shutdown()} refuses new requests and lets those already submitted finish, {@code
 * shutdownNow()} also fails those in progress, {@code awaitTermination} and {@code isTerminated}
 * report when everything is done.
 *
 * <p>The decorator has requests of its own in progress (waiting out an injected delay, or a lost
 * response's timeout), so the delegate is shut down only when the last of them is done; otherwise a
 * request submitted before {@code shutdown()} would be refused by the delegate after its delay. The
 * delegate's own methods are called through method handles found at class initialisation, so the
 * code compiles for Java 17 and uses them wherever they exist; on 17 the delegate has no lifecycle
 * and only the decorator's own requests are tracked.
 */
final class ClientShutdown {

  private static final System.Logger LOG = System.getLogger(ChaosHttpClient.class.getName());

  static final MethodHandle SHUTDOWN = find("shutdown", MethodType.methodType(void.class));
  static final MethodHandle SHUTDOWN_NOW = find("shutdownNow", MethodType.methodType(void.class));
  static final MethodHandle IS_TERMINATED =
      find("isTerminated", MethodType.methodType(boolean.class));
  static final MethodHandle AWAIT_TERMINATION =
      find("awaitTermination", MethodType.methodType(boolean.class, Duration.class));

  /** A request of the decorator's own in progress. */
  interface Pending {
    /** Fails the request at once with {@code e} (shutdownNow). */
    void abort(IOException e);
  }

  private final HttpClient delegate;
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean shutdown;
  private boolean delegateShutDown;

  ClientShutdown(HttpClient delegate) {
    this.delegate = delegate;
  }

  boolean isShutdown() {
    return shutdown;
  }

  /** The exception a request submitted after shutdown fails with, as on the JDK client. */
  static IOException closed() {
    return new IOException("closed");
  }

  void started(Pending p) {
    pending.add(p);
  }

  void finished(Pending p) {
    if (pending.remove(p) && shutdown && pending.isEmpty()) {
      quiesced();
    }
  }

  void shutdown() {
    shutdown = true;
    if (pending.isEmpty()) {
      quiesced();
    }
  }

  void shutdownNow() {
    shutdown = true;
    IOException e = new IOException("shutdownNow");
    for (Pending p : pending) {
      p.abort(e);
    }
    invoke(SHUTDOWN_NOW);
    quiesced();
  }

  boolean isTerminated() {
    if (!shutdown || !pending.isEmpty()) {
      return false;
    }
    if (IS_TERMINATED == null) {
      return true;
    }
    try {
      return (boolean) IS_TERMINATED.invokeExact(delegate);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!pending.isEmpty() || !shutdown) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
    if (AWAIT_TERMINATION == null) {
      return true;
    }
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    try {
      return (boolean) AWAIT_TERMINATION.invokeExact(delegate, left);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Shutdown requested and nothing of the decorator's own left: the delegate may shut down. */
  private void quiesced() {
    boolean first;
    synchronized (this) {
      first = !delegateShutDown;
      delegateShutDown = true;
      notifyAll();
    }
    if (first) {
      invoke(SHUTDOWN);
    }
  }

  private void invoke(MethodHandle h) {
    if (h == null) {
      return;
    }
    try {
      h.invokeExact(delegate);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.WARNING, "shutting down the delegate HttpClient failed", t);
    }
  }

  private static MethodHandle find(String name, MethodType type) {
    try {
      return MethodHandles.publicLookup().findVirtual(HttpClient.class, name, type);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // before JDK 21
    }
  }
}
