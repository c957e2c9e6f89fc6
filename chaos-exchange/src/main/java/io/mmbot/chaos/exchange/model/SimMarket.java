package io.mmbot.chaos.exchange.model;

import java.util.SplittableRandom;

/**
 * The simulated market: a mid price on a random walk, a fixed market spread, and one trade per step
 * around the mid (shared by the simulated and the loopback exchange). Steps come every {@value
 * #STEP_MS} ms. Prices are in ticks of 0.01.
 */
public final class SimMarket {

  /** Interval between market steps (and book-ticker messages), ms. */
  public static final long STEP_MS = 100;

  /** Starting mid price in ticks (30,000.00). */
  static final long START_MID = 3_000_000;

  /** Half the market's own spread, ticks. */
  static final long HALF_SPREAD = 50;

  /** Standard deviation of one step of the mid, ticks. */
  static final double STEP_SIGMA = 60;

  /** Standard deviation of a trade's distance from the mid, ticks. */
  static final double TRADE_SIGMA = 900;

  private final Gaussian gaussian;
  private double mid = START_MID;
  private long lastTrade = START_MID;

  /** A market drawing from {@code random}. */
  public SimMarket(SplittableRandom random) {
    this.gaussian = new Gaussian(random);
  }

  /** Advances one step. */
  public void step() {
    mid += STEP_SIGMA * gaussian.next();
    lastTrade = Math.round(mid + TRADE_SIGMA * gaussian.next());
  }

  /** The best bid, ticks. */
  public long bid() {
    return Math.round(mid) - HALF_SPREAD;
  }

  /** The best ask, ticks. */
  public long ask() {
    return Math.round(mid) + HALF_SPREAD;
  }

  /** The price of the last step's trade, ticks. */
  public long lastTrade() {
    return lastTrade;
  }
}
