package io.mmbot.chaos.examples.binance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The bot's own orders, by client order id. An order is {@link State#LIVE} once the exchange
 * confirmed it, {@link State#UNKNOWN} while the bot does not know whether it exists (an answer lost
 * or a 5xx on placing or cancelling, or reconcile disagreeing): the resilient build then looks it
 * up by its client order id before it quotes that side again. Only the tick thread uses it.
 */
final class OrderTracker {

  /** What the bot knows of an order. */
  enum State {
    LIVE,
    UNKNOWN
  }

  /** One order of the bot's. */
  static final class Tracked {
    final String clientId;
    final String side;
    double price;
    State state;

    /** The placing or cancelling call the bot stopped waiting for, until it has ended. */
    java.util.concurrent.Future<Outcome> inFlight;

    /**
     * Whether the exchange ever confirmed this order (a view that misses it then is not trusted).
     */
    boolean confirmed;

    /** Whether {@link #inFlight} is a cancel (else a placement). */
    boolean cancelling;

    Tracked(String clientId, String side, double price, State state) {
      this.clientId = clientId;
      this.side = side;
      this.price = price;
      this.state = state;
    }
  }

  private final Map<String, Tracked> orders = new LinkedHashMap<>();
  private final String prefix;
  private long next;

  /** {@code prefix} starts every client order id this bot makes. */
  OrderTracker(String prefix) {
    this.prefix = prefix;
  }

  /** A new client order id. */
  String nextId() {
    return prefix + (++next);
  }

  /** Whether {@code clientId} is one of this bot's ids. */
  boolean isOurs(String clientId) {
    return clientId != null && clientId.startsWith(prefix);
  }

  void put(String clientId, String side, double price, State state) {
    orders.put(clientId, new Tracked(clientId, side, price, state));
  }

  Tracked get(String clientId) {
    return orders.get(clientId);
  }

  void remove(String clientId) {
    orders.remove(clientId);
  }

  /** The orders on {@code side}. */
  List<Tracked> side(String side) {
    List<Tracked> out = new ArrayList<>(2);
    for (Tracked t : orders.values()) {
      if (t.side.equals(side)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The orders whose outcome is unknown, oldest first. */
  List<Tracked> unknown() {
    List<Tracked> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (t.state == State.UNKNOWN) {
        out.add(t);
      }
    }
    return out;
  }

  Collection<Tracked> all() {
    return new ArrayList<>(orders.values());
  }

  /** Settles {@code t} by the late answer to its own call; false when that says nothing. */
  boolean settle(OrderTracker.Tracked t, Outcome late) {
    switch (late.kind()) {
      case OK:
        if (t.cancelling) {
          remove(t.clientId);
        } else {
          t.state = OrderTracker.State.LIVE;
          t.confirmed = true;
        }
        return true;
      case REJECTED:
      case RATE_LIMITED:
      case CLOCK:
        if (t.cancelling) {
          t.state = OrderTracker.State.LIVE;
          t.cancelling = false;
        } else {
          remove(t.clientId);
        }
        return true;
      case NOT_FOUND:
        remove(t.clientId);
        return true;
      default:
        return false;
    }
  }

  static Outcome lateOutcome(Future<Outcome> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.of(Outcome.Kind.UNKNOWN, 0);
    }
  }
}
