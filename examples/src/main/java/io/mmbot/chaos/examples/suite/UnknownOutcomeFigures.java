package io.mmbot.chaos.examples.suite;

/**
 * Order requests whose outcome the bot could not know (lost answers), and what it did about them.
 *
 * @param count order requests of unknown outcome
 * @param unsettled those no fill report or answer settled before the next tick
 * @param orphanOrders those the bot did not ask the exchange about on the next tick
 * @param placedBeforeTruth new orders sent on a side before the truth about an unknown outcome
 *     there was received
 */
public record UnknownOutcomeFigures(
    int count, int unsettled, int orphanOrders, int placedBeforeTruth) {}
