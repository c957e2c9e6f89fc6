package io.mmbot.chaos.examples.suite;

import java.util.List;

/**
 * How long the bot took to be healthy again after each burst.
 *
 * @param perBurst unhealthy ticks after each burst, in burst order
 * @param backoffWaits ticks after each burst that the client still spent waiting out the backoff of
 *     an attempt that failed in the burst, in burst order (may be shorter than {@code perBurst})
 * @param failOverWaits ticks after each burst in which every WebSocket endpoint of the exchange
 *     still refused connections, in burst order (may be shorter than {@code perBurst})
 */
public record RecoveryFigures(
    List<Integer> perBurst, List<Integer> backoffWaits, List<Integer> failOverWaits) {

  /** Copies the lists. */
  public RecoveryFigures {
    perBurst = List.copyOf(perBurst);
    backoffWaits = List.copyOf(backoffWaits);
    failOverWaits = List.copyOf(failOverWaits);
  }

  /** Figures without fail-over waits. */
  public RecoveryFigures(List<Integer> perBurst, List<Integer> backoffWaits) {
    this(perBurst, backoffWaits, List.of());
  }

  /** The worst recovery, ticks (0 without bursts). */
  public int worstTicks() {
    return perBurst.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
