package io.mmbot.chaos.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.ChaosHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the HTTP decorator with chaos disabled: one loopback GET through the plain JDK client
 * ({@code baseline_plainClient}) against the same GET through {@link ChaosHttpClient} wrapping that
 * same client ({@code decorated_disabled}). A JDK {@code HttpServer} on 127.0.0.1 and a free port
 * answers both; it is started in setup and stopped in teardown. The target is a ratio of at most
 * 1.02.
 *
 * <p>On a busy machine a loopback round trip varies by far more than 2% between iterations, so the
 * class also measures the decorator's own cost without the network: {@code overhead_stubClient}
 * sends to a client that answers at once from memory, {@code overhead_decoratedStub} sends to the
 * same stub through the disabled decorator. Their difference is what the decorator adds to every
 * call, in nanoseconds.
 *
 * <p>Run:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HttpAdapterBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HttpAdapterBenchmark {

  private static final byte[] BODY =
      "{\"symbol\":\"BTCUSDT\",\"price\":\"64000.10\"}".getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private ExecutorService serverPool;
  private HttpClient plain;
  private HttpClient decorated;
  private HttpRequest request;
  private HttpClient stub;
  private HttpClient decoratedStub;

  @Setup
  public void setUp() throws IOException {
    // The JDK server writes headers and body separately; without TCP_NODELAY every exchange
    // would wait for the client's delayed ACK (about 40 ms), hiding everything else.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(BODY);
            }
          }
        });
    serverPool = Executors.newSingleThreadExecutor();
    server.setExecutor(serverPool);
    server.start();
    plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ChaosInjector disabled = ChaosInjector.create(ChaosConfig.defaults());
    decorated = ChaosHttpClient.wrap(plain, disabled);
    stub = new StubHttpClient();
    decoratedStub = ChaosHttpClient.wrap(stub, disabled);
    request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ticker"))
            .GET()
            .build();
  }

  @TearDown
  public void tearDown() {
    server.stop(0);
    serverPool.shutdownNow();
  }

  @Benchmark
  public int baseline_plainClient() throws IOException, InterruptedException {
    return plain.send(request, BodyHandlers.ofByteArray()).statusCode();
  }

  @Benchmark
  public int decorated_disabled() throws IOException, InterruptedException {
    return decorated.send(request, BodyHandlers.ofByteArray()).statusCode();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int overhead_stubClient() throws IOException, InterruptedException {
    return stub.send(request, BodyHandlers.ofByteArray()).statusCode();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int overhead_decoratedStub() throws IOException, InterruptedException {
    return decoratedStub.send(request, BodyHandlers.ofByteArray()).statusCode();
  }

  /**
   * An {@link HttpClient} that answers every request at once with a constant 200 and no body, so
   * that {@link HttpAdapterBenchmark} can measure a decorator's own cost without the network.
   */
  static final class StubHttpClient extends HttpClient {

    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return new Ok<>(request);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return CompletableFuture.completedFuture(new Ok<>(request));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }

    /** A 200 with no body. */
    private static final class Ok<T> implements HttpResponse<T> {
      private final HttpRequest request;

      Ok(HttpRequest request) {
        this.request = request;
      }

      @Override
      public int statusCode() {
        return 200;
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
        return NO_HEADERS;
      }

      @Override
      public T body() {
        return null;
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
      public Version version() {
        return Version.HTTP_1_1;
      }
    }
  }
}
