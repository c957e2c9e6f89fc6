package io.mmbot.chaos.okhttp;

import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The listener handed to OkHttp for one WebSocket connection: applies WS_LAG, WS_DISCONNECT and
 * NET_LOSS to incoming messages, then delivers to the bot's listener in arrival order.
 *
 * <p>Design: every callback becomes a delivery in one queue per connection, and one thread at a
 * time drains it: the thread that found the queue idle (OkHttp's reader thread, the common case and
 * the only one with chaos off, so nothing changes thread then) or a timer task when the head is
 * lagged. A lagged message therefore holds back everything behind it, and the bot's listener is
 * never called concurrently, as OkHttp promises. After a WS_DISCONNECT the connection is cancelled
 * (the peer sees the socket close without a close frame); when OkHttp reports the cancel, the bot's
 * listener gets {@code onFailure} with a {@link SocketException} in its place, after any lagged
 * messages that arrived before; anything that arrives after the drop is not passed on.
 */
final class ChaosWebSocketListener extends WebSocketListener {

  private static final System.Logger LOG = System.getLogger(ChaosWebSocketListener.class.getName());

  private final ChaosOkHttp chaos;
  private final WebSocketListener user;
  private final AtomicBoolean opened = new AtomicBoolean();

  private final ArrayDeque<Delivery> queue = new ArrayDeque<>(); // guarded by this
  private boolean draining; // guarded by this: a thread drains, or a drain is scheduled
  private long lastCheck; // guarded by this
  private long lastDelivered; // guarded by this
  private boolean delivered; // guarded by this

  /** No more callbacks pass: the connection ended. */
  private volatile boolean dead;

  /** WS_DISCONNECT struck: no more messages pass; OkHttp's failure for the cancel is awaited. */
  private volatile boolean dropped;

  /** No more disconnect checks: the connection is closing or gone. */
  private volatile boolean ending;

  ChaosWebSocketListener(ChaosOkHttp chaos, WebSocketListener user) {
    this.chaos = chaos;
    this.user = user;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    if (!opened.compareAndSet(false, true)) {
      webSocket.cancel();
      throw new IllegalStateException(
          "this chaos WebSocket listener already served a connection; wrap a new one per connection");
    }
    synchronized (this) {
      lastCheck = chaos.nanoClock.getAsLong();
    }
    scheduleCheck(webSocket);
    // Through the queue, so that a disconnect the first check decides comes after it.
    enqueue(0, false, () -> user.onOpen(webSocket, response));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    message(webSocket, () -> user.onMessage(webSocket, text));
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    message(webSocket, () -> user.onMessage(webSocket, bytes));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    if (dead || dropped) {
      return;
    }
    ending = true;
    enqueue(0, false, () -> user.onClosing(webSocket, code, reason));
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    if (!end()) {
      return;
    }
    enqueue(0, false, () -> user.onClosed(webSocket, code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    if (!end()) {
      return;
    }
    if (dropped) {
      // OkHttp reporting the cancel of a WS_DISCONNECT: by now it has marked the socket failed, so
      // the bot's sends return false once it hears of the drop.
      SocketException lost = new SocketException("WebSocket connection lost (ws_disconnect)");
      enqueue(0, false, () -> user.onFailure(webSocket, lost, null));
    } else {
      enqueue(0, false, () -> user.onFailure(webSocket, t, response));
    }
  }

  private void message(WebSocket webSocket, Runnable delivery) {
    if (dead || dropped) {
      return;
    }
    if (disconnectDue()) {
      disconnect(webSocket);
      return;
    }
    if (chaos.injector.shouldInjectNetLoss()) {
      return; // the whole message is lost; OkHttp has no flow control to keep in step
    }
    enqueue(chaos.injector.wsLagToAddMs(), true, delivery);
  }

  private void enqueue(long lagMs, boolean complete, Runnable action) {
    long due = lagMs == 0 ? Long.MIN_VALUE : chaos.timing.nanoTime() + lagMs * 1_000_000L;
    synchronized (this) {
      queue.add(new Delivery(due, complete, action));
      if (draining) {
        return;
      }
      draining = true;
    }
    drain();
  }

  /** Delivers every due delivery in order; leaves a timer for the head if it is not due yet. */
  private void drain() {
    for (; ; ) {
      Delivery d;
      synchronized (this) {
        d = queue.peek();
        if (d == null) {
          draining = false;
          return;
        }
        if (d.due != Long.MIN_VALUE) {
          long wait = d.due - chaos.timing.nanoTime();
          if (wait > 0) {
            chaos.timing.schedule(TimeUnit.NANOSECONDS.toMillis(wait + 999_999), this::drain);
            return;
          }
        }
        queue.poll();
      }
      deliver(d);
    }
  }

  private void deliver(Delivery d) {
    if (d.complete) {
      reportGap();
    }
    try {
      d.action.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket listener failed", e);
    }
  }

  private void reportGap() {
    double gapMs;
    synchronized (this) {
      long now = chaos.nanoClock.getAsLong();
      boolean first = !delivered;
      gapMs = (now - lastDelivered) / 1e6;
      lastDelivered = now;
      delivered = true;
      if (first) {
        return;
      }
    }
    try {
      chaos.gapListener.accept(gapMs);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket gap listener failed", e);
    }
  }

  private synchronized boolean disconnectDue() {
    long now = chaos.nanoClock.getAsLong();
    long elapsed = now - lastCheck;
    lastCheck = now;
    return chaos.injector.shouldInjectWsDisconnect(elapsed);
  }

  private void scheduleCheck(WebSocket webSocket) {
    if (chaos.checkIntervalMs == 0 || ending) {
      return;
    }
    chaos.timing.schedule(chaos.checkIntervalMs, () -> timerCheck(webSocket));
  }

  private void timerCheck(WebSocket webSocket) {
    if (ending || dead || dropped) {
      return;
    }
    if (disconnectDue()) {
      disconnect(webSocket);
    } else {
      scheduleCheck(webSocket);
    }
  }

  /**
   * WS_DISCONNECT: drop the connection without a close frame. The bot hears of it when OkHttp
   * reports the cancel ({@link #onFailure}), as a lost connection.
   */
  private void disconnect(WebSocket webSocket) {
    synchronized (this) {
      if (dead || dropped) {
        return;
      }
      dropped = true;
      ending = true;
    }
    webSocket.cancel();
  }

  /** Marks the connection over; true for the one caller that ended it. */
  private synchronized boolean end() {
    if (dead) {
      return false;
    }
    dead = true;
    ending = true;
    return true;
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.webSocketListener{" + user + '}';
  }

  private static final class Delivery {
    final long due;
    final boolean complete;
    final Runnable action;

    Delivery(long due, boolean complete, Runnable action) {
      this.due = due;
      this.complete = complete;
      this.action = action;
    }
  }
}
