package io.mmbot.chaos.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rules of a large spot exchange for one client (one IP) and one symbol, in one place, so that
 * the simulated and the loopback exchange behave alike. Pure logic: every method takes the server
 * time in epoch milliseconds; nothing reads a clock. Not thread-safe (the loopback server
 * serialises calls).
 *
 * <ul>
 *   <li><b>Request weight.</b> Each request is charged its {@link Endpoint#weight()} against a
 *       limit of {@value #WEIGHT_LIMIT_PER_MINUTE} per clock minute; every answer carries the used
 *       weight ({@code X-MBX-USED-WEIGHT-1M}). A request that would exceed the limit is answered
 *       429 with {@code Retry-After} (seconds until the minute ends).
 *   <li><b>Bans.</b> A client that sends again while a 429's {@code Retry-After} runs commits a
 *       violation (answered 429 again); the {@value #VIOLATIONS_TO_BAN}-th violation in a row earns
 *       a 418 with {@code Retry-After}: a ban of {@value #FIRST_BAN_MS} ms, doubling for every
 *       further ban up to three days. Every request during a ban is answered 418.
 *   <li><b>Orders.</b> At most {@value #MAX_OPEN_ORDERS} open orders and {@value
 *       #MAX_NEW_ORDERS_PER_10S} new orders per 10 s (error {@value #ERR_REJECTED} and {@value
 *       #ERR_TOO_MANY_ORDERS}); a client order id must be unique among open orders ({@value
 *       #ERR_REJECTED}, "duplicate order").
 *   <li><b>Timestamps.</b> A signed request whose timestamp is more than {@value #MAX_AHEAD_MS} ms
 *       ahead of server time, or older than its {@code recvWindow} (default {@value
 *       #DEFAULT_RECV_WINDOW_MS} ms), is rejected with {@value #ERR_TIMESTAMP}.
 *   <li><b>Unknown outcomes</b> are a property of the transport, not of these rules: a request that
 *       reaches {@link #handle} is executed whatever happens to its answer afterwards.
 *   <li><b>Fills.</b> {@link #trade} fills every open bid at or above and every ask at or below the
 *       trade price.
 * </ul>
 */
public final class ExchangeRules {

  /** Request weight allowed per clock minute. */
  public static final int WEIGHT_LIMIT_PER_MINUTE = 1200;

  /** Violations of a 429's Retry-After that earn a 418 ban. */
  public static final int VIOLATIONS_TO_BAN = 3;

  /** Length of the first ban, ms; each further ban doubles it, up to three days. */
  public static final long FIRST_BAN_MS = 120_000;

  /** Longest ban, ms. */
  public static final long MAX_BAN_MS = 3 * 86_400_000L;

  /** Open orders allowed per symbol. */
  public static final int MAX_OPEN_ORDERS = 10;

  /** New orders allowed per 10 s. */
  public static final int MAX_NEW_ORDERS_PER_10S = 50;

  /** Tolerance for timestamps ahead of server time, ms. */
  public static final long MAX_AHEAD_MS = 1000;

  /** Default {@code recvWindow}, ms. */
  public static final long DEFAULT_RECV_WINDOW_MS = 5000;

  /** Timestamp outside the receive window. */
  public static final int ERR_TIMESTAMP = -1021;

  /** Error code of a new order refused by a price filter (the market moves too fast). */
  public static final int ERR_FILTER = -1013;

  /** Error code of a 429 for the weight of the minute used up. */
  public static final int ERR_TOO_MUCH_WEIGHT = -1003;

  /** Too many requests or new orders. */
  public static final int ERR_TOO_MANY_ORDERS = -1015;

  /** Order rejected: duplicate client order id or too many open orders. */
  public static final int ERR_REJECTED = -2010;

  /** Cancel of an order that is not open. */
  public static final int ERR_CANCEL_UNKNOWN = -2011;

  /** Query of an order that does not exist. */
  public static final int ERR_NO_SUCH_ORDER = -2013;

  private final Ledger ledger = new Ledger();
  private final ExchangeJournal journal = new ExchangeJournal();
  private final Map<String, Ledger.Entry> open = new HashMap<>();
  private final Map<String, Ledger.Entry> latest = new HashMap<>();
  private final List<Ledger.Entry> openList = new ArrayList<>();

  private final RequestLimits limits = new RequestLimits();
  private long filterFromMs = Long.MAX_VALUE;
  private long filterUntilMs = Long.MIN_VALUE;
  private long filterRejections;
  private long timestampRejections;
  private final long[] newOrders = new long[MAX_NEW_ORDERS_PER_10S];
  private int newOrderNext;
  private int newOrderCount;
  private long bidTicks;
  private long askTicks;

  /** Fresh rules: no orders, no weight used, no ban. */
  public ExchangeRules() {}

  /**
   * Sets the request weight allowed per minute (default {@value #WEIGHT_LIMIT_PER_MINUTE}); a load
   * test raises it so that it measures answers, not 429s.
   */
  public void weightLimitPerMinute(int limit) {
    limits.weightLimitPerMinute(limit);
  }

  /** The ledger of every accepted order. */
  public Ledger ledger() {
    return ledger;
  }

  /** What the exchange observed of its client: every request received and its answer. */
  public ExchangeJournal journal() {
    return journal;
  }

  /** Sets the best bid and ask that depth snapshots report. */
  public void top(long bid, long ask) {
    this.bidTicks = bid;
    this.askTicks = ask;
  }

  /** 418 bans issued by these rules. */
  public long bans() {
    return limits.bans();
  }

  /** 429 answers issued by these rules (weight limit and violations). */
  public long rateLimitedAnswers() {
    return limits.rateLimited();
  }

  /**
   * New orders are refused by the price filter ({@value #ERR_FILTER}, HTTP 400) from {@code fromMs}
   * until {@code untilMs}, server epoch ms: the exchange's answer to a market moving too fast.
   */
  public void refuseNewOrders(long fromMs, long untilMs) {
    filterFromMs = fromMs;
    filterUntilMs = untilMs;
  }

  /**
   * Requests refused because the weight of the minute was used up ({@value #ERR_TOO_MUCH_WEIGHT}).
   */
  public long weightRefusals() {
    return limits.weightRefusals();
  }

  /** New orders refused by the price filter ({@value #ERR_FILTER}). */
  public long filterRejections() {
    return filterRejections;
  }

  /** Requests rejected for their timestamp ({@value #ERR_TIMESTAMP}). */
  public long timestampRejections() {
    return timestampRejections;
  }

  /** The weight used in the current minute at {@code nowMs}. */
  public int usedWeight(long nowMs) {
    return limits.usedWeight(nowMs);
  }

  /** The open orders, in acceptance order (a fresh list). */
  public List<OrderView> openOrders(long nowMs) {
    List<OrderView> out = new ArrayList<>(openList.size());
    for (Ledger.Entry e : openList) {
      out.add(e.view(nowMs));
    }
    return out;
  }

  /** The open orders' ledger entries, in acceptance order (an unmodifiable live view). */
  public List<Ledger.Entry> openEntries() {
    return java.util.Collections.unmodifiableList(openList);
  }

  /** Number of open orders. */
  public int openCount() {
    return openList.size();
  }

  /** Whether an order with this client order id is open. */
  public boolean isOpen(String clientOrderId) {
    return open.containsKey(clientOrderId);
  }

  /**
   * Executes one request that reached the exchange at {@code nowMs} and records the answer on the
   * call: limits first (ban, Retry-After, weight), then the timestamp rule, then the operation.
   */
  public void handle(RestCall call, long nowMs) {
    decide(call, nowMs);
    journal.request(call, nowMs);
  }

  private void decide(RestCall call, long nowMs) {
    if (limits.refuse(call, nowMs)) {
      return;
    }
    if (call.endpoint().signed()) {
      long ts = call.timestampMs();
      if (ts - nowMs > MAX_AHEAD_MS || nowMs - ts > call.recvWindowMs()) {
        timestampRejections++;
        call.answer(400, ERR_TIMESTAMP, 0, limits.usedWeight(), nowMs);
        return;
      }
    }
    operate(call, nowMs);
  }

  /** The operation of a request that passed the limits and the timestamp rule. */
  private void operate(RestCall call, long nowMs) {
    switch (call.endpoint()) {
      case PLACE_ORDER:
        place(call, nowMs);
        break;
      case CANCEL_ORDER:
        cancel(call, nowMs);
        break;
      case QUERY_ORDER:
        query(call, nowMs);
        break;
      case OPEN_ORDERS:
        call.orders(openOrders(nowMs));
        ok(call, nowMs);
        break;
      case DEPTH_SNAPSHOT:
        call.book(bidTicks, askTicks);
        ok(call, nowMs);
        break;
      case SERVER_TIME:
      case ACCOUNT:
      case PING:
      case EXCHANGE_INFO:
      case BOOK_TICKER:
      case PRICE_TICKER:
      case USER_STREAM:
        ok(call, nowMs);
        break;
      case CANCEL_ALL:
        cancelAll(call, nowMs);
        break;
      default:
        throw new AssertionError(call.endpoint());
    }
  }

  /**
   * A trade at {@code priceTicks}: fills every open bid priced at or above it and every open ask at
   * or below it, and tells {@code fills} each filled order.
   */
  public void trade(long priceTicks, long nowMs, Consumer<OrderView> fills) {
    for (int i = 0; i < openList.size(); ) {
      Ledger.Entry e = openList.get(i);
      boolean crosses =
          e.side == Side.BUY ? e.priceTicks >= priceTicks : e.priceTicks <= priceTicks;
      if (crosses) {
        close(e, OrderStatus.FILLED, nowMs, i);
        fills.accept(e.view(nowMs));
      } else {
        i++;
      }
    }
  }

  private void place(RestCall call, long nowMs) {
    String id = call.clientOrderId();
    if (open.containsKey(id) || openList.size() >= MAX_OPEN_ORDERS) {
      call.answer(400, ERR_REJECTED, 0, limits.usedWeight(), nowMs);
      return;
    }
    if (newOrderCount == newOrders.length && nowMs - newOrders[newOrderNext] < 10_000) {
      call.answer(429, ERR_TOO_MANY_ORDERS, 10, limits.usedWeight(), nowMs);
      return;
    }
    if (nowMs >= filterFromMs && nowMs < filterUntilMs) {
      filterRejections++;
      call.answer(400, ERR_FILTER, 0, limits.usedWeight(), nowMs);
      return;
    }
    newOrders[newOrderNext] = nowMs;
    newOrderNext = (newOrderNext + 1) % newOrders.length;
    newOrderCount = Math.min(newOrderCount + 1, newOrders.length);
    Ledger.Entry e = ledger.add(id, call.side(), call.priceTicks(), call.qty(), nowMs);
    e.midAtAcceptTicks = (bidTicks + askTicks) / 2;
    open.put(id, e);
    latest.put(id, e);
    openList.add(e);
    call.order(e.view(nowMs));
    ok(call, nowMs);
  }

  private void cancel(RestCall call, long nowMs) {
    Ledger.Entry e = open.get(call.clientOrderId());
    if (e == null) {
      call.answer(400, ERR_CANCEL_UNKNOWN, 0, limits.usedWeight(), nowMs);
      return;
    }
    close(e, OrderStatus.CANCELED, nowMs, openList.indexOf(e));
    call.order(e.view(nowMs));
    ok(call, nowMs);
  }

  private void cancelAll(RestCall call, long nowMs) {
    List<OrderView> cancelled = new ArrayList<>(openList.size());
    while (!openList.isEmpty()) {
      Ledger.Entry e = openList.get(0);
      close(e, OrderStatus.CANCELED, nowMs, 0);
      cancelled.add(e.view(nowMs));
    }
    call.orders(cancelled);
    ok(call, nowMs);
  }

  /** The latest order placed with {@code clientOrderId} (open or closed), or null. */
  public Ledger.Entry latest(String clientOrderId) {
    return latest.get(clientOrderId);
  }

  /** New orders accepted in the 10 s up to {@code nowMs} ({@code X-MBX-ORDER-COUNT-10S}). */
  public int newOrdersIn10s(long nowMs) {
    int n = 0;
    for (int i = 0; i < newOrderCount; i++) {
      if (nowMs - newOrders[i] < 10_000) {
        n++;
      }
    }
    return n;
  }

  private void query(RestCall call, long nowMs) {
    Ledger.Entry e = latest.get(call.clientOrderId());
    if (e == null) {
      call.answer(400, ERR_NO_SUCH_ORDER, 0, limits.usedWeight(), nowMs);
      return;
    }
    call.order(e.view(nowMs));
    ok(call, nowMs);
  }

  private void close(Ledger.Entry e, OrderStatus status, long nowMs, int index) {
    e.status = status;
    e.closedAtMs = nowMs;
    open.remove(e.clientOrderId);
    openList.remove(index);
  }

  private void ok(RestCall call, long nowMs) {
    call.answer(200, 0, 0, limits.usedWeight(), nowMs);
  }

  /**
   * Another client behind the same IP uses {@code weight} of the minute's request weight (the limit
   * is per IP). Refused, and not counted, when it would take the minute over the limit.
   *
   * @return whether the weight was used
   */
  public boolean weightOfAnotherClient(int weight, long nowMs) {
    return limits.weightOfAnotherClient(weight, nowMs);
  }
}
