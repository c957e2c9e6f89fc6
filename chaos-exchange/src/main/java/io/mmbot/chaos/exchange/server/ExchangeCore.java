package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.exchange.WsRules;
import io.mmbot.chaos.exchange.model.SimMarket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The state of the exchange behind the wire: the shared rules, the ledger, the market, the balances
 * of the one account and its listen keys. Every method that reads or changes it holds {@link
 * #lock}; user data events are handed to the sink while it is held, in the order they happened.
 */
final class ExchangeCore {

  /** A listen key is valid for 60 minutes after its creation or last keepalive. */
  static final long LISTEN_KEY_VALIDITY_MS = 3_600_000;

  /** Levels of a synthetic book side, one tick apart. */
  static final int BOOK_LEVELS = 100;

  /** Quantity at every level of the synthetic book, in lots. */
  static final long LEVEL_LOTS = 1_500;

  final Object lock = new Object();
  final ExchangeRules rules = new ExchangeRules();
  final WsRules wsRules = new WsRules();
  private final SimMarket market;
  private final LongSupplier wallMs;
  private final ChaosInjector injector;
  private final SecureRandom keys = new SecureRandom();
  private final Map<String, Long> listenKeys = new HashMap<>();
  private Consumer<String> userEvents = json -> {};
  private long updateId = 1;
  private long lastTradeTicks;
  private long btcLots = 10_000;
  private long usdtUnits = 1_000_000L * 100_000;
  private long executionId;
  private long accountUpdateMs;

  ExchangeCore(long seed, LongSupplier wallMs, ChaosInjector injector) {
    this.market = new SimMarket(new SplittableRandom(seed));
    this.wallMs = wallMs;
    this.injector = injector;
    this.rules.top(market.bid(), market.ask());
    this.lastTradeTicks = market.lastTrade();
  }

  /** Where user data events go (every listen-key session). */
  void userEvents(Consumer<String> sink) {
    synchronized (lock) {
      this.userEvents = sink;
    }
  }

  /** The machine's time, without chaos. */
  long wallMs() {
    return wallMs.getAsLong();
  }

  /** Server time: the machine's clock plus the CLOCK_SKEW offset when that gate fires. */
  long serverTimeMs() {
    long t = wallMs.getAsLong();
    return injector == null ? t : t + injector.clockSkewOffsetMs();
  }

  long bid() {
    return market.bid();
  }

  long ask() {
    return market.ask();
  }

  long lastTrade() {
    return lastTradeTicks;
  }

  long updateId() {
    return updateId;
  }

  /**
   * One market step: moves the market, fills every crossed order (with its user data events) and
   * returns the new update id. Holds the lock.
   */
  long step() {
    synchronized (lock) {
      long now = wallMs.getAsLong();
      market.step();
      lastTradeTicks = market.lastTrade();
      rules.top(market.bid(), market.ask());
      rules.trade(
          lastTradeTicks, now, (OrderView v) -> filled(rules.latest(v.clientOrderId()), now));
      expireListenKeys(now);
      return ++updateId;
    }
  }

  // ---------------------------------------------------------------- listen keys

  String newListenKey(long nowMs) {
    byte[] b = new byte[48];
    keys.nextBytes(b);
    StringBuilder sb = new StringBuilder(64);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 64; i++) {
      sb.append(alphabet.charAt((b[i % b.length] & 0xff ^ i * 31) % alphabet.length()));
    }
    String key = sb.toString();
    listenKeys.put(key, nowMs + LISTEN_KEY_VALIDITY_MS);
    return key;
  }

  boolean keepAlive(String key, long nowMs) {
    return listenKeys.replace(key, nowMs + LISTEN_KEY_VALIDITY_MS) != null;
  }

  boolean closeListenKey(String key) {
    return listenKeys.remove(key) != null;
  }

  boolean listenKeyValid(String key) {
    synchronized (lock) {
      return listenKeys.containsKey(key);
    }
  }

  private void expireListenKeys(long now) {
    if (listenKeys.isEmpty()) {
      return;
    }
    List<String> expired = new ArrayList<>(1);
    listenKeys.forEach(
        (k, until) -> {
          if (now >= until) {
            expired.add(k);
          }
        });
    for (String k : expired) {
      listenKeys.remove(k);
      userEvents.accept(
          new Json(128)
              .open()
              .str("e", "listenKeyExpired")
              .num("E", now)
              .str("listenKey", k)
              .close()
              .toString());
    }
  }

  // ---------------------------------------------------------------- balances and user events

  /** An order was accepted (execution type NEW). Call with the lock held. */
  void placed(Ledger.Entry e, long now) {
    execution(e, "NEW", 0, now);
    position(now);
  }

  /** An order was cancelled (execution type CANCELED). Call with the lock held. */
  void cancelled(Ledger.Entry e, long now) {
    execution(e, "CANCELED", 0, now);
    position(now);
  }

  private void filled(Ledger.Entry e, long now) {
    long quote = e.qty() * e.priceTicks();
    if (e.side() == Side.BUY) {
      btcLots += e.qty();
      usdtUnits -= quote;
    } else {
      btcLots -= e.qty();
      usdtUnits += quote;
    }
    execution(e, "TRADE", e.qty(), now);
    position(now);
  }

  private void execution(Ledger.Entry e, String type, long lastLots, long now) {
    boolean filled = e.status() == OrderStatus.FILLED;
    long cum = filled ? e.qty() : 0;
    Json j =
        new Json(640)
            .open()
            .str("e", "executionReport")
            .num("E", now)
            .str("s", Amounts.SYMBOL)
            .str("c", e.clientOrderId())
            .str("S", e.side().name())
            .str("o", "LIMIT")
            .str("f", "GTC")
            .str("q", Amounts.qty(e.qty()))
            .str("p", Amounts.price(e.priceTicks()))
            .str("P", "0.00000000")
            .str("F", "0.00000000")
            .num("g", -1)
            .str("C", "")
            .str("x", type)
            .str("X", e.status().name())
            .str("r", "NONE")
            .num("i", e.orderId())
            .str("l", Amounts.qty(lastLots))
            .str("z", Amounts.qty(cum))
            .str("L", Amounts.price(lastLots > 0 ? e.priceTicks() : 0))
            .str("n", "0")
            .nul("N")
            .num("T", now)
            .num("t", lastLots > 0 ? ++executionId : -1)
            .num("I", ++executionId)
            .bool("w", e.status() == OrderStatus.NEW)
            .bool("m", lastLots > 0)
            .bool("M", false)
            .num("O", e.acceptedAtMs())
            .str("Z", Amounts.format(cum * e.priceTicks(), Amounts.QUOTE_SCALE))
            .str("Y", Amounts.format(lastLots * e.priceTicks(), Amounts.QUOTE_SCALE))
            .str("Q", "0.00000000")
            .num("W", e.acceptedAtMs())
            .str("V", "NONE")
            .close();
    userEvents.accept(j.toString());
  }

  private void position(long now) {
    accountUpdateMs = now;
    Json j = new Json(256).open().str("e", "outboundAccountPosition").num("E", now).num("u", now);
    j.openArray("B");
    writeBalances(j, true);
    j.closeArray().close();
    userEvents.accept(j.toString());
  }

  /** The balances: free and locked of the base and the quote asset. Call with the lock held. */
  void writeBalances(Json j, boolean shortNames) {
    long lockedLots = 0;
    long lockedUnits = 0;
    for (Ledger.Entry e : rules.openEntries()) {
      if (e.side() == Side.BUY) {
        lockedUnits += e.qty() * e.priceTicks();
      } else {
        lockedLots += e.qty();
      }
    }
    balance(j, shortNames, Amounts.BASE, btcLots - lockedLots, lockedLots, Amounts.QTY_SCALE);
    balance(
        j, shortNames, Amounts.QUOTE, usdtUnits - lockedUnits, lockedUnits, Amounts.QUOTE_SCALE);
  }

  long accountUpdateMs() {
    return accountUpdateMs;
  }

  private static void balance(Json j, boolean s, String asset, long free, long locked, int scale) {
    j.element()
        .str(s ? "a" : "asset", asset)
        .str(s ? "f" : "free", Amounts.format(free, scale))
        .str(s ? "l" : "locked", Amounts.format(locked, scale))
        .close();
  }
}
