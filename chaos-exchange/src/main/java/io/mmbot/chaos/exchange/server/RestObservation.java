package io.mmbot.chaos.exchange.server;

/**
 * One REST request as the exchange saw it. Times are the observer clock's nanoseconds (see {@link
 * ExchangeServer.Builder#observer}).
 *
 * @param arrivedAtNanos when the whole request had been read off the connection
 * @param endedAtNanos when the answer had been written and flushed, or the connection was reset or
 *     cut, or (for an answer held back) when the client closed the connection or the hold ran out
 * @param endpoint the endpoint's name ({@code PLACE_ORDER}, {@code CANCEL_ORDER}, ...), or {@code
 *     UNKNOWN} for a path the exchange does not serve
 * @param ending how the request ended
 * @param status the HTTP status written (0 when none was)
 * @param code the Binance error code of the answer's body (0 for a success or none)
 * @param retryAfterSec the {@code Retry-After} header written, s (0 for none)
 * @param clientOrderId the order's client id ({@code newClientOrderId} of a place, {@code
 *     origClientOrderId} or the id the ledger holds for {@code orderId} of a cancel or query), else
 *     null
 * @param side 'B' or 'S' for a place, else 0
 * @param priceTicks a place's limit price in ticks of 0.01, else 0
 */
public record RestObservation(
    long arrivedAtNanos,
    long endedAtNanos,
    String endpoint,
    Ending ending,
    int status,
    int code,
    long retryAfterSec,
    String clientOrderId,
    char side,
    long priceTicks) {

  /** How a request ended on the exchange's side. */
  public enum Ending {
    /** A whole HTTP answer was written. */
    ANSWERED,
    /** The connection was reset before the exchange executed the request: nothing happened. */
    DROPPED_BEFORE_EXECUTION,
    /**
     * The exchange executed the request and its answer never reached the client whole (held back,
     * reset, or cut off mid-body).
     */
    LOST_AFTER_EXECUTION,
    /** The connection failed while the answer was being written. */
    BROKEN
  }
}
