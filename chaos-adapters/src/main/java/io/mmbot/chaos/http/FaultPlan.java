package io.mmbot.chaos.http;

import io.mmbot.chaos.NetLossStage;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * What one request meets: an optional delay, then at most one fault. Transport-neutral: the JDK
 * {@link ChaosHttpClient}, an OkHttp interceptor and a simulated exchange all apply the same plan,
 * each in its own terms. {@link RequestFaults#next()} decides both at once; a transport whose
 * requests can be cancelled or time out during the delay draws the delay with {@link
 * RequestFaults#nextDelayMs()} and the rest with {@link RequestFaults#afterDelay} as the request
 * goes out, so that a request that never goes out draws no fault.
 *
 * <p>How a transport applies a plan:
 *
 * <ol>
 *   <li>Wait {@link #delayMs()} (LAT_SPIKE) before anything else.
 *   <li>If {@link #scenario()} is null, send the request untouched.
 *   <li>If {@link #reachesServer()}, send the request for real and discard its response (the
 *       exchange executes it: an unknown outcome for the caller).
 *   <li>Then answer with the synthetic {@link #status()} (with {@code Retry-After: }{@link
 *       #retryAfterSeconds()} for 429 and 418), or, when {@link #isLoss()}, fail as a lost
 *       connection ({@link Outcome#NOT_SENT}), a lost response ({@link Outcome#RESPONSE_LOST}) or a
 *       connection cut while the response was on its way ({@link Outcome#RESPONSE_CUT}, {@link
 *       #isCut()}).
 * </ol>
 *
 * <p>Immutable and safe to share.
 */
public final class FaultPlan {

  private final long delayMs;
  private final Scenario scenario;
  private final Outcome outcome;
  private final int status;
  private final long retryAfterSeconds;

  private FaultPlan(long delayMs, Scenario scenario, Outcome outcome, int status, long retryAfter) {
    this.delayMs = delayMs;
    this.scenario = scenario;
    this.outcome = outcome;
    this.status = status;
    this.retryAfterSeconds = retryAfter;
  }

  static FaultPlan delayOnly(long delayMs) {
    return new FaultPlan(delayMs, null, null, 0, 0);
  }

  static FaultPlan loss(long delayMs, NetLossStage stage) {
    Outcome o;
    switch (stage) {
      case RESPONSE_CUT:
        o = Outcome.RESPONSE_CUT;
        break;
      case RESPONSE_LOST:
        o = Outcome.RESPONSE_LOST;
        break;
      default:
        o = Outcome.NOT_SENT;
    }
    return new FaultPlan(delayMs, Scenario.NET_LOSS, o, 0, 0);
  }

  static FaultPlan status(long delayMs, Scenario scenario, int status, long retryAfterSeconds) {
    return new FaultPlan(delayMs, scenario, Outcome.NOT_SENT, status, retryAfterSeconds);
  }

  static FaultPlan serverError(long delayMs, int status, boolean afterSend) {
    return new FaultPlan(
        delayMs,
        Scenario.EXCH_5XX,
        afterSend ? Outcome.RESPONSE_REPLACED : Outcome.NOT_SENT,
        status,
        0);
  }

  /** Milliseconds to wait before the request goes anywhere (LAT_SPIKE); 0 for none. */
  public long delayMs() {
    return delayMs;
  }

  /**
   * The fault's scenario ({@code RATE_LIMIT_STORM} also for escalation 429s and 418 bans), or null
   * when the request only waits {@link #delayMs()} and is then sent untouched.
   */
  public Scenario scenario() {
    return scenario;
  }

  /** Where the fault strikes, or null when there is no fault (a delay only). */
  public Outcome outcome() {
    return outcome;
  }

  /** The synthetic HTTP status (429, 418, 500, 502, 503, 504), or 0 for a loss or a delay only. */
  public int status() {
    return status;
  }

  /** {@code Retry-After} in whole seconds for a 429 or 418, else 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whether the caller loses the connection or the response (NET_LOSS) instead of an answer. */
  public boolean isLoss() {
    return scenario != null && status == 0;
  }

  /**
   * Whether the connection breaks after the request reached the server, while its response is on
   * the way ({@link Outcome#RESPONSE_CUT}): the transport fails the call as its client fails on a
   * body cut short (or, where that client re-sends on a reset, as after a reset).
   */
  public boolean isCut() {
    return outcome == Outcome.RESPONSE_CUT;
  }

  /**
   * Whether the request really reaches the server: always when there is no fault, and for faults
   * that strike after sending (the exchange executes it, the caller's outcome is unknown).
   */
  public boolean reachesServer() {
    return scenario == null || outcome != Outcome.NOT_SENT;
  }

  /**
   * The exception a lost request or response ends in on the JDK client, as {@code sendAsync} fails
   * with it for real: after sending, {@code HttpTimeoutException: request timed out}; before
   * sending, a refused connect, {@code ConnectException} (no message) caused by {@code
   * ClosedChannelException}. {@link #asThrownBySend} gives the form {@code send} throws.
   */
  IOException lossException() {
    if (outcome == Outcome.RESPONSE_LOST) {
      return new HttpTimeoutException("request timed out");
    }
    ConnectException refused = new ConnectException();
    refused.initCause(new ClosedChannelException());
    return refused;
  }

  /**
   * What the JDK client's {@code send} throws for a call that failed with {@code failure}: as its
   * own {@code send} does, a new exception of the same kind and message with {@code failure} as its
   * cause ({@code HttpTimeoutException} without a cause).
   */
  static IOException asThrownBySend(IOException failure) {
    String message = failure.getMessage();
    if (failure instanceof HttpTimeoutException) {
      return new HttpTimeoutException(message);
    }
    if (failure instanceof ConnectException) {
      ConnectException thrown = new ConnectException(message);
      thrown.initCause(failure);
      return thrown;
    }
    return new IOException(message, failure);
  }

  /**
   * The exception the JDK client raises when the connection closes half way through a response
   * whose {@code Content-Length} announced {@code length} bytes ({@code "fixed content-length: N,
   * bytes received: N/2"}), or, for an answer without a body, when it closes before the first byte
   * ({@code "HTTP/1.1 header parser received no bytes"}, what a reset gives). {@code sendAsync}
   * fails with it; {@code send} throws an {@code IOException} of the same message with it as cause.
   */
  static IOException cutException(long length) {
    if (length <= 0) {
      return new IOException("HTTP/1.1 header parser received no bytes");
    }
    return new IOException("fixed content-length: " + length + ", bytes received: " + length / 2);
  }

  @Override
  public String toString() {
    if (scenario == null) {
      return "FaultPlan{delay=" + delayMs + "ms}";
    }
    return "FaultPlan{delay="
        + delayMs
        + "ms, "
        + scenario.key()
        + ", "
        + outcome
        + (status != 0 ? ", status=" + status : "")
        + (retryAfterSeconds != 0 ? ", retryAfter=" + retryAfterSeconds + "s" : "")
        + '}';
  }
}
