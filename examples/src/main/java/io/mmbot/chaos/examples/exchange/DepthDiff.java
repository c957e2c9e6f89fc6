package io.mmbot.chaos.examples.exchange;

import java.util.Arrays;

/**
 * One depth-diff event of the market-data stream, as Binance's {@code <symbol>@depth} stream sends
 * it: the price levels that changed between update ids {@code firstUpdateId} and {@code
 * finalUpdateId} (both included), each with its new quantity; quantity 0 removes the level. A
 * client keeps a local book by applying these in update-id order onto a depth snapshot; a gap in
 * the ids (an event whose first id is beyond the previous final id + 1) means events were missed
 * and the book must be rebuilt from a new snapshot.
 *
 * <p>A sender may fill one instance again for every event: a receiver reads it during its callback
 * and keeps a {@link #copy()} if it needs the event later. Not thread-safe.
 */
public final class DepthDiff {

  private long firstUpdateId;
  private long finalUpdateId;
  private long eventTimeMs;
  private long[] bids;
  private long[] asks;
  private int bidLevels;
  private int askLevels;

  /** An empty event with room for {@code levelsPerSide} changed levels a side (it grows). */
  public DepthDiff(int levelsPerSide) {
    bids = new long[2 * levelsPerSide];
    asks = new long[2 * levelsPerSide];
  }

  /** Starts the event: its update ids and server time; no level yet. */
  public DepthDiff reset(long firstUpdateId, long finalUpdateId, long eventTimeMs) {
    this.firstUpdateId = firstUpdateId;
    this.finalUpdateId = finalUpdateId;
    this.eventTimeMs = eventTimeMs;
    bidLevels = 0;
    askLevels = 0;
    return this;
  }

  /** Adds a changed level of the bid side ({@code bid}) or the ask side; quantity 0 removes it. */
  public void add(boolean bid, long priceTicks, long qty) {
    if (bid) {
      bids = room(bids, bidLevels);
      bids[2 * bidLevels] = priceTicks;
      bids[2 * bidLevels + 1] = qty;
      bidLevels++;
    } else {
      asks = room(asks, askLevels);
      asks[2 * askLevels] = priceTicks;
      asks[2 * askLevels + 1] = qty;
      askLevels++;
    }
  }

  /** The first update id this event covers ({@code U}). */
  public long firstUpdateId() {
    return firstUpdateId;
  }

  /** The last update id this event covers ({@code u}). */
  public long finalUpdateId() {
    return finalUpdateId;
  }

  /** Server time of the event, epoch ms. */
  public long eventTimeMs() {
    return eventTimeMs;
  }

  /** Changed levels of the bid side ({@code bid}) or the ask side. */
  public int levels(boolean bid) {
    return bid ? bidLevels : askLevels;
  }

  /** The price of changed level {@code i} of one side, ticks. */
  public long price(boolean bid, int i) {
    return (bid ? bids : asks)[2 * i];
  }

  /** The new quantity of changed level {@code i} of one side, lots (0: removed). */
  public long qty(boolean bid, int i) {
    return (bid ? bids : asks)[2 * i + 1];
  }

  /** A copy that stays as it is when this instance is filled again. */
  public DepthDiff copy() {
    DepthDiff c = new DepthDiff(0);
    c.reset(firstUpdateId, finalUpdateId, eventTimeMs);
    c.bids = Arrays.copyOf(bids, 2 * bidLevels);
    c.asks = Arrays.copyOf(asks, 2 * askLevels);
    c.bidLevels = bidLevels;
    c.askLevels = askLevels;
    return c;
  }

  private static long[] room(long[] a, int levels) {
    return 2 * levels + 2 <= a.length ? a : Arrays.copyOf(a, Math.max(4, 2 * a.length));
  }
}
