package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * When the exchange's injector fired the run's scenario, on the harness clock (heard from the
 * injector's listener on the server's threads), so that each tick sample can say how many had fired
 * by its time. Thread-safe.
 */
final class InjectionTimes {
  private final LongSupplier time;
  private final Scenario scenario;
  private long[] at = new long[64];
  private int n;

  InjectionTimes(LongSupplier time, Scenario scenario) {
    this.time = time;
    this.scenario = scenario;
  }

  /** An injection of {@code s} happened now. */
  synchronized void record(Scenario s, boolean dryRun) {
    if (dryRun || s != scenario) {
      return;
    }
    if (n == at.length) {
      at = Arrays.copyOf(at, n * 2);
    }
    at[n++] = time.getAsLong();
  }

  /** Injections at or before {@code t}. */
  synchronized long countAtOrBefore(long t) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      if (at[i] <= t) {
        c++;
      }
    }
    return c;
  }
}
