package io.mmbot.chaos.examples.exchange.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The simulation's wall clock: {@link SimExchange#START_EPOCH_MS} plus virtual time (UTC unless
 * re-zoned). Reads allocate nothing but {@link #instant()}'s result.
 */
final class VirtualWallClock extends Clock {

  private static final long MS = 1_000_000L;

  private final VirtualScheduler sched;
  private final ZoneId zone;

  VirtualWallClock(VirtualScheduler sched, ZoneId zone) {
    this.sched = sched;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same virtual instant seen in {@code zone}. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new VirtualWallClock(sched, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public long millis() {
    return SimExchange.START_EPOCH_MS + sched.now() / MS;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(SimExchange.START_EPOCH_MS).plusNanos(sched.now());
  }
}
