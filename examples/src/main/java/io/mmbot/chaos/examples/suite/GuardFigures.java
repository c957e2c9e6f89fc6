package io.mmbot.chaos.examples.suite;

/**
 * The guard reasons a run raised, as masks of {@code GuardReason} bits.
 *
 * @param seen reasons raised at least once
 * @param explained reasons whose cause the wire shows (not unexpected, whatever the scenario)
 * @param notDue reasons the wire shows no occasion for: not required, whatever the scenario (today
 *     WS_STALE when no tick began without live market data)
 */
public record GuardFigures(int seen, int explained, int notDue) {

  /** Figures without reasons that are not due. */
  public GuardFigures(int seen, int explained) {
    this(seen, explained, 0);
  }
}
