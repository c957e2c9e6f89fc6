package io.mmbot.chaos.http;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * What to do with one request, decided once when it is submitted: an optional delay, then at most
 * one fault. Immutable.
 */
final class Plan {

  final long delayMs;

  /** The fault's scenario, or null when the request only waits {@link #delayMs}. */
  final Scenario scenario;

  final Outcome outcome;

  /** The synthetic status, or 0 for a lost request or response. */
  final int status;

  final long retryAfterSeconds;

  private Plan(long delayMs, Scenario scenario, Outcome outcome, int status, long retryAfter) {
    this.delayMs = delayMs;
    this.scenario = scenario;
    this.outcome = outcome;
    this.status = status;
    this.retryAfterSeconds = retryAfter;
  }

  static Plan delayOnly(long delayMs) {
    return new Plan(delayMs, null, null, 0, 0);
  }

  static Plan loss(long delayMs, boolean afterSend) {
    return new Plan(
        delayMs, Scenario.NET_LOSS, afterSend ? Outcome.RESPONSE_LOST : Outcome.NOT_SENT, 0, 0);
  }

  static Plan status(long delayMs, Scenario scenario, int status, long retryAfterSeconds) {
    return new Plan(delayMs, scenario, Outcome.NOT_SENT, status, retryAfterSeconds);
  }

  static Plan serverError(long delayMs, int status, boolean afterSend) {
    return new Plan(
        delayMs,
        Scenario.EXCH_5XX,
        afterSend ? Outcome.RESPONSE_REPLACED : Outcome.NOT_SENT,
        status,
        0);
  }

  /** The exception a lost request or response ends in. */
  IOException lossException() {
    return outcome == Outcome.RESPONSE_LOST
        ? new HttpTimeoutException("request timed out: response lost after sending (net_loss)")
        : new IOException("connection lost before the request was sent (net_loss)");
  }

  boolean reachesServer() {
    return scenario == null || outcome != Outcome.NOT_SENT;
  }
}
