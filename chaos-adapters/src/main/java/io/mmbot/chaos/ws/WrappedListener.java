package io.mmbot.chaos.ws;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
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
 * time and for every earlier delivery to have been handed over (not for the bot to finish with it).
 * The future returned to the JDK completes when the bot's listener has finished with the message,
 * so the JDK does not reuse its buffer too early.
 */
final class WrappedListener implements WebSocket.Listener {

  private static final System.Logger LOG = System.getLogger(WrappedListener.class.getName());

  private final ChaosWebSocket factory;
  private final WebSocket.Listener user;
  private final AtomicBoolean opened = new AtomicBoolean();

  private WrappedWebSocket socket;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private volatile boolean dead;
  private boolean midMessage;
  private long lastCheck;
  private long lastDelivered;
  private boolean delivered;

  WrappedListener(ChaosWebSocket factory, WebSocket.Listener user) {
    this.factory = factory;
    this.user = user;
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

  @Override
  public void onOpen(WebSocket webSocket) {
    if (!opened.compareAndSet(false, true)) {
      webSocket.abort();
      throw new IllegalStateException(
          "this chaos WebSocket listener already served a connection; wrap a new one per connection");
    }
    WrappedWebSocket ws = socketFor(webSocket);
    synchronized (this) {
      lastCheck = factory.nanoClock.getAsLong();
    }
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
    return dead ? null : enqueue(0, false, () -> user.onPing(socket, message));
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    return dead ? null : enqueue(0, false, () -> user.onPong(socket, message));
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    if (dead) {
      return null;
    }
    dead = true;
    return enqueue(0, false, () -> user.onClose(socket, statusCode, reason));
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (dead) {
      return;
    }
    dead = true;
    enqueue(0, false, () -> deliverError(error));
  }

  private CompletionStage<?> message(
      WebSocket raw, boolean last, Supplier<CompletionStage<?>> delivery) {
    if (dead) {
      return null;
    }
    if (disconnectDue()) {
      disconnect();
      return null;
    }
    boolean whole = !midMessage && last;
    midMessage = !last;
    if (whole && factory.injector.shouldInjectNetLoss()) {
      raw.request(1); // the bot never sees this message, so it will not ask for the next one
      return null;
    }
    return enqueue(factory.injector.wsLagToAddMs(), last, delivery);
  }

  private synchronized CompletionStage<?> enqueue(
      long lagMs, boolean complete, Supplier<CompletionStage<?>> delivery) {
    if (lagMs == 0 && tail.isDone()) {
      return deliver(complete, delivery);
    }
    long due = factory.scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lagMs);
    CompletableFuture<CompletionStage<?>> invoked =
        tail.thenCompose(v -> waitUntil(due)).thenApply(v -> deliver(complete, delivery));
    tail = invoked.exceptionally(e -> null);
    return invoked.thenCompose(
        stage -> stage == null ? CompletableFuture.completedFuture(null) : stage);
  }

  private CompletionStage<?> deliver(boolean complete, Supplier<CompletionStage<?>> delivery) {
    if (complete) {
      reportGap();
    }
    try {
      return delivery.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket listener failed", e);
      return null;
    }
  }

  private void reportGap() {
    double gapMs;
    synchronized (this) {
      long now = factory.nanoClock.getAsLong();
      boolean first = !delivered;
      gapMs = (now - lastDelivered) / 1e6;
      lastDelivered = now;
      delivered = true;
      if (first) {
        return;
      }
    }
    try {
      factory.gapListener.accept(gapMs);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket gap listener failed", e);
    }
  }

  private CompletableFuture<Void> waitUntil(long dueNanos) {
    long remaining = dueNanos - factory.scheduler.nanoTime();
    if (remaining <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> {}, delayed(remaining));
  }

  private Executor delayed(long nanos) {
    return task -> factory.scheduler.schedule(nanos, factory.executor, task);
  }

  private synchronized boolean disconnectDue() {
    long now = factory.nanoClock.getAsLong();
    long elapsed = now - lastCheck;
    lastCheck = now;
    return factory.injector.shouldInjectWsDisconnect(elapsed);
  }

  private void scheduleCheck() {
    if (factory.checkIntervalNanos == 0 || dead) {
      return;
    }
    CompletableFuture.runAsync(this::timerCheck, delayed(factory.checkIntervalNanos));
  }

  private void timerCheck() {
    if (dead || socket.raw().isInputClosed()) {
      return; // closed, aborted by the bot, or already dropped: stop checking
    }
    if (disconnectDue()) {
      disconnect();
    } else {
      scheduleCheck();
    }
  }

  /** WS_DISCONNECT: abort the real connection and tell the bot as for a lost connection. */
  private void disconnect() {
    synchronized (this) {
      if (dead) {
        return;
      }
      dead = true;
    }
    socket.raw().abort();
    IOException lost = new IOException("WebSocket connection lost (ws_disconnect)");
    enqueue(0, false, () -> deliverError(lost));
  }

  private CompletionStage<?> deliverError(Throwable error) {
    user.onError(socket, error);
    return null;
  }
}
