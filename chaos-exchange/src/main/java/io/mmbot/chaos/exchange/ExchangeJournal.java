package io.mmbot.chaos.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the exchange observed of its client, kept for a judge outside the client: every request it
 * received (time, endpoint, answer, the {@code Retry-After} deadline it issued, the order fields)
 * and its WebSocket side (connection attempts admitted or refused, endpoints failing over, abnormal
 * closes, the first market data sent on a session). Compact and cheap: one small record per request
 * or event, times in server epoch milliseconds. Off until {@link #start()} (a long-lived exchange
 * does not keep it), and it stops recording at {@value #CAPACITY} records ({@link #truncated()}). A
 * judge that reads only the WebSocket side starts it with {@link #startWebSocketOnly()}: then no
 * request is kept, which saves a record per request on long runs. Not thread-safe: written under
 * the same serialisation as {@link ExchangeRules}.
 */
public final class ExchangeJournal {

  /**
   * One request the exchange received and answered.
   *
   * @param atMs when it arrived, server epoch ms
   * @param endpoint its endpoint
   * @param status the HTTP status of the exchange's answer
   * @param code the exchange's error code (0 if none)
   * @param retryUntilMs for a 429/418, the time its {@code Retry-After} runs out, server epoch ms;
   *     else 0
   * @param clientOrderId the client order id of an order request, else null
   * @param side a place's side, else null
   * @param priceTicks a place's limit price, else 0
   */
  public record Request(
      long atMs,
      Endpoint endpoint,
      int status,
      int code,
      long retryUntilMs,
      String clientOrderId,
      Side side,
      long priceTicks) {}

  /** Kinds of WebSocket events. */
  public enum WsKind {
    /** A connection attempt was admitted (the session opens). */
    ADMITTED,
    /** A connection attempt was refused (endpoint failing over, or the client locked out). */
    REFUSED,
    /** An endpoint started failing over: it refuses connections until {@code untilMs}. */
    ENDPOINT_DOWN,
    /** A session was lost without a close frame. */
    ABNORMAL_CLOSE,
    /** The first market-data message of a session was sent. */
    FIRST_DATA
  }

  /**
   * One WebSocket event.
   *
   * @param atMs when, server epoch ms
   * @param endpoint the endpoint (host address) it concerns
   * @param kind what happened
   * @param untilMs for {@link WsKind#ENDPOINT_DOWN}, when the endpoint accepts connections again;
   *     else 0
   */
  public record WsEvent(long atMs, String endpoint, WsKind kind, long untilMs) {}

  /** Records kept at most (requests and WebSocket events together). */
  public static final int CAPACITY = 2_000_000;

  private final List<Request> requests = new ArrayList<>();
  private final List<WsEvent> ws = new ArrayList<>();
  private boolean on;
  private boolean requestsOn;
  private boolean truncated;

  /** An empty journal, not recording. */
  public ExchangeJournal() {}

  /** Starts recording requests and WebSocket events. */
  public void start() {
    on = true;
    requestsOn = true;
  }

  /**
   * Starts recording WebSocket events only: {@link #requests()} stays empty. Calling {@link
   * #start()} afterwards records requests as well.
   */
  public void startWebSocketOnly() {
    on = true;
  }

  /** Whether records were dropped because the journal was full. */
  public boolean truncated() {
    return truncated;
  }

  private boolean room() {
    if (!on) {
      return false;
    }
    if (requests.size() + ws.size() >= CAPACITY) {
      truncated = true;
      return false;
    }
    return true;
  }

  /** Records the answer to {@code call}, received at {@code atMs}. */
  void request(RestCall call, long atMs) {
    if (!requestsOn || !room()) {
      return;
    }
    boolean limited = call.httpStatus() == 429 || call.httpStatus() == 418;
    requests.add(
        new Request(
            atMs,
            call.endpoint(),
            call.httpStatus(),
            call.errorCode(),
            limited ? atMs + call.retryAfterSec() * 1_000 : 0,
            call.clientOrderId(),
            call.side(),
            call.priceTicks()));
  }

  /** Records a WebSocket event. */
  public void ws(long atMs, String endpoint, WsKind kind, long untilMs) {
    if (!room()) {
      return;
    }
    ws.add(new WsEvent(atMs, endpoint, kind, untilMs));
  }

  /** Every request received, in arrival order (unmodifiable view). */
  public List<Request> requests() {
    return Collections.unmodifiableList(requests);
  }

  /** Every WebSocket event, in time order (unmodifiable view). */
  public List<WsEvent> wsEvents() {
    return Collections.unmodifiableList(ws);
  }
}
