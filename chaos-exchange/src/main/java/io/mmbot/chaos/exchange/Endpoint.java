package io.mmbot.chaos.exchange;

/**
 * The REST endpoints of the exchange, with their request weight (as a large spot exchange charges
 * them against the per-minute limit) and their HTTP method and path on the loopback exchange.
 */
public enum Endpoint {
  /** Place a limit order: {@code POST /api/v3/order}. */
  PLACE_ORDER(1, "POST", "/api/v3/order", true),
  /** Cancel an order by client order id: {@code DELETE /api/v3/order}. */
  CANCEL_ORDER(1, "DELETE", "/api/v3/order", true),
  /** Query one order by client order id: {@code GET /api/v3/order}. */
  QUERY_ORDER(4, "GET", "/api/v3/order", true),
  /** All open orders of the symbol: {@code GET /api/v3/openOrders}. */
  OPEN_ORDERS(6, "GET", "/api/v3/openOrders", true),
  /** Server time: {@code GET /api/v3/time}. */
  SERVER_TIME(1, "GET", "/api/v3/time", false),
  /** Best bid and ask, the snapshot a WebSocket resync starts from: {@code GET /api/v3/depth}. */
  DEPTH_SNAPSHOT(5, "GET", "/api/v3/depth", false),
  /** Balances and positions: {@code GET /api/v3/account}. */
  ACCOUNT(20, "GET", "/api/v3/account", true);

  private final int weight;
  private final String method;
  private final String path;
  private final boolean signed;

  Endpoint(int weight, String method, String path, boolean signed) {
    this.weight = weight;
    this.method = method;
    this.path = path;
    this.signed = signed;
  }

  /** Request weight charged against the per-minute limit. */
  public int weight() {
    return weight;
  }

  /** HTTP method on the loopback exchange. */
  public String method() {
    return method;
  }

  /** HTTP path on the loopback exchange. */
  public String path() {
    return path;
  }

  /** Whether the request carries a timestamp that the exchange checks against its clock. */
  public boolean signed() {
    return signed;
  }

  /** Whether a failure without an answer leaves the caller unsure what the exchange did. */
  public boolean mutates() {
    return this == PLACE_ORDER || this == CANCEL_ORDER;
  }
}
