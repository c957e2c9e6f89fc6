package io.mmbot.chaos.examples.binance;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The bot's REST calls through binance-connector-java's {@link SpotClientImpl}, each turned into an
 * {@link Outcome}. Signed calls carry the bot's own {@code timestamp} (the connector keeps one it
 * is given): the bot's clock plus the offset to the exchange's server time that the resilient build
 * measures.
 *
 * <p>With a worker pool (resilient build) a call is sent from a worker and the tick waits for it
 * only until its give-up time: a call still running then is {@link Outcome.Kind#UNKNOWN} to the bot
 * (it may yet execute) and finishes on its own. Without one (naive build) the tick thread waits as
 * long as the connector does.
 *
 * <p>DNS: a call that could not be sent because the exchange's name did not resolve ({@link
 * LookupTap}) goes at once to the fallback client, which reaches the address the name had at
 * start-up; calls stay on it for {@value #FALLBACK_MS} ms ({@link #onFallback()}, the bot's {@code
 * DNS_FALLBACK}), then try the name again.
 */
final class ExchangeCalls {

  /**
   * The longest the tick waits for one answer: a loopback answer takes a few milliseconds, so one
   * that has not come in this time is treated as late (its outcome settled later) rather than
   * holding the tick.
   */
  static final long PER_CALL_WAIT_NANOS = 25_000_000L;

  /** How long calls stay on the start-up address after a failed lookup, ms. */
  static final long FALLBACK_MS = 1_000;

  private final SpotClientImpl client;
  private final SpotClientImpl fallback;
  private volatile long fallbackUntilNanos;
  private final String symbol;
  private final Clock clock;
  private final ExecutorService workers;
  private final LongSupplier nanoClock;
  private volatile long offsetMs;

  /**
   * Calls through {@code client}; {@code fallback} (null: none) reaches the same exchange by the
   * address its name had at start-up.
   */
  ExchangeCalls(
      SpotClientImpl client,
      SpotClientImpl fallback,
      String symbol,
      Clock clock,
      ExecutorService workers,
      LongSupplier nanoClock) {
    this.client = client;
    this.fallback = fallback;
    this.symbol = symbol;
    this.clock = clock;
    this.workers = workers;
    this.nanoClock = nanoClock;
    this.fallbackUntilNanos = nanoClock.getAsLong(); // not on the fallback
  }

  /** Sets the offset added to the bot's clock in signed requests. */
  void offsetMs(long offsetMs) {
    this.offsetMs = offsetMs;
  }

  /** The bot's clock, in epoch milliseconds (without the offset). */
  long localMillis() {
    return clock.millis();
  }

  Outcome place(String clientId, String side, String price, String qty, long giveUpAt) {
    Map<String, Object> p = signed();
    p.put("side", side);
    p.put("type", "LIMIT");
    p.put("timeInForce", "GTC");
    p.put("quantity", qty);
    p.put("price", price);
    p.put("newClientOrderId", clientId);
    p.put("newOrderRespType", "ACK");
    return call(c -> c.createTrade().newOrder(p), giveUpAt);
  }

  Outcome cancel(String clientId, long giveUpAt) {
    Map<String, Object> p = signed();
    p.put("origClientOrderId", clientId);
    return call(c -> c.createTrade().cancelOrder(p), giveUpAt);
  }

  Outcome query(String clientId, long giveUpAt) {
    Map<String, Object> p = signed();
    p.put("origClientOrderId", clientId);
    return call(c -> c.createTrade().getOrder(p), giveUpAt);
  }

  Outcome openOrders(long giveUpAt) {
    Map<String, Object> p = signed();
    return call(c -> c.createTrade().getOpenOrders(p), giveUpAt);
  }

  Outcome cancelAll(long giveUpAt) {
    Map<String, Object> p = signed();
    return call(c -> c.createTrade().cancelOpenOrders(p), giveUpAt);
  }

  Outcome serverTime(long giveUpAt) {
    return call(c -> c.createMarket().time(), giveUpAt);
  }

  Outcome bookTicker(long giveUpAt) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", symbol);
    return call(c -> c.createMarket().bookTicker(p), giveUpAt);
  }

  private Map<String, Object> signed() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", symbol);
    p.put("timestamp", clock.millis() + offsetMs);
    return p;
  }

  /** Whether calls go to the start-up address for now (a lookup of the name failed lately). */
  boolean onFallback() {
    return fallback != null && nanoClock.getAsLong() - fallbackUntilNanos < 0;
  }

  /**
   * Sends {@code request} by name, or to the start-up address while on the fallback; a call by name
   * that found no address is sent to the start-up address at once (nothing was sent).
   */
  private Outcome send(Function<SpotClientImpl, String> request) {
    if (onFallback()) {
      return classify(() -> request.apply(fallback));
    }
    Outcome o = classify(() -> request.apply(client));
    if (o.kind() == Outcome.Kind.NO_ADDRESS && fallback != null) {
      fallbackUntilNanos = nanoClock.getAsLong() + FALLBACK_MS * 1_000_000L;
      return classify(() -> request.apply(fallback));
    }
    return o;
  }

  private Outcome call(Function<SpotClientImpl, String> request, long giveUpAt) {
    if (workers == null) {
      return send(request);
    }
    long now = nanoClock.getAsLong();
    long wait = Math.min(giveUpAt - now, PER_CALL_WAIT_NANOS);
    if (wait <= 0) {
      return Outcome.of(Outcome.Kind.NOT_SENT, 0);
    }
    Future<Outcome> f = workers.submit(() -> send(request));
    try {
      return f.get(wait, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return Outcome.pending(f);
    } catch (ExecutionException e) {
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    }
  }

  /** Sends {@code request} on this thread and classifies what comes back. */
  static Outcome classify(Supplier<String> request) {
    LookupTap.clear();
    try {
      return Outcome.ok(request.get());
    } catch (BinanceClientException e) {
      int status = e.getHttpStatusCode();
      int code = e.getErrorCode();
      if (status == 429 || status == 418) {
        return Outcome.of(Outcome.Kind.RATE_LIMITED, code);
      }
      if (code == -1021) {
        return Outcome.of(Outcome.Kind.CLOCK, code);
      }
      if (code == -2011 || code == -2013) {
        return Outcome.of(Outcome.Kind.NOT_FOUND, code);
      }
      return Outcome.of(Outcome.Kind.REJECTED, code);
    } catch (BinanceServerException e) {
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    } catch (RuntimeException e) {
      if (LookupTap.failedOnThisThread()) {
        return Outcome.of(Outcome.Kind.NO_ADDRESS, 0); // no address: nothing was sent
      }
      // BinanceConnectorException (reset, cut answer, timeout) and anything the connector did not
      // wrap, such as a JSON error on a cut body: the request may have been executed.
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    }
  }
}
