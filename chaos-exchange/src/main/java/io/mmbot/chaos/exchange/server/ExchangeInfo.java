package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.exchange.ExchangeRules;

/**
 * {@code GET /api/v3/exchangeInfo}: the rate limits the rules enforce and the one symbol with its
 * {@code PRICE_FILTER}, {@code LOT_SIZE} and {@code MAX_NUM_ORDERS} filters.
 */
final class ExchangeInfo {
  private ExchangeInfo() {}

  static String json(long serverTimeMs) {
    Json j = new Json(1400).open().str("timezone", "UTC").num("serverTime", serverTimeMs);
    j.openArray("rateLimits");
    limit(j, "REQUEST_WEIGHT", "MINUTE", 1, ExchangeRules.WEIGHT_LIMIT_PER_MINUTE);
    limit(j, "ORDERS", "SECOND", 10, ExchangeRules.MAX_NEW_ORDERS_PER_10S);
    j.closeArray();
    j.openArray("exchangeFilters").closeArray();
    j.openArray("symbols").element();
    j.str("symbol", Amounts.SYMBOL)
        .str("status", "TRADING")
        .str("baseAsset", Amounts.BASE)
        .num("baseAssetPrecision", 8)
        .str("quoteAsset", Amounts.QUOTE)
        .num("quotePrecision", 8)
        .num("quoteAssetPrecision", 8)
        .num("baseCommissionPrecision", 8)
        .num("quoteCommissionPrecision", 8);
    j.openArray("orderTypes").value("LIMIT").closeArray();
    j.bool("icebergAllowed", false)
        .bool("ocoAllowed", false)
        .bool("otoAllowed", false)
        .bool("quoteOrderQtyMarketAllowed", false)
        .bool("allowTrailingStop", false)
        .bool("cancelReplaceAllowed", false)
        .bool("amendAllowed", false)
        .bool("isSpotTradingAllowed", true)
        .bool("isMarginTradingAllowed", false);
    j.openArray("filters");
    j.element()
        .str("filterType", "PRICE_FILTER")
        .str("minPrice", Amounts.price(1))
        .str("maxPrice", "1000000.00000000")
        .str("tickSize", Amounts.price(1))
        .close();
    j.element()
        .str("filterType", "LOT_SIZE")
        .str("minQty", Amounts.qty(1))
        .str("maxQty", "9000.00000000")
        .str("stepSize", Amounts.qty(1))
        .close();
    j.element()
        .str("filterType", "MAX_NUM_ORDERS")
        .num("maxNumOrders", ExchangeRules.MAX_OPEN_ORDERS)
        .close();
    j.closeArray();
    j.openArray("permissions").closeArray();
    j.openArray("permissionSets").openArray().value("SPOT").closeArray().closeArray();
    j.str("defaultSelfTradePreventionMode", "NONE");
    j.openArray("allowedSelfTradePreventionModes").value("NONE").closeArray();
    j.close().closeArray();
    return j.close().toString();
  }

  private static void limit(Json j, String type, String interval, int num, int limit) {
    j.element()
        .str("rateLimitType", type)
        .str("interval", interval)
        .num("intervalNum", num)
        .num("limit", limit)
        .close();
  }
}
