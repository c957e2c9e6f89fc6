package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ws.internal.ConnectionTimes;
import java.net.SocketException;
import java.util.ArrayDeque;
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
 *
 * <p>A bot listener that throws meets what OkHttp does without this wrapper: when the delivery runs
 * on OkHttp's own thread (always so with chaos off) the exception is thrown on to OkHttp, which
 * fails the socket and calls {@code onFailure} with it; when it runs on a timer (a lagged message)
 * the wrapper does the same itself: it cancels the connection, delivers nothing more, and the bot's
 * {@code onFailure} gets that exception in place of OkHttp's report of the cancel. Once chaos is
 * switched off, a lagged message waits no longer than the next look (every {@value
 * LatencyExecutor#CANCEL_POLL_MS} ms).
 */
final class ChaosWebSocketListener extends WebSocketListener {

  private static final System.Logger LOG = System.getLogger(ChaosWebSocketListener.class.getName());

  private final ChaosOkHttp chaos;
  private final WebSocketListener user;
  private final AtomicBoolean opened = new AtomicBoolean();

  private final ArrayDeque<Delivery> queue = new ArrayDeque<>(); // guarded by this
  private boolean draining; // guarded by this: a thread drains, or a drain is scheduled
  private final ConnectionTimes times;

  /** No more callbacks pass: the connection ended. */
  private volatile boolean dead;

  /** WS_DISCONNECT struck: no more messages pass; OkHttp's failure for the cancel is awaited. */
  private volatile boolean dropped;

  /** No more disconnect checks: the connection is closing or gone. */
  private volatile boolean ending;

  /** What the bot's {@code onFailure} gets in place of OkHttp's report of a cancel we made. */
  private volatile Throwable substitute;

  /** The connection, once OkHttp handed it over. */
  private volatile WebSocket socket;

  ChaosWebSocketListener(ChaosOkHttp chaos, WebSocketListener user) {
    this.chaos = chaos;
    this.user = user;
    this.times = new ConnectionTimes(chaos.nanoClock, chaos.injector, chaos.gapListener);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    if (!opened.compareAndSet(false, true)) {
      webSocket.cancel();
      throw new IllegalStateException(
          "this chaos WebSocket listener already served a connection; wrap a new one per connection");
    }
    socket = webSocket;
    times.opened();
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
    Throwable instead = substitute;
    if (dropped && instead != null) {
      // OkHttp reporting a cancel made here (a WS_DISCONNECT, or a bot listener that threw on a
      // timer): by now it has marked the socket failed, so the bot's sends return false once it
      // hears of it.
      enqueue(0, false, () -> user.onFailure(webSocket, instead, null));
    } else {
      enqueue(0, false, () -> user.onFailure(webSocket, t, response));
    }
  }

  private void message(WebSocket webSocket, Runnable delivery) {
    if (dead || dropped) {
      return;
    }
    if (times.disconnectDue()) {
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
    drain(true);
  }

  /**
   * Delivers every due delivery in order; leaves a timer for the head if it is not due yet (looking
   * again every {@value LatencyExecutor#CANCEL_POLL_MS} ms, so that a lag ends when chaos is
   * switched off). {@code onOkHttpThread}: this is the thread OkHttp called the wrapper on, to
   * which a bot listener's exception is thrown on.
   */
  private void drain(boolean onOkHttpThread) {
    for (; ; ) {
      Delivery d;
      synchronized (this) {
        d = queue.peek();
        if (d == null) {
          draining = false;
          return;
        }
        if (d.due != Long.MIN_VALUE && chaos.on()) {
          long wait = d.due - chaos.timing.nanoTime();
          if (wait > 0 && scheduleDrain(wait)) {
            return;
          }
        }
        queue.poll();
      }
      deliver(d, onOkHttpThread);
    }
  }

  /** A timer for the next look at a lagged head; false if none could be set (deliver it now). */
  private boolean scheduleDrain(long waitNanos) {
    long ms = Math.min(LatencyExecutor.CANCEL_POLL_MS, (waitNanos + 999_999) / 1_000_000L);
    try {
      chaos.timing.schedule(ms, () -> drain(false));
      return true;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket lag timer refused; delivering now", e);
      return false;
    }
  }

  private void deliver(Delivery d, boolean onOkHttpThread) {
    if (d.complete) {
      times.delivered();
    }
    try {
      d.action.run();
    } catch (Throwable e) {
      listenerFailed(e, onOkHttpThread);
    }
  }

  /**
   * A bot listener threw. Nothing more is delivered; OkHttp fails the socket (thrown on to it on
   * its own thread, or the connection cancelled here on a timer) and the bot's {@code onFailure}
   * gets the exception, as without the wrapper.
   */
  private void listenerFailed(Throwable e, boolean onOkHttpThread) {
    WebSocket ws;
    synchronized (this) {
      queue.clear();
      draining = false;
      ws = socket;
      if (!onOkHttpThread && !dead && !dropped) {
        substitute = e;
        dropped = true;
        ending = true;
      }
    }
    if (onOkHttpThread) {
      throw Sneaky.<RuntimeException>rethrow(e);
    }
    if (e instanceof VirtualMachineError) {
      throw (VirtualMachineError) e;
    }
    if (dropped && substitute == e && ws != null) {
      ws.cancel();
    } else {
      LOG.log(System.Logger.Level.WARNING, "WebSocket listener failed", e);
    }
  }

  /** Throws any throwable as it is, checked or not (a Kotlin listener may throw a checked one). */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable e) throws T {
      throw (T) e;
    }
  }

  private void scheduleCheck(WebSocket webSocket) {
    if (chaos.checkIntervalMs == 0 || ending) {
      return;
    }
    try {
      chaos.timing.schedule(chaos.checkIntervalMs, () -> timerCheck(webSocket));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket disconnect timer refused; checks stop", e);
    }
  }

  private void timerCheck(WebSocket webSocket) {
    if (ending || dead || dropped) {
      return;
    }
    if (times.disconnectDue()) {
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
      substitute = new SocketException("WebSocket connection lost (ws_disconnect)");
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
