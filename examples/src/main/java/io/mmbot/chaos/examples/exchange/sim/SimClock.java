package io.mmbot.chaos.examples.exchange.sim;

import java.util.function.LongSupplier;

/**
 * A virtual nanosecond time source that exists before its simulation, so that the injector (and
 * everything built on it) can be created first; it reads 0 until {@link SimExchange#create} binds
 * it to the simulation's scheduler. Made by {@link SimExchange#clockFor()}.
 */
public final class SimClock implements LongSupplier {

  private VirtualScheduler sched;

  SimClock() {}

  void bind(VirtualScheduler s) {
    if (sched != null) {
      throw new IllegalStateException("already bound to a simulation");
    }
    sched = s;
  }

  @Override
  public long getAsLong() {
    return sched == null ? 0 : sched.now();
  }
}
