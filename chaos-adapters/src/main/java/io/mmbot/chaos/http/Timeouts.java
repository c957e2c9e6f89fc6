package io.mmbot.chaos.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * How the JDK client bounds a request in time, applied to the part of it the decorator plays: the
 * request's own {@code timeout()} runs from the moment it is submitted and covers connecting as
 * well; the client's {@code connectTimeout()} bounds the connection attempt. An injected delay is
 * spent before the connection is used, so it counts against both.
 */
final class Timeouts {

  /** No bound. */
  static final long NONE = Long.MAX_VALUE;

  private Timeouts() {}

  /**
   * Nanoseconds after submission at which {@code request} gives up if it has not been sent yet: the
   * earlier of its own timeout and the client's connect timeout, or {@link #NONE}.
   */
  static long unsentBudgetNanos(HttpRequest request, HttpClient client) {
    return Math.min(nanos(request.timeout()), nanos(client.connectTimeout()));
  }

  /** The exception the JDK client ends in when {@link #unsentBudgetNanos} runs out. */
  static IOException unsentTimeout(HttpRequest request, HttpClient client) {
    if (nanos(request.timeout()) <= nanos(client.connectTimeout())) {
      return new HttpTimeoutException("request timed out");
    }
    return new HttpConnectTimeoutException("HTTP connect timed out");
  }

  /**
   * {@code request} as it goes out {@code elapsedNanos} after submission: with only what is left of
   * its own timeout, so that the caller's wait is bounded by the timeout it asked for.
   */
  static HttpRequest withRemainingTimeout(HttpRequest request, long elapsedNanos) {
    Optional<Duration> timeout = request.timeout();
    if (timeout.isEmpty() || elapsedNanos <= 0) {
      return request;
    }
    Duration left = timeout.get().minusNanos(elapsedNanos);
    if (left.isNegative() || left.isZero()) {
      left = Duration.ofNanos(1);
    }
    return HttpRequest.newBuilder(request, (name, value) -> true).timeout(left).build();
  }

  /** Nanoseconds after submission at which a request whose response was lost times out. */
  static long lostResponseNanos(HttpRequest request, Duration lostResponseTimeout) {
    return request.timeout().orElse(lostResponseTimeout).toNanos();
  }

  private static long nanos(Optional<Duration> d) {
    if (d.isEmpty()) {
      return NONE;
    }
    try {
      return d.get().toNanos();
    } catch (ArithmeticException tooLong) {
      return NONE;
    }
  }
}
