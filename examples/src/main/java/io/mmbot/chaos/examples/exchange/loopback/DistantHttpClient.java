package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.exchange.Endpoint;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The network between the bot and the loopback exchange: a JDK {@link HttpClient} whose requests
 * are held for half of an emulated round trip ({@link Distance}) before they leave and whose
 * answers are held for the other half after they arrived. It sits under {@code ChaosHttpClient}, as
 * the WAN would: a fault that fails a request before it leaves fails at once, a lost answer is lost
 * after the exchange executed the request, a latency spike adds to the round trip. A failure of the
 * connection itself is passed on as it comes. Cancelling an answer's future cancels the request.
 */
final class DistantHttpClient extends HttpClient {

  private final HttpClient delegate;
  private final Distance distance;

  DistantHttpClient(HttpClient delegate, Distance distance) {
    this.delegate = delegate;
    this.distance = distance;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    long rtt = distance.roundTrip(endpoint(request));
    CompletableFuture<HttpResponse<T>> out = new CompletableFuture<>();
    AtomicReference<CompletableFuture<HttpResponse<T>>> inner = new AtomicReference<>();
    distance.later(
        rtt / 2,
        () -> {
          if (out.isDone()) {
            return;
          }
          CompletableFuture<HttpResponse<T>> f = delegate.sendAsync(request, handler);
          inner.set(f);
          if (out.isDone()) {
            f.cancel(true);
            return;
          }
          f.whenComplete(
              (resp, err) -> {
                if (err != null) {
                  out.completeExceptionally(err);
                } else {
                  distance.later(rtt - rtt / 2, () -> out.complete(resp));
                }
              });
        });
    out.whenComplete(
        (resp, err) -> {
          CompletableFuture<HttpResponse<T>> f = inner.get();
          if (out.isCancelled() && f != null) {
            f.cancel(true);
          }
        });
    return out;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return sendAsync(request, handler).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }

  /** The endpoint a request names (for its round trip); the server time's for any other. */
  private static Endpoint endpoint(HttpRequest r) {
    String path = r.uri().getPath();
    for (Endpoint e : Endpoint.values()) {
      if (e.method().equals(r.method()) && e.path().equals(path)) {
        return e;
      }
    }
    return Endpoint.SERVER_TIME;
  }

  // ---------------------------------------------------------------- lifecycle (JDK 21 and newer)

  /** Shuts the JDK client down where it can be (JDK 21 and newer; on 17 it has no lifecycle). */
  public void shutdown() {
    lifecycle("shutdown");
  }

  /** As {@link #shutdown()}, failing what is in progress. */
  public void shutdownNow() {
    lifecycle("shutdownNow");
  }

  /** Whether the JDK client has terminated (false on 17, which cannot tell). */
  public boolean isTerminated() {
    return Boolean.TRUE.equals(lifecycle("isTerminated"));
  }

  /** Waits for the JDK client to terminate (returns at once on 17). */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    try {
      return (boolean)
          HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(delegate, duration);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      if (e.getCause() instanceof InterruptedException ie) {
        throw ie;
      }
      return true;
    }
  }

  private Object lifecycle(String method) {
    try {
      return HttpClient.class.getMethod(method).invoke(delegate);
    } catch (ReflectiveOperationException e) {
      return null; // JDK 17: the client has no lifecycle; its threads end with it
    }
  }

  // ---------------------------------------------------------------- passed through

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }
}
