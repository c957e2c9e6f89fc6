package io.mmbot.chaos.examples.suite;

/**
 * The bot's orders as the exchange held them and as the wire shows them placed.
 *
 * @param maxOpenOrders most orders open at once
 * @param maxOrdersPerSide most live orders on one side at once
 * @param duplicateOrders orders accepted while another live order of the same side stood at the
 *     same quote level
 * @param placesWhileFailing places sent while the exchange was failing this client
 * @param placesWhileGuarded places sent in ticks whose scrape showed a guard raised
 * @param abandonedOrders own orders left open, never cancelled, 10 s after a newer one of their
 *     side
 * @param quotesOffMid orders the exchange accepted on the wrong side of its own mid, or farther
 *     from the declared quote distance than the allowance (see {@code QuoteChecks})
 * @param worstQuoteStrayTicks the largest difference, over the accepted orders, between an order's
 *     distance from the exchange's mid at acceptance and the quote distance, ticks
 */
public record OrderFigures(
    int maxOpenOrders,
    int maxOrdersPerSide,
    int duplicateOrders,
    long placesWhileFailing,
    long placesWhileGuarded,
    int abandonedOrders,
    int quotesOffMid,
    long worstQuoteStrayTicks) {}
