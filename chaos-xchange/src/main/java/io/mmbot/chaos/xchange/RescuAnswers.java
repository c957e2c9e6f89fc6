package io.mmbot.chaos.xchange;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusIOException;
import si.mazi.rescu.InvocationResult;
import si.mazi.rescu.ResponseReader;
import si.mazi.rescu.RestMethodMetadata;

/**
 * The failures of the XChange adapter, as rescu over {@code HttpURLConnection} raises the real
 * ones. A synthetic status is handed to rescu's own response reader for the called method, so it
 * ends in the very exception a real answer with that status, headers and body ends in: the method's
 * declared exception type read from the JSON body (for example XChange's {@code BinanceException}
 * with its code, message and HTTP status), or rescu's {@code HttpStatusIOException}; response
 * headers are then set on it as rescu sets them from the connection. Connection failures carry the
 * JDK's own messages.
 */
final class RescuAnswers {

  private static final Map<Method, RestMethodMetadata> METADATA = new ConcurrentHashMap<>();

  private RescuAnswers() {}

  /**
   * The exception a real answer with the status of {@code plan} gives the caller of {@code method}.
   */
  static Exception statusFailure(FaultPlan plan, Method method, RescuTarget target) {
    int status = plan.status();
    String body = ExchangeAnswers.body(status, plan.retryAfterSeconds());
    RestMethodMetadata metadata =
        METADATA.computeIfAbsent(method, m -> RestMethodMetadata.create(m, target.baseUrl(), ""));
    Exception failure;
    ResponseReader reader = target.reader(metadata);
    try {
      if (reader == null) {
        throw new HttpStatusIOException(
            "HTTP status code was not OK: " + status, new InvocationResult(body, status));
      }
      reader.read(new InvocationResult(body, status), metadata);
      // Unreachable for an error status unless the client ignores error codes; rescu would then
      // have returned the body read as the method's result, which no fault can stand for.
      failure = new IOException("HTTP status code was not OK: " + status);
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    if (failure instanceof HttpResponseAware) {
      ((HttpResponseAware) failure)
          .setResponseHeaders(headers(status, plan.retryAfterSeconds(), body));
    }
    return failure;
  }

  /**
   * The header fields {@code HttpURLConnection} reports for a synthetic answer: the status line
   * under the null key, then the headers of {@link ExchangeAnswers} and the body's length.
   */
  static Map<String, List<String>> headers(int status, long retryAfterSeconds, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(null, List.of("HTTP/1.1 " + status + ' ' + ExchangeAnswers.reason(status)));
    ExchangeAnswers.headers(status, retryAfterSeconds)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put(
        "Content-Length", List.of(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)));
    return Collections.unmodifiableMap(headers);
  }

  /** NET_LOSS before sending: the connection was refused. */
  static ConnectException connectionRefused() {
    return new ConnectException("Connection refused");
  }

  /** What {@code HttpURLConnection} throws when its re-sent request is reset too. */
  static java.net.SocketException connectionReset() {
    return new java.net.SocketException("Connection reset");
  }

  /** NET_LOSS after sending: no answer came before the read timeout. */
  static SocketTimeoutException readTimedOut() {
    return new SocketTimeoutException("Read timed out");
  }

  /** DNS_FLAP: the name of {@code host} did not resolve. */
  static UnknownHostException unknownHost(String host) {
    return new UnknownHostException(host);
  }
}
