package io.mmbot.chaos.examples.suite;

/**
 * How the bot reconciled its view of its orders with the exchange's.
 *
 * @param injectionsNotQueried ticks whose counted discrepancies were not followed by a query on the
 *     next tick
 * @param injectionsUndetected perturbed views of quiet ticks the bot did not count as a discrepancy
 * @param maxPendingTicks the most ticks from a tick in which the bot counted a discrepancy to its
 *     next query by client order id (1: the next tick)
 */
public record ReconcileFigures(
    int injectionsNotQueried, int injectionsUndetected, int maxPendingTicks) {}
