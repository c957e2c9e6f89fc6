package io.mmbot.chaos.ws;

import io.mmbot.chaos.ws.internal.ConnectionTimes;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The listener handed to the JDK for one connection: applies the faults, then delivers to the bot's
 * listener in arrival order.
 *
 * <p>Design: deliveries form one chain of futures per connection ({@link #tail}). A message that
 * needs no lag and finds the chain idle is delivered inline on the JDK's thread (the common case,
 * and the only one with chaos off); otherwise it is appended to the chain and waits for its own due
 * time (a timer on the factory's scheduler) and for every earlier delivery to have been handed over
 * (not for the bot to finish with it). The future returned to the JDK completes when the bot's
 * listener has finished with the message, so the JDK does not reuse its buffer too early.
 *
 * <p>As the JDK's own WebSocket does: a bot listener method that throws gets the connection aborted
 * and its {@code onError} called with that exception, and nothing more is delivered; once the bot
 * aborts the connection, nothing more is delivered either (lagged messages still waiting are
 * dropped with their timers). The decision to stop and the enqueueing of an event happen under this
 * object's lock, so an event that arrives while a timer check drops the connection is either
 * delivered before the drop's {@code onError} or not at all; the bot's listener and the JDK's
 * {@code abort()} are never called with that lock held, so a JDK thread calling back into this
 * listener cannot deadlock with one inside a delivery.
 */
final class WrappedListener implements WebSocket.Listener {

  private static final System.Logger LOG = System.getLogger(WrappedListener.class.getName());

  private final ChaosWebSocket factory;
  private final WebSocket.Listener user;
  private final AtomicBoolean opened = new AtomicBoolean();
  private final Set<Timer> timers = ConcurrentHashMap.newKeySet();

  private WrappedWebSocket socket;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

  /** No more events are accepted from the JDK (closed, failed, dropped, aborted). */
  private volatile boolean dead;

  /** Nothing more is delivered to the bot, not even what was already accepted. */
  private volatile boolean stopped;

  private boolean midMessage;
  private final ConnectionTimes times;

  WrappedListener(ChaosWebSocket factory, WebSocket.Listener user) {
    this.factory = factory;
    this.user = user;
    this.times = new ConnectionTimes(factory.nanoClock, factory.injector, factory.gapListener);
  }

  synchronized WrappedWebSocket socketFor(WebSocket raw) {
    if (socket == null) {
      socket = new WrappedWebSocket(raw, this);
    }
    return socket;
  }

  boolean dead() {
    return dead;
  }

  /** The bot aborted the connection: deliver nothing more and stop every timer. */
  void abortedByBot() {
    synchronized (this) {
      dead = true;
      stopped = true;
    }
    cancelTimers();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (!opened.compareAndSet(false, true)) {
      webSocket.abort();
      throw new IllegalStateException(
          "this chaos WebSocket listener already served a connection; wrap a new one per connection");
    }
    WrappedWebSocket ws = socketFor(webSocket);
    times.opened();
    scheduleCheck();
    user.onOpen(ws);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    return message(webSocket, last, () -> user.onText(socket, data, last));
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    return message(webSocket, last, () -> user.onBinary(socket, data, last));
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    return enqueue(0, false, false, () -> user.onPing(socket, message));
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    return enqueue(0, false, false, () -> user.onPong(socket, message));
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    if (!die()) {
      return null;
    }
    return enqueue(0, false, true, () -> user.onClose(socket, statusCode, reason));
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (die()) {
      enqueue(0, false, true, () -> deliverError(error));
    }
  }

  /** Marks the connection dead; true for the one caller that did it (and enqueues the end). */
  private synchronized boolean die() {
    if (dead) {
      return false;
    }
    dead = true;
    return true;
  }

  private CompletionStage<?> message(
      WebSocket raw, boolean last, Supplier<CompletionStage<?>> delivery) {
    if (dead) {
      return null;
    }
    if (times.disconnectDue()) {
      disconnect();
      return null;
    }
    boolean whole = !midMessage && last;
    midMessage = !last;
    if (whole && factory.injector.shouldInjectNetLoss()) {
      raw.request(1); // the bot never sees this message, so it will not ask for the next one
      return null;
    }
    return enqueue(factory.injector.wsLagToAddMs(), last, false, delivery);
  }

  /**
   * Appends a delivery to the chain; a non-terminal event is refused once the connection is dead.
   * The decision is taken under this object's lock, the delivery itself runs outside it (the bot's
   * listener and the JDK's abort are never called with the lock held); an inline delivery holds the
   * chain's place until it has been handed over, so later events still queue behind it.
   */
  private CompletionStage<?> enqueue(
      long lagMs, boolean complete, boolean terminal, Supplier<CompletionStage<?>> delivery) {
    CompletableFuture<Void> handedOver = new CompletableFuture<>();
    CompletableFuture<?> previous;
    synchronized (this) {
      if (stopped || (dead && !terminal)) {
        return null;
      }
      previous = tail;
      tail = handedOver;
    }
    if (lagMs == 0 && previous.isDone()) {
      try {
        return deliver(complete, terminal, delivery);
      } finally {
        handedOver.complete(null);
      }
    }
    long due = factory.scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lagMs);
    CompletableFuture<CompletionStage<?>> invoked =
        previous
            .thenCompose(v -> waitUntil(due))
            .thenApply(v -> deliver(complete, terminal, delivery));
    invoked.whenComplete((stage, e) -> handedOver.complete(null));
    return invoked.thenCompose(
        stage -> stage == null ? CompletableFuture.completedFuture(null) : stage);
  }

  private CompletionStage<?> deliver(
      boolean complete, boolean terminal, Supplier<CompletionStage<?>> delivery) {
    if (stopped) {
      return null;
    }
    if (complete) {
      times.delivered();
    }
    try {
      return delivery.get();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      if (terminal) {
        LOG.log(System.Logger.Level.WARNING, "WebSocket listener failed", e);
      } else {
        listenerFailed(e);
      }
      return null;
    }
  }

  /** As the JDK does when a listener method throws: abort, tell the bot, deliver nothing more. */
  private void listenerFailed(Throwable e) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      dead = true;
      stopped = true;
    }
    cancelTimers();
    socket.raw().abort();
    try {
      user.onError(socket, e);
    } catch (RuntimeException | Error again) {
      if (again instanceof VirtualMachineError) {
        throw (VirtualMachineError) again;
      }
      LOG.log(System.Logger.Level.WARNING, "WebSocket listener failed in onError", again);
    }
  }

  private CompletableFuture<Void> waitUntil(long dueNanos) {
    long remaining = dueNanos - factory.scheduler.nanoTime();
    if (remaining <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> due = new CompletableFuture<>();
    schedule(remaining, () -> due.complete(null));
    return due;
  }

  /** A timer on the factory's scheduler that {@link #cancelTimers} can stop. */
  private void schedule(long nanos, Runnable task) {
    Timer t = new Timer(task);
    timers.add(t);
    t.future = factory.scheduler.schedule(nanos, factory.executor, t);
    if (stopped) {
      t.future.cancel(false);
      timers.remove(t);
    }
  }

  private void cancelTimers() {
    for (Timer t : timers) {
      Future<?> f = t.future;
      if (f != null) {
        f.cancel(false);
      }
      timers.remove(t);
    }
  }

  private void scheduleCheck() {
    if (factory.checkIntervalNanos == 0 || dead) {
      return;
    }
    schedule(factory.checkIntervalNanos, this::timerCheck);
  }

  private void timerCheck() {
    if (dead || socket.raw().isInputClosed()) {
      return; // closed, aborted by the bot, or already dropped: stop checking
    }
    if (times.disconnectDue()) {
      disconnect();
    } else {
      scheduleCheck();
    }
  }

  /** WS_DISCONNECT: abort the real connection and tell the bot as for a lost connection. */
  private void disconnect() {
    if (!die()) {
      return;
    }
    socket.raw().abort();
    IOException lost = new IOException("WebSocket connection lost (ws_disconnect)");
    enqueue(0, false, true, () -> deliverError(lost));
  }

  private CompletionStage<?> deliverError(Throwable error) {
    user.onError(socket, error);
    return null;
  }

  /** A scheduled task that removes itself from {@link #timers} when it runs. */
  private final class Timer implements Runnable {
    private final Runnable task;
    volatile Future<?> future;

    Timer(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      timers.remove(this);
      if (!stopped) {
        task.run();
      }
    }
  }
}
