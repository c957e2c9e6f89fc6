package io.mmbot.chaos.examples.suite;

/**
 * The guard reasons a run raised, as masks of {@code GuardReason} bits.
 *
 * @param seen reasons raised at least once
 * @param explained reasons whose cause the wire shows (not unexpected, whatever the scenario)
 */
public record GuardFigures(int seen, int explained) {}
