package io.mmbot.chaos.exchange;

import java.net.InetAddress;
import java.util.List;

/**
 * One REST request and, once the exchange has answered it, what became of it. The bot fills in the
 * request fields, the exchange (simulated or over the network) fills in the result fields. Owned by
 * one thread at a time; not thread-safe.
 */
public final class RestCall {

  /** How a call ended when no HTTP answer came back. */
  public enum Failure {
    /** An HTTP answer arrived; see {@link #httpStatus()}. */
    NONE,
    /** The host name did not resolve and no address was at hand: nothing was sent. */
    DNS,
    /** The connection was lost before the request was sent: the exchange did nothing. */
    CONNECTION,
    /** No answer within the caller's time limit: the exchange may or may not have executed it. */
    TIMEOUT
  }

  // ---------------------------------------------------------------- request
  private Endpoint endpoint;
  private String clientOrderId;
  private Side side;
  private long priceTicks;
  private long qty;
  private long timestampMs;
  private long recvWindowMs = ExchangeRules.DEFAULT_RECV_WINDOW_MS;
  private InetAddress address;

  // ---------------------------------------------------------------- result
  private Failure failure = Failure.NONE;
  private int httpStatus;
  private int errorCode;
  private long retryAfterSec;
  private long retryAfterMs;
  private int usedWeight;
  private long serverTimeMs;
  private OrderView order;
  private List<OrderView> orders = List.of();
  private long bidTicks;
  private long askTicks;
  private long sentAtNanos;
  private long doneAtNanos;

  private RestCall() {}

  /** A call to {@code endpoint} with no parameters. */
  public static RestCall of(Endpoint endpoint) {
    RestCall c = new RestCall();
    c.endpoint = endpoint;
    return c;
  }

  /** A new limit order. */
  public static RestCall place(String clientOrderId, Side side, long priceTicks, long qty) {
    RestCall c = of(Endpoint.PLACE_ORDER);
    c.clientOrderId = clientOrderId;
    c.side = side;
    c.priceTicks = priceTicks;
    c.qty = qty;
    return c;
  }

  /** A cancel or query of the order with {@code clientOrderId}. */
  public static RestCall byId(Endpoint endpoint, String clientOrderId) {
    RestCall c = of(endpoint);
    c.clientOrderId = clientOrderId;
    return c;
  }

  /** Stamps a signed request with the caller's clock and {@code recvWindow}. */
  public RestCall signed(long timestampMs, long recvWindowMs) {
    this.timestampMs = timestampMs;
    this.recvWindowMs = recvWindowMs;
    return this;
  }

  /** Sets the address the request goes to (null: the lookup failed). */
  public RestCall address(InetAddress a) {
    this.address = a;
    return this;
  }

  /** A copy of the request fields only (what the exchange receives when the answer is lost). */
  public RestCall copyRequest() {
    RestCall c = new RestCall();
    c.endpoint = endpoint;
    c.clientOrderId = clientOrderId;
    c.side = side;
    c.priceTicks = priceTicks;
    c.qty = qty;
    c.timestampMs = timestampMs;
    c.recvWindowMs = recvWindowMs;
    c.address = address;
    return c;
  }

  // ---------------------------------------------------------------- exchange side

  /** Records an HTTP answer whose {@code Retry-After} ({@code retryAfter}) is whole seconds. */
  public void answer(int status, int code, long retryAfter, int weight, long serverTime) {
    answerMs(status, code, secondsToMs(retryAfter), weight, serverTime);
    this.retryAfterSec = retryAfter;
  }

  /**
   * Records an HTTP answer whose {@code Retry-After} ({@code retryAfterMs}) has millisecond parts,
   * as an exchange that writes a decimal {@code Retry-After} such as {@code 1.350} sends it. {@link
   * #retryAfterSec()} then reads it rounded up to whole seconds, so that a caller that only knows
   * seconds never comes back before the deadline.
   */
  public void answerMs(int status, int code, long retryAfterMs, int weight, long serverTime) {
    this.failure = Failure.NONE;
    this.httpStatus = status;
    this.errorCode = code;
    this.retryAfterMs = retryAfterMs;
    this.retryAfterSec = retryAfterMs / 1_000 + (retryAfterMs % 1_000 > 0 ? 1 : 0);
    this.usedWeight = weight;
    this.serverTimeMs = serverTime;
  }

  private static long secondsToMs(long seconds) {
    return seconds > Long.MAX_VALUE / 1_000 ? Long.MAX_VALUE : seconds * 1_000;
  }

