package io.mmbot.chaos.examples.external;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.control.ChaosControlServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Development probe: what the kit costs the suite per scrape (parse alone, and the loopback round
 * trip with it), per control call and per look at a bot's processes. Prints medians and p99 in
 * microseconds. Not a test: figures depend on the machine.
 */
final class KitCostProbe {
  private KitCostProbe() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    String page = botPage();
    System.out.printf("page: %d bytes, %d samples%n", page.length(), PromText.parse(page).size());

    long[] parse = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      PromText.parse(page);
      parse[i] = System.nanoTime() - t;
    }
    print("parse", parse);

    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        x -> {
          x.sendResponseHeaders(200, body.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    long[] scrape = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      BoundedHttp.Response r = BoundedHttp.get(url, null, Duration.ofSeconds(1));
      new Scrape(t, PromText.parse(r.body()));
      scrape[i] = System.nanoTime() - t;
    }
    print("scrape (GET + parse)", scrape);
    server.stop(0);

    ChaosInjector injector = ChaosInjector.create(ChaosConfig.builder().netLoss(0.1).build());
    String token = Ports.token();
    try (ChaosControlServer control =
        ChaosControlServer.builder(injector).token(token).port(0).start()) {
      ControlClient client =
          new ControlClient(
              URI.create("http://127.0.0.1:" + control.port()), token, Duration.ofSeconds(2));
      int m = Math.min(n, 300);
      long[] status = new long[m];
      for (int i = 0; i < m; i++) {
        long t = System.nanoTime();
        client.injections(io.mmbot.chaos.Scenario.NET_LOSS);
        status[i] = System.nanoTime() - t;
      }
      print("control GET status + parse", status);
    }

    int m = Math.min(n, 300);
    long[] tree = new long[m];
    long[] session = new long[m];
    for (int i = 0; i < m; i++) {
      long t = System.nanoTime();
      ProcessHandle.current().descendants().count();
      tree[i] = System.nanoTime() - t;
      t = System.nanoTime();
      ProcessSessions.members(ProcessHandle.current().pid());
      session[i] = System.nanoTime() - t;
    }
    print("process tree look", tree);
    print("session scan of /proc", session);
    System.out.printf("processes on this machine: %d%n", ProcessHandle.allProcesses().count());
  }

  /** A bot's page as Micrometer serves it: the four required families and some more. */
  private static String botPage() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DistributionSummary tick =
        DistributionSummary.builder("mm.tick.total")
            .baseUnit("ms")
            .description("tick")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(60_000.0)
            .register(r);
    DistributionSummary gap =
        DistributionSummary.builder("mm.ws.gap")
            .baseUnit("ms")
            .description("gap")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(60_000.0)
            .register(r);
    for (int i = 0; i < 1000; i++) {
      tick.record(i % 300);
      gap.record(i % 50);
    }
    Counter.builder("mm.tick.deadline.miss").description("misses").register(r).increment(3);
    for (String kind : new String[] {"ws", "rest"}) {
      Counter.builder("mm.reconnect.attempts").description("r").tag("kind", kind).register(r);
    }
    for (String reason : new String[] {"STALE_BOOK", "RECONCILE_PENDING", "RATE_LIMITED"}) {
      Gauge.builder("mm.bot.guard.active", () -> 0)
          .description("g")
          .tag("reason", reason)
          .register(r);
      Counter.builder("mm.bot.guards.raised").description("g").tag("reason", reason).register(r);
    }
    return r.scrape();
  }

  private static void print(String what, long[] nanos) {
    // The first tenth is warm-up (class loading, JIT) and left out.
    long[] w = Arrays.copyOfRange(nanos, nanos.length / 10, nanos.length);
    Arrays.sort(w);
    System.out.printf(
        "%-28s median %7.1f us  p99 %8.1f us  (n=%d)%n",
        what, w[w.length / 2] / 1000.0, w[(int) (w.length * 0.99)] / 1000.0, w.length);
  }
}
