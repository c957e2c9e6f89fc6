package io.mmbot.chaos.examples.judge;

import java.util.List;

/**
 * Quotes against the exchange's own mid price: every order the exchange accepted is compared with
 * the mid the exchange itself had when it accepted the order (recorded in its ledger), never with
 * anything the bot believed. An order fails when it stands on the wrong side of that mid (a bid at
 * or above it, an ask at or below it) or, when the bot declared its quote distance, when its
 * distance from that mid differs from the declared one by more than {@link #allowanceTicks}. The
 * definition and the reasoning for the allowance are in {@code docs/suite.md}.
 */
public final class QuoteChecks {

  /** Standard deviation of one 100 ms step of the simulated market's mid, ticks. */
  public static final double STEP_SIGMA_TICKS = 60;

  /** Interval between market steps, ms. */
  public static final long STEP_MS = 100;

  /** How long an order may take from the bot's decision to the exchange, ms (see the docs). */
  public static final long TRAVEL_MS = 1_000;

  /** The price grid of the example bot's quotes, ticks: a target is rounded down to it. */
  public static final long GRID_TICKS = 10;

  /** Standard deviations of the mid's move the allowance spans. */
  public static final double SIGMAS = 6;

  private QuoteChecks() {}

  /**
   * How far an order's distance from the exchange's mid may stray from the declared distance,
   * ticks: the price grid plus {@value #SIGMAS} standard deviations of the mid's move over the
   * declared staleness {@code staleMs} plus {@value #TRAVEL_MS} ms of travel.
   */
  public static long allowanceTicks(long staleMs) {
    double steps = (double) (staleMs + TRAVEL_MS) / STEP_MS;
    return GRID_TICKS + (long) Math.ceil(SIGMAS * STEP_SIGMA_TICKS * Math.sqrt(steps));
  }

  /**
   * The orders quoted off the exchange's mid: on its wrong side, or (with {@code quoteTicks} above
   * 0) farther from the declared distance {@code quoteTicks} than {@code allowanceTicks}. Orders
   * whose mid the exchange did not record (0) are not judged.
   */
  public static int offMid(List<OrderRecord> orders, long quoteTicks, long allowanceTicks) {
    int n = 0;
    for (OrderRecord o : orders) {
      if (offMid(o, quoteTicks, allowanceTicks)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether one order was quoted off the exchange's mid (see {@link #offMid(List, long, long)}).
   */
  public static boolean offMid(OrderRecord o, long quoteTicks, long allowanceTicks) {
    long mid = o.midAtAcceptTicks();
    if (mid <= 0) {
      return false;
    }
    long distance = distance(o, mid);
    if (distance <= 0) {
      return true;
    }
    return quoteTicks > 0 && Math.abs(distance - quoteTicks) > allowanceTicks;
  }

  /** The largest distance of an order from the declared one, ticks (0 when none is judged). */
  public static long worstStrayTicks(List<OrderRecord> orders, long quoteTicks) {
    long worst = 0;
    for (OrderRecord o : orders) {
      long mid = o.midAtAcceptTicks();
      if (mid <= 0) {
        continue;
      }
      long distance = distance(o, mid);
      long stray = quoteTicks > 0 ? Math.abs(distance - quoteTicks) : Math.max(0, -distance);
      worst = Math.max(worst, stray);
    }
    return worst;
  }

  /** How far {@code o} stands from {@code mid} on its own side, ticks (negative: across it). */
  private static long distance(OrderRecord o, long mid) {
    return o.side() == 'B' ? mid - o.priceTicks() : o.priceTicks() - mid;
  }
}