  /** Records a failure without an answer. */
  public void fail(Failure f) {
    this.failure = f;
    this.httpStatus = 0;
    this.errorCode = 0;
    this.retryAfterSec = 0;
    this.retryAfterMs = 0;
  }

  /** Sets the order payload. */
  public void order(OrderView o) {
    this.order = o;
  }

  /** Sets the open-orders payload. */
  public void orders(List<OrderView> list) {
    this.orders = list;
  }

  /** Sets the best bid and ask payload. */
  public void book(long bid, long ask) {
    this.bidTicks = bid;
    this.askTicks = ask;
  }

  /** Sets the caller's local send and completion times. */
  public void times(long sentAt, long doneAt) {
    this.sentAtNanos = sentAt;
    this.doneAtNanos = doneAt;
  }

  // ---------------------------------------------------------------- accessors

  /** The endpoint. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The client order id, or null. */
  public String clientOrderId() {
    return clientOrderId;
  }

  /** The side of a new order, or null. */
  public Side side() {
    return side;
  }

  /** The limit price of a new order, in ticks. */
  public long priceTicks() {
    return priceTicks;
  }

  /** The quantity of a new order, in lots. */
  public long qty() {
    return qty;
  }

  /** The request's timestamp (signed endpoints), epoch ms of the caller's clock. */
  public long timestampMs() {
    return timestampMs;
  }

  /** The request's {@code recvWindow}, in ms. */
  public long recvWindowMs() {
    return recvWindowMs;
  }

  /** The address the request goes to, or null when its lookup failed. */
  public InetAddress address() {
    return address;
  }

  /** How the call ended without an answer, or {@link Failure#NONE}. */
  public Failure failure() {
    return failure;
  }

  /** The HTTP status, or 0 without an answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The exchange's error code (for example -1021), or 0. */
  public int errorCode() {
    return errorCode;
  }

  /**
   * {@code Retry-After} in seconds for a 429 or 418, else 0; a value with millisecond parts
   * (recorded by {@link #answerMs}) rounded up.
   */
  public long retryAfterSec() {
    return retryAfterSec;
  }

  /**
   * {@code Retry-After} in milliseconds for a 429 or 418, else 0: the whole seconds of {@link
   * #answer} times 1,000, or the milliseconds of {@link #answerMs} as they are.
   */
  public long retryAfterMs() {
    return retryAfterMs;
  }

  /** The used weight of the current minute ({@code X-MBX-USED-WEIGHT-1M}), 0 when unknown. */
  public int usedWeight() {
    return usedWeight;
  }

  /** Server time of the answer, epoch ms, 0 without one. */
  public long serverTimeMs() {
    return serverTimeMs;
  }

  /** The order payload, or null. */
  public OrderView order() {
    return order;
  }

  /** The open-orders payload (empty unless an OPEN_ORDERS call succeeded). */
  public List<OrderView> orders() {
    return orders;
  }

  /** Best bid of a depth snapshot, in ticks. */
  public long bidTicks() {
    return bidTicks;
  }

  /** Best ask of a depth snapshot, in ticks. */
  public long askTicks() {
    return askTicks;
  }

  /** Caller's local time when the call was sent, in nanoseconds. */
  public long sentAtNanos() {
    return sentAtNanos;
  }

  /** Caller's local time when the call ended (answer, failure or time limit), in nanoseconds. */
  public long doneAtNanos() {
    return doneAtNanos;
  }

  /** Whether an HTTP 200 came back. */
  public boolean ok() {
    return failure == Failure.NONE && httpStatus == 200;
  }

  /** Whether the answer was a rate limit (429) or a ban (418). */
  public boolean rateLimited() {
    return failure == Failure.NONE && (httpStatus == 429 || httpStatus == 418);
  }

  /** Whether the answer was a server error (5xx). */
  public boolean serverError() {
    return failure == Failure.NONE && httpStatus >= 500;
  }

  /**
   * Whether the caller cannot know what the exchange did: a place or cancel that timed out or got a
   * 5xx (the order may exist, or may still be open).
   */
  public boolean outcomeUnknown() {
    return endpoint.mutates() && (failure == Failure.TIMEOUT || serverError());
  }

  @Override
  public String toString() {
    return endpoint
        + (clientOrderId != null ? "(" + clientOrderId + ")" : "")
        + (failure != Failure.NONE ? " " + failure : " " + httpStatus)
        + (errorCode != 0 ? " code " + errorCode : "");
  }
}
