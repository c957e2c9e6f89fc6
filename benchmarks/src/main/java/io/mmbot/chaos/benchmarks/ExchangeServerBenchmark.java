package io.mmbot.chaos.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * REST throughput and latency of the stand-in exchange with chaos off, side by side with a bare JDK
 * {@code HttpServer} answering a constant: each benchmark thread keeps one HTTP/1.1 keep-alive
 * connection to each server and sends {@code GET /api/v3/time} (which runs through the exchange's
 * rules, its lock and Binance's headers) or the same request to the bare server. Both servers run
 * on 127.0.0.1 in the benchmark's JVM, so they share the machine's cores with the clients. Targets:
 * at least 5,000 requests per second, and the exchange's p99 at most 1 ms above the bare server's.
 *
 * <p>Run (throughput in requests per ms, then the latency distribution in ms, two client threads,
 * both servers in the same run):
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ExchangeServerBenchmark -t 2
 * </pre>
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeServerBenchmark {

  private static final byte[] CONSTANT =
      "{\"serverTime\":1767225600000}".getBytes(StandardCharsets.UTF_8);

  /** Both servers, started once per run. */
  @State(Scope.Benchmark)
  public static class Servers {
    ExchangeServer exchange;
    HttpServer bare;
    ExecutorService bareThreads;

    @Setup(Level.Trial)
    public void start() throws IOException {
      // The JDK server leaves Nagle's algorithm on unless told otherwise; on a keep-alive
      // connection its separate header and body writes then wait for a delayed ACK (about 40 ms
      // per request). The exchange sets TCP_NODELAY on its sockets, so the baseline does too.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      exchange = ExchangeServer.builder().weightLimitPerMinute(Integer.MAX_VALUE).start();
      bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      bareThreads = Executors.newCachedThreadPool();
      bare.setExecutor(bareThreads);
      bare.createContext(
          "/",
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            ex.sendResponseHeaders(200, CONSTANT.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(CONSTANT);
            }
          });
      bare.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      exchange.close();
      bare.stop(0);
      bareThreads.shutdownNow();
    }
  }

  /** One keep-alive connection per server and thread. */
  @State(Scope.Thread)
  public static class Connections {
    KeepAlive exchange;
    KeepAlive bare;

    @Setup(Level.Trial)
    public void open(Servers s) throws IOException {
      exchange = new KeepAlive(s.exchange.restUri());
      bare = new KeepAlive(URI.create("http://127.0.0.1:" + s.bare.getAddress().getPort()));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      exchange.close();
      bare.close();
    }
  }

  /** The exchange: {@code GET /api/v3/time} through its rules. */
  @Benchmark
  public int exchange_time(Connections c) throws IOException {
    return c.exchange.get();
  }

  /** The bare JDK server answering a constant. */
  @Benchmark
  public int baseline_bareHttpServer(Connections c) throws IOException {
    return c.bare.get();
  }

  /** A minimal HTTP/1.1 client on one keep-alive connection. */
  static final class KeepAlive {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;

    KeepAlive(URI base) throws IOException {
      socket = new Socket(base.getHost(), base.getPort());
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      request =
          ("GET /api/v3/time HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nConnection: keep-alive\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the request and reads the whole answer; returns the body length. */
    int get() throws IOException {
      out.write(request);
      out.flush();
      int length = -1;
      StringBuilder line = new StringBuilder(64);
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b == '\n') {
          if (line.length() <= 1) {
            break;
          }
          String l = line.toString().toLowerCase(java.util.Locale.ROOT);
          if (l.startsWith("content-length:")) {
            length = Integer.parseInt(l.substring(15).trim());
          }
          line.setLength(0);
        } else {
          line.append((char) b);
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length");
      }
      byte[] body = in.readNBytes(length);
      return body.length;
    }

    void close() throws IOException {
      socket.close();
    }
  }
}
