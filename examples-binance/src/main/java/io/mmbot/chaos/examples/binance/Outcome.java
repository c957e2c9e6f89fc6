package io.mmbot.chaos.examples.binance;

import java.util.concurrent.Future;

/**
 * What one REST call through the connector came to.
 *
 * @param kind the class of outcome the bot acts on
 * @param body the answer's body when {@code kind} is {@link Kind#OK}, else null
 * @param code Binance's error code, or 0
 * @param pending the call still running when the bot stopped waiting for it, or null
 */
record Outcome(Outcome.Kind kind, String body, int code, Future<Outcome> pending) {

  /** The classes of outcome. */
  enum Kind {
    /** 2xx: the answer is in {@code body}. */
    OK,
    /** A 4xx the exchange answered after deciding: nothing was executed. */
    REJECTED,
    /** -2011 / -2013: the order is not open / does not exist. */
    NOT_FOUND,
    /** 429 or 418: nothing was executed; wait out {@code Retry-After}. */
    RATE_LIMITED,
    /** -1021: the timestamp was outside the receive window; nothing was executed. */
    CLOCK,
    /** 5xx, a lost or cut answer, or the bot stopped waiting: it may have been executed. */
    UNKNOWN,
    /** The tick's time for answers was up before the call: it was not sent. */
    NOT_SENT,
    /** The exchange's name could not be looked up: the call was not sent. */
    NO_ADDRESS
  }

  static Outcome ok(String body) {
    return new Outcome(Kind.OK, body, 0, null);
  }

  static Outcome of(Kind kind, int code) {
    return new Outcome(kind, null, code, null);
  }

  /** A call the bot stopped waiting for: unknown until {@code call} ends. */
  static Outcome pending(Future<Outcome> call) {
    return new Outcome(Kind.UNKNOWN, null, 0, call);
  }

  boolean ok() {
    return kind == Kind.OK;
  }
}
