package io.mmbot.chaos.junit;

import io.mmbot.chaos.time.VirtualTime;

/**
 * The library's virtual clock ({@link VirtualTime}) under the name the extension injects: the
 * {@code nanoClock} of the test's injector, and the nano clock and scheduler of any adapter the
 * test builds ({@code ChaosHttpClient.builder(…).nanoClock(clock).scheduler(clock)}). Burst
 * windows, expiry, waves, the WebSocket disconnect rate and the adapters' delays and timeouts all
 * follow it, so a test of timing needs no sleeping and gives the same result on a slow machine.
 *
 * <p>A new clock reads 0 and moves only when the test advances it; like {@link System#nanoTime()},
 * only differences between readings mean anything. Time never goes backwards. Safe for concurrent
 * use: readers on other threads see every advance that completed before their read. Everything it
 * does, timers included, is {@link VirtualTime}'s.
 */
public class VirtualClock extends VirtualTime {

  /** A clock at 0 that moves only when advanced. */
  public VirtualClock() {
    super(0);
  }
}
