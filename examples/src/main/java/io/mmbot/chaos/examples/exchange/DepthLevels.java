package io.mmbot.chaos.examples.exchange;

import io.mmbot.chaos.exchange.model.SimMarket;

/**
 * The shape of the simulated exchange's order book around its best bid and ask: {@value #LEVELS}
 * levels per side, {@value #SPACING_TICKS} ticks apart, starting at the best price; each level's
 * quantity is a fixed function of its price, so the whole book follows from the top of book and the
 * market's random streams are not drawn from again. The book changes only at market steps, every
 * {@value SimMarket#STEP_MS} ms of server time; a step's update id is its server time divided by
 * the step, so a depth snapshot answered at server time {@code t} holds every update up to id
 * {@code t / STEP_MS} ({@link #updateIdAt}).
 *
 * <p>The REST depth answer of these exchanges carries the best bid and ask and its server time; the
 * levels and the last update id it stands for are {@link #bids}, {@link #asks} and {@link
 * #updateIdAt} of those. Stateless; allocates only the arrays of {@link #bids} and {@link #asks}.
 */
public final class DepthLevels {

  /** Price levels per side. */
  public static final int LEVELS = 3;

  /** Distance between two levels of one side, ticks. */
  public static final long SPACING_TICKS = 10;

  private DepthLevels() {}

  /** The update id of the book as it stands at server time {@code serverMs}. */
  public static long updateIdAt(long serverMs) {
    return serverMs / SimMarket.STEP_MS;
  }

  /** Level {@code i} (from 0, the best) of the bid side when the best bid is {@code bid}. */
  public static long bidLevel(long bid, int i) {
    return bid - i * SPACING_TICKS;
  }

  /** Level {@code i} (from 0, the best) of the ask side when the best ask is {@code ask}. */
  public static long askLevel(long ask, int i) {
    return ask + i * SPACING_TICKS;
  }

  /** The quantity resting at {@code priceTicks}, lots (1 to 8). */
  public static long qty(long priceTicks) {
    return 1 + ((priceTicks * 0x9E3779B97F4A7C15L) >>> 61);
  }

  /** The bid levels when the best bid is {@code bid}, price and quantity pairs. */
  public static long[] bids(long bid) {
    long[] out = new long[2 * LEVELS];
    for (int i = 0; i < LEVELS; i++) {
      out[2 * i] = bidLevel(bid, i);
      out[2 * i + 1] = qty(out[2 * i]);
    }
    return out;
  }

  /** The ask levels when the best ask is {@code ask}, price and quantity pairs. */
  public static long[] asks(long ask) {
    long[] out = new long[2 * LEVELS];
    for (int i = 0; i < LEVELS; i++) {
      out[2 * i] = askLevel(ask, i);
      out[2 * i + 1] = qty(out[2 * i]);
    }
    return out;
  }

  /**
   * Adds to {@code out} the changes of one side from best price {@code before} to {@code after}
   * (bid side when {@code bid}): every level of the old side not on the new one with quantity 0,
   * then every level of the new side not on the old one with its quantity. Allocates nothing once
   * {@code out} has room.
   */
  public static void change(long before, long after, boolean bid, DepthDiff out) {
    long sign = bid ? -1 : 1;
    long d = (after - before) * sign; // how far the side moved outwards (away from the spread)
    int kept = 0;
    if (d % SPACING_TICKS == 0 && Math.abs(d) < LEVELS * SPACING_TICKS) {
      kept = LEVELS - (int) (Math.abs(d) / SPACING_TICKS);
    }
    int moved = LEVELS - kept;
    // Levels are before + sign*i*SPACING. Moving outwards (d > 0) drops the inner old levels and
    // adds outer new ones; moving inwards drops the outer old levels and adds inner new ones.
    int oldFrom = d > 0 ? 0 : kept;
    int newFrom = d > 0 ? kept : 0;
    for (int i = oldFrom; i < oldFrom + moved; i++) {
      out.add(bid, before + sign * i * SPACING_TICKS, 0);
    }
    for (int i = newFrom; i < newFrom + moved; i++) {
      long p = after + sign * i * SPACING_TICKS;
      out.add(bid, p, qty(p));
    }
  }
}
