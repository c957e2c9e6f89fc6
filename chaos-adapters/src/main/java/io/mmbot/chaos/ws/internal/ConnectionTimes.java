package io.mmbot.chaos.ws.internal;

import io.mmbot.chaos.ChaosInjector;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * The time marks of one chaos WebSocket connection, shared by the JDK and OkHttp adapters: the last
 * WS_DISCONNECT check (the disconnect rate is per minute of the connection's own time between
 * checks) and the last delivered message (the gap to the next one goes to the gap listener, for
 * {@code mm_ws_gap_ms}). Safe for concurrent use.
 */
public final class ConnectionTimes {

  private static final System.Logger LOG = System.getLogger(ConnectionTimes.class.getName());

  private final LongSupplier nanoClock;
  private final ChaosInjector injector;
  private final DoubleConsumer gapListener;
  private long lastCheck; // guarded by this
  private long lastDelivered; // guarded by this
  private boolean delivered; // guarded by this

  /**
   * Marks on {@code nanoClock}; gaps go to {@code gapListener}, checks draw from {@code injector}.
   */
  public ConnectionTimes(
      LongSupplier nanoClock, ChaosInjector injector, DoubleConsumer gapListener) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.injector = Objects.requireNonNull(injector, "injector");
    this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
  }

  /** The connection opened: the time between disconnect checks counts from now. */
  public synchronized void opened() {
    lastCheck = nanoClock.getAsLong();
  }

  /**
   * Whether WS_DISCONNECT strikes now, at its rate over the time since the previous check (or the
   * opening); the next check counts from now.
   */
  public boolean disconnectDue() {
    long elapsed;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      elapsed = now - lastCheck;
      lastCheck = now;
    }
    return injector.shouldInjectWsDisconnect(elapsed);
  }

  /**
   * A message was delivered to the bot: every delivery after the first reports the gap since the
   * previous one, in milliseconds. What the gap listener throws is logged, never propagated (the
   * JVM's own {@link VirtualMachineError}s excepted).
   */
  public void delivered() {
    double gapMs;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      boolean first = !delivered;
      gapMs = (now - lastDelivered) / 1e6;
      lastDelivered = now;
      delivered = true;
      if (first) {
        return;
      }
    }
    try {
      gapListener.accept(gapMs);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket gap listener failed", e);
    }
  }
}
