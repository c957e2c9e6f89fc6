package io.mmbot.chaos.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.okhttp.ChaosOkHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
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
 * Cost of the OkHttp adapter with chaos disabled.
 *
 * <ul>
 *   <li>On loopback: one GET through a plain {@code OkHttpClient} ({@code baseline_plainClient})
 *       against the same GET through a client built by {@code ChaosOkHttp.decorate} on an equal
 *       builder ({@code decorated_disabled}); target ratio at most 1.02. A JDK {@code HttpServer}
 *       on 127.0.0.1 and a free port answers both; it is started in setup and stopped in teardown.
 *   <li>Without the network: the chaos application interceptor alone ({@code interceptor_disabled})
 *       and the network interceptor alone ({@code networkInterceptor_disabled}) on a chain that
 *       answers from memory, against an interceptor that only calls {@code proceed} ({@code
 *       baseline_passThroughInterceptor}). The difference is what each interceptor adds to a call;
 *       target at most 5 ns.
 * </ul>
 *
 * <p>Run:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar OkHttpAdapterBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OkHttpAdapterBenchmark {

  private static final byte[] BODY =
      "{\"symbol\":\"BTCUSDT\",\"price\":\"64000.10\"}".getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private ExecutorService serverPool;
  private OkHttpClient plain;
  private OkHttpClient decorated;
  private Request request;
  private Interceptor passThrough;
  private Interceptor chaosInterceptor;
  private Interceptor chaosNetworkInterceptor;
  private StubChain chain;

  @Setup
  public void setUp() throws IOException {
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
    ChaosInjector disabled = ChaosInjector.create(ChaosConfig.defaults());
    plain = new OkHttpClient.Builder().build();
    decorated = ChaosOkHttp.decorate(new OkHttpClient.Builder(), disabled).build();
    request =
        new Request.Builder()
            .url("http://127.0.0.1:" + server.getAddress().getPort() + "/ticker")
            .build();
    ChaosOkHttp chaos = ChaosOkHttp.of(disabled);
    chaosInterceptor = chaos.applicationInterceptor();
    chaosNetworkInterceptor = chaos.networkInterceptor();
    passThrough = c -> c.proceed(c.request());
    chain = new StubChain(request);
  }

  @TearDown
  public void tearDown() {
    server.stop(0);
    serverPool.shutdownNow();
    for (OkHttpClient c : new OkHttpClient[] {plain, decorated}) {
      c.dispatcher().executorService().shutdown();
      c.connectionPool().evictAll();
    }
  }

  @Benchmark
  public int baseline_plainClient() throws IOException {
    try (Response r = plain.newCall(request).execute()) {
      return r.body().bytes().length;
    }
  }

  @Benchmark
  public int decorated_disabled() throws IOException {
    try (Response r = decorated.newCall(request).execute()) {
      return r.body().bytes().length;
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Response baseline_passThroughInterceptor() throws IOException {
    return passThrough.intercept(chain);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Response interceptor_disabled() throws IOException {
    return chaosInterceptor.intercept(chain);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Response networkInterceptor_disabled() throws IOException {
    return chaosNetworkInterceptor.intercept(chain);
  }

  /** An interceptor chain whose {@code proceed} answers at once with one prebuilt response. */
  static final class StubChain implements Interceptor.Chain {
    private final Request request;
    private final Response response;

    StubChain(Request request) {
      this.request = request;
      this.response =
          new Response.Builder()
              .request(request)
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .body(
                  ResponseBody.create(
                      new String(BODY, StandardCharsets.UTF_8), MediaType.get("application/json")))
              .build();
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request r) {
      return response;
    }

    @Override
    public Connection connection() {
      return null;
    }

    @Override
    public Call call() {
      throw new UnsupportedOperationException("not needed with chaos off");
    }

    @Override
    public int connectTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int readTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int writeTimeoutMillis() {
      return 10_000;
    }

    @Override
    public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return this;
    }
  }
}
