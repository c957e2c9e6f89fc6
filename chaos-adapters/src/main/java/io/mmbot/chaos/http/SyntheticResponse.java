package io.mmbot.chaos.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;

/**
 * A response made up by the decorator. The body is fed through the caller's own {@link
 * HttpResponse.BodyHandler}, so {@code ofString()}, {@code ofByteArray()}, {@code discarding()} and
 * custom handlers all see an ordinary response.
 */
final class SyntheticResponse<T> implements HttpResponse<T> {

  private final HttpRequest request;
  private final int status;
  private final HttpHeaders headers;
  private final T body;

  private SyntheticResponse(HttpRequest request, int status, HttpHeaders headers, T body) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Used weight reported with every synthetic answer, as a client at its limit would see. */
  private static final int USED_WEIGHT_WHEN_LIMITED = 1200;

  /** The synthetic answer {@code plan} calls for. */
  static <T> CompletableFuture<HttpResponse<T>> of(
      HttpRequest request, FaultPlan plan, BodyHandler<T> handler) {
    return of(
        request,
        plan.status(),
        ExchangeResponses.headers(
            plan.status(), plan.retryAfterSeconds(), USED_WEIGHT_WHEN_LIMITED),
        ExchangeResponses.body(plan.status(), plan.retryAfterSeconds()),
        handler);
  }

  /** Waits for a synthetic response, unwrapping the body handler's failure. */
  static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> f)
      throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException(cause);
    }
  }

  /** A response with {@code status}, {@code headers} and a JSON {@code body}. */
  static <T> CompletableFuture<HttpResponse<T>> of(
      HttpRequest request,
      int status,
      Map<String, List<String>> headers,
      String body,
      BodyHandler<T> handler) {
    HttpHeaders h = HttpHeaders.of(headers, (name, value) -> true);
    HttpClient.Version version = request.version().orElse(HttpClient.Version.HTTP_1_1);
    ResponseInfo info =
        new ResponseInfo() {
          @Override
          public int statusCode() {
            return status;
          }

          @Override
          public HttpHeaders headers() {
            return h;
          }

          @Override
          public HttpClient.Version version() {
            return version;
          }
        };
    BodySubscriber<T> subscriber = handler.apply(info);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    subscriber.onSubscribe(new OneShot(subscriber, bytes));
    return subscriber
        .getBody()
        .toCompletableFuture()
        .thenApply(b -> new SyntheticResponse<>(request, status, h, b));
  }

  @Override
  public int statusCode() {
    return status;
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public T body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return request.version().orElse(HttpClient.Version.HTTP_1_1);
  }

  @Override
  public String toString() {
    return "(" + request.method() + " " + request.uri() + ") " + status + " (synthetic)";
  }

  /** Delivers the whole body once, on the first positive demand, then completes. */
  private static final class OneShot implements Flow.Subscription {
    private final BodySubscriber<?> subscriber;
    private final byte[] bytes;
    private final AtomicBoolean done = new AtomicBoolean();

    OneShot(BodySubscriber<?> subscriber, byte[] bytes) {
      this.subscriber = subscriber;
      this.bytes = bytes;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        if (done.compareAndSet(false, true)) {
          subscriber.onError(new IllegalArgumentException("non-positive demand: " + n));
        }
        return;
      }
      if (done.compareAndSet(false, true)) {
        if (bytes.length > 0) {
          subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
        }
        subscriber.onComplete();
      }
    }

    @Override
    public void cancel() {
      done.set(true);
    }
  }
}
