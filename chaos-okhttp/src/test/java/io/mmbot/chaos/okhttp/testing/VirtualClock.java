package io.mmbot.chaos.okhttp.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond time source that moves only when a test advances it. */
public final class VirtualClock implements LongSupplier {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

  @Override
  public long getAsLong() {
    return now.get();
  }

  public void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  public void advanceMillis(long ms) {
    advance(Duration.ofMillis(ms));
  }
}
