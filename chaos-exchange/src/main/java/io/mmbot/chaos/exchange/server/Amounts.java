package io.mmbot.chaos.exchange.server;

import java.math.BigDecimal;

/**
 * The one symbol the exchange trades and how its prices and quantities look on the wire: prices in
 * ticks of 0.01 quote units, quantities in lots of 0.001 base units, written with eight decimals as
 * Binance writes them.
 */
final class Amounts {
  /** The symbol, as in REST requests. */
  static final String SYMBOL = "BTCUSDT";

  /** The symbol as stream names spell it. */
  static final String STREAM_SYMBOL = "btcusdt";

  static final String BASE = "BTC";
  static final String QUOTE = "USDT";

  /** Decimals of a tick (0.01). */
  static final int PRICE_SCALE = 2;

  /** Decimals of a lot (0.001). */
  static final int QTY_SCALE = 3;

  /** Decimals of a quote amount (a tick times a lot). */
  static final int QUOTE_SCALE = PRICE_SCALE + QTY_SCALE;

  private static final long[] POW10 = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Amounts() {}

  /** {@code units} with {@code scale} decimals, written with eight decimals ("30000.01000000"). */
  static String format(long units, int scale) {
    long v = units * POW10[8 - scale];
    StringBuilder sb = new StringBuilder(20);
    if (v < 0) {
      sb.append('-');
      v = -v;
    }
    sb.append(v / 100_000_000).append('.');
    String frac = Long.toString(v % 100_000_000);
    for (int i = frac.length(); i < 8; i++) {
      sb.append('0');
    }
    return sb.append(frac).toString();
  }

  static String price(long ticks) {
    return format(ticks, PRICE_SCALE);
  }

  static String qty(long lots) {
    return format(lots, QTY_SCALE);
  }

  /**
   * Parses a decimal parameter into whole units of {@code scale} decimals; a value between two
   * units fails the symbol's filter ({@code -1013 Filter failure: filter}).
   */
  static long parse(String param, String value, int scale, String filter) throws ApiError {
    BigDecimal d;
    try {
      d = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new ApiError(
          400,
          -1100,
          "Illegal characters found in parameter '"
              + param
              + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
    }
    BigDecimal units = d.movePointRight(scale);
    if (units.signum() <= 0 || units.stripTrailingZeros().scale() > 0) {
      throw new ApiError(400, -1013, "Filter failure: " + filter);
    }
    try {
      return units.longValueExact();
    } catch (ArithmeticException e) {
      throw new ApiError(400, -1013, "Filter failure: " + filter);
    }
  }
}
