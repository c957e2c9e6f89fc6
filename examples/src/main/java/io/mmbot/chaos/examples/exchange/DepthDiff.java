package io.mmbot.chaos.examples.exchange;

/**
 * One depth-diff event of the market-data stream, as Binance's {@code <symbol>@depth} stream sends
 * it: the price levels that changed between update ids {@code firstUpdateId} and {@code
 * finalUpdateId} (both included), each with its new quantity; quantity 0 removes the level. A
 * client keeps a local book by applying these in update-id order onto a depth snapshot; a gap in
 * the ids (an event whose first id is beyond the previous final id + 1) means events were missed
 * and the book must be rebuilt from a new snapshot.
 *
 * <p>Levels are packed as price, quantity pairs: {@code bids[2i]} is a price in ticks and {@code
 * bids[2i + 1]} its quantity in lots. The arrays belong to the event; a receiver must not change
 * them.
 *
 * @param firstUpdateId the first update id this event covers ({@code U})
 * @param finalUpdateId the last update id this event covers ({@code u})
 * @param eventTimeMs server time of the event, epoch ms
 * @param bids changed bid levels, price and quantity pairs
 * @param asks changed ask levels, price and quantity pairs
 */
@SuppressWarnings("ArrayRecordComponent")
public record DepthDiff(
    long firstUpdateId, long finalUpdateId, long eventTimeMs, long[] bids, long[] asks) {}
