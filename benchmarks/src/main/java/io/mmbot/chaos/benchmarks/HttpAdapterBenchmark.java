package io.mmbot.chaos.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.ChaosHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    decorated = ChaosHttpClient.wrap(plain, ChaosInjector.create(ChaosConfig.defaults()));
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
}
