package io.mmbot.chaos.benchmarks;

import io.mmbot.chaos.exchange.server.ExchangeObserver;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.exchange.server.RestObservation;
import io.mmbot.chaos.exchange.server.StreamObservation;
import java.io.IOException;
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
 * What the exchange's observer (the evidence of a bot in another process) costs per request: the
 * same {@code GET /api/v3/time} over one keep-alive connection to an exchange without an observer
 * and to one whose observer keeps what it hears under a lock, as the suite's does (it keeps a count
 * here, so that a long run does not fill the heap). The difference of the two average times is the
 * observer's cost per request.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ExchangeObserverBenchmark -t 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeObserverBenchmark {

  /** An observer that does what the suite's does, under a lock, keeping only counts. */
  static final class Counting implements ExchangeObserver {
    long requests;
    long events;
    long lastEnded;

    @Override
    public synchronized void onRequest(RestObservation r) {
      requests++;
      lastEnded = r.endedAtNanos();
    }

    @Override
    public synchronized void onStream(StreamObservation e) {
      events++;
    }
  }

  /** Both exchanges, started once per run. */
  @State(Scope.Benchmark)
  public static class Servers {
    ExchangeServer plain;
    ExchangeServer observed;

    @Setup(Level.Trial)
    public void start() {
      plain = ExchangeServer.builder().weightLimitPerMinute(Integer.MAX_VALUE).start();
      observed =
          ExchangeServer.builder()
              .weightLimitPerMinute(Integer.MAX_VALUE)
              .observer(new Counting())
              .start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      plain.close();
      observed.close();
    }
  }

  /** One keep-alive connection per exchange and thread. */
  @State(Scope.Thread)
  public static class Connections {
    ExchangeServerBenchmark.KeepAlive plain;
    ExchangeServerBenchmark.KeepAlive observed;

    @Setup(Level.Trial)
    public void open(Servers s) throws IOException {
      plain = new ExchangeServerBenchmark.KeepAlive(s.plain.restUri());
      observed = new ExchangeServerBenchmark.KeepAlive(s.observed.restUri());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      plain.close();
      observed.close();
    }
  }

  /** Without an observer. */
  @Benchmark
  public int withoutObserver(Connections c) throws IOException {
    return c.plain.get();
  }

  /** With the observer. */
  @Benchmark
  public int withObserver(Connections c) throws IOException {
    return c.observed.get();
  }
}
