package io.mmbot.chaos.exchange.server;

/**
 * The order book as the exchange shows it: the market's best bid and ask, and below them a
 * synthetic ladder of levels one tick apart with {@link ExchangeCore#LEVEL_LOTS} each. The bot's
 * own orders are not in it (the exchange models one client against a market, not a matching book).
 * Call with {@link ExchangeCore#lock} held, or on values read under it.
 */
final class Book {
  private Book() {}

  /**
   * {@code GET /api/v3/depth} ({@code rest}) and the {@code @depth5} stream: {@code lastUpdateId},
   * {@code bids}, {@code asks}.
   */
  static String depth(ExchangeCore core, int levels, boolean rest) {
    Json j = new Json(64 + 80 * levels).open().num("lastUpdateId", core.updateId());
    side(j.openArray("bids"), core.bid(), -1, levels);
    side(j.closeArray().openArray("asks"), core.ask(), 1, levels);
    return j.closeArray().close().toString();
  }

  private static void side(Json j, long best, int step, int levels) {
    String qty = Amounts.qty(ExchangeCore.LEVEL_LOTS);
    for (int i = 0; i < levels; i++) {
      long price = best + (long) step * i;
      if (price <= 0) {
        break;
      }
      j.openArray().value(Amounts.price(price)).value(qty).closeArray();
    }
  }

  /**
   * The best bid and ask: the REST ticker's fields ({@code stream} false) or the {@code
   * @bookTicker} stream's ({@code u}, {@code s}, {@code b}, {@code B}, {@code a}, {@code A}).
   */
  static Json bookTicker(Json j, ExchangeCore core, boolean stream) {
    String qty = Amounts.qty(ExchangeCore.LEVEL_LOTS);
    if (stream) {
      return j.num("u", core.updateId())
          .str("s", Amounts.SYMBOL)
          .str("b", Amounts.price(core.bid()))
          .str("B", qty)
          .str("a", Amounts.price(core.ask()))
          .str("A", qty);
    }
    return j.str("symbol", Amounts.SYMBOL)
        .str("bidPrice", Amounts.price(core.bid()))
        .str("bidQty", qty)
        .str("askPrice", Amounts.price(core.ask()))
        .str("askQty", qty);
  }
}
