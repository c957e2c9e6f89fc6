package io.mmbot.chaos;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A nanosecond time source that is cheap to read: a daemon thread copies {@link System#nanoTime()}
 * into a volatile field about once a millisecond, so a read is one volatile load instead of a ~25
 * ns system call. Resolution is therefore about a millisecond, which is ample for burst phases
 * measured in seconds and for rates per minute.
 *
 * <p>The thread ({@code mm-chaos-clock}) starts the first time the clock is read, not when the
 * class is loaded, so a disabled injector never starts it. Safe for concurrent use.
 */
final class CoarseNanoClock implements LongSupplier {

  /** The shared instance. */
  static final CoarseNanoClock INSTANCE = new CoarseNanoClock();

  /** Period of the updating thread, in nanoseconds. */
  static final long TICK_NANOS = 1_000_000L;

  private CoarseNanoClock() {}

  @Override
  public long getAsLong() {
    return Ticker.TICKER.now;
  }

  // Design note: the holder class defers starting the thread to the first read. After class
  // initialisation the JIT drops the init check, so a read costs one volatile load.
  private static final class Ticker implements Runnable {
    static final Ticker TICKER = start();

    volatile long now = System.nanoTime();

    private static Ticker start() {
      Ticker ticker = new Ticker();
      Thread thread = new Thread(ticker, "mm-chaos-clock");
      thread.setDaemon(true);
      thread.start();
      return ticker;
    }

    @Override
    public void run() {
      while (true) {
        now = System.nanoTime();
        LockSupport.parkNanos(TICK_NANOS);
      }
    }
  }
}
