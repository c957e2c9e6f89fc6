package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.DepthDiff;

/**
 * The bot's local order book: price levels per side, kept from a depth snapshot and the depth diffs
 * that follow it. A level with quantity 0 is removed. Holds at most {@value #MAX_LEVELS} levels per
 * side (a change that would add one more is ignored). Not thread-safe; allocates only when a side
 * grows.
 */
final class LocalBook {

  static final int MAX_LEVELS = 4096;

  private final Levels bids = new Levels(true);
  private final Levels asks = new Levels(false);

  /** Removes every level. */
  void clear() {
    bids.n = 0;
    asks.n = 0;
  }

  /** Applies the changed levels of one side of {@code d}. */
  void apply(DepthDiff d, boolean bid) {
    Levels side = bid ? bids : asks;
    int n = d.levels(bid);
    for (int i = 0; i < n; i++) {
      side.set(d.price(bid, i), d.qty(bid, i));
    }
  }

  /** Applies price and quantity pairs to the bid side ({@code bid}) or the ask side. */
  void apply(long[] pairs, boolean bid) {
    Levels side = bid ? bids : asks;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      side.set(pairs[i], pairs[i + 1]);
    }
  }

  /** The highest bid price, or 0 when there is none. */
  long bestBid() {
    return bids.best();
  }

  /** The lowest ask price, or 0 when there is none. */
  long bestAsk() {
    return asks.best();
  }

  /** Levels on the bid side ({@code bid}) or the ask side. */
  int levels(boolean bid) {
    return (bid ? bids : asks).n;
  }

  /** The quantity at {@code price} on one side, 0 when there is no such level. */
  long qty(boolean bid, long price) {
    Levels side = bid ? bids : asks;
    int i = side.find(price);
    return i < 0 ? 0 : side.qty[i];
  }

  /** One side: unsorted parallel arrays (a side holds a handful of levels). */
  private static final class Levels {
    private final boolean bid;
    private long[] price = new long[16];
    private long[] qty = new long[16];
    private int n;

    Levels(boolean bid) {
      this.bid = bid;
    }

    int find(long p) {
      for (int i = 0; i < n; i++) {
        if (price[i] == p) {
          return i;
        }
      }
      return -1;
    }

    void set(long p, long q) {
      int i = find(p);
      if (q == 0) {
        if (i >= 0) {
          n--;
          price[i] = price[n];
          qty[i] = qty[n];
        }
        return;
      }
      if (i >= 0) {
        qty[i] = q;
        return;
      }
      if (n == price.length) {
        if (n == MAX_LEVELS) {
          return;
        }
        price = java.util.Arrays.copyOf(price, n * 2);
        qty = java.util.Arrays.copyOf(qty, n * 2);
      }
      price[n] = p;
      qty[n] = q;
      n++;
    }

    long best() {
      if (n == 0) {
        return 0;
      }
      long b = price[0];
      for (int i = 1; i < n; i++) {
        b = bid ? Math.max(b, price[i]) : Math.min(b, price[i]);
      }
      return b;
    }
  }
}
