package io.mmbot.chaos.http;

import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
  private final HttpClient.Version version;
  private final T body;

  private SyntheticResponse(
      HttpRequest request, int status, HttpHeaders headers, HttpClient.Version version, T body) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.version = version;
    this.body = body;
  }

  /**
   * The protocol version the JDK client would have used for {@code request} on a client preferring
   * {@code clientVersion}: HTTP/2 only over TLS (negotiated by ALPN); over cleartext the JDK offers
   * an h2c upgrade that exchanges do not accept, so the answer comes back in HTTP/1.1.
   */
  static HttpClient.Version versionFor(HttpRequest request, HttpClient.Version clientVersion) {
    HttpClient.Version wanted = request.version().orElse(clientVersion);
    boolean tls = "https".equalsIgnoreCase(request.uri().getScheme());
    return wanted == HttpClient.Version.HTTP_2 && tls
        ? HttpClient.Version.HTTP_2
        : HttpClient.Version.HTTP_1_1;
  }

  /**
   * The synthetic answer {@code plan} calls for, in {@code version}. Never throws: a body handler
   * that fails completes the future with its exception, as the JDK client's {@code sendAsync} does.
   */
  static <T> CompletableFuture<HttpResponse<T>> of(
      HttpRequest request, HttpClient.Version version, FaultPlan plan, BodyHandler<T> handler) {
    Map<String, List<String>> headers = new HashMap<>();
    ExchangeAnswers.headers(plan.status(), plan.retryAfterSeconds())
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    return of(
        request,
        version,
        plan.status(),
        headers,
        ExchangeAnswers.body(plan.status(), plan.retryAfterSeconds()),
        handler);
  }

  /**
   * Waits for a synthetic response on a blocking {@code send}, turning the body handler's failure
   * into the exception the JDK client's {@code send} throws for it.
   */
  static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> f)
      throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw sendFailure(e.getCause());
    }
  }

  /**
   * As the JDK client's blocking {@code send} reports a failure of its asynchronous exchange:
   * {@code IllegalArgumentException} and {@code SecurityException} as themselves, anything else as
   * an {@link IOException} with the same message and the failure as its cause.
   */
  static IOException sendFailure(Throwable t) {
    if (t instanceof VirtualMachineError) {
      throw (VirtualMachineError) t;
    }
    String msg = t.getMessage();
    if (t instanceof IllegalArgumentException) {
      throw new IllegalArgumentException(msg, t);
    }
    if (t instanceof SecurityException) {
      throw new SecurityException(msg, t);
    }
    return new IOException(msg, t);
  }

  /** A response with {@code status}, {@code headers} and a JSON {@code body}. */
  static <T> CompletableFuture<HttpResponse<T>> of(
      HttpRequest request,
      HttpClient.Version version,
      int status,
      Map<String, List<String>> headers,
      String body,
      BodyHandler<T> handler) {
    HttpHeaders h = HttpHeaders.of(headers, (name, value) -> true);
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
    try {
      BodySubscriber<T> subscriber = handler.apply(info);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      subscriber.onSubscribe(new OneShot(subscriber, bytes));
      return subscriber
          .getBody()
          .toCompletableFuture()
          .thenApply(b -> new SyntheticResponse<>(request, status, h, version, b));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
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
    return version;
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
