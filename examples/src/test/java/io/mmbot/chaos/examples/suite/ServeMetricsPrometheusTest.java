package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.ExternalProgram;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --serve-metrics}: a real Prometheus (loopback only) scrapes the runner while it runs the
 * bot through NET_LOSS, and answers the seed's queries. Needs the {@code prometheus} binary:
 * skipped without it, failed without it under {@code CI=true}.
 */
class ServeMetricsPrometheusTest {

  static final List<String> QUERIES =
      List.of(
          "sum(rate(mm_chaos_injections_total[5m])) by (scenario)",
          "sum(rate(mm_reconnect_attempts_total[5m])) by (kind)",
          "avg_over_time(mm_partial_fail_rate[10m])",
          "histogram_quantile(0.95, sum by (le) (rate(mm_ws_gap_ms_bucket[5m])))",
          "sum(rate(mm_reconcile_discrepancies_total[5m])) by (type)");

  @TempDir Path tmp;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aRealPrometheusScrapingTheRunnerAnswersTheSeedsQueries() throws Exception {
    Path prometheus = ExternalProgram.prometheus();
    int botPort = freePort();
    int promPort = freePort();
    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
            + "  - job_name: mm-bot\n    static_configs:\n      - targets: ['127.0.0.1:"
            + botPort
            + "']\n");
    Process p =
        new ProcessBuilder(
                prometheus.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + promPort)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("prometheus.log").toFile())
            .start();
    try {
      Deadline ready = new Deadline(Duration.ofSeconds(60));
      while (!ready(promPort)) {
        assertThat(ready.passed()).as("prometheus ready within 60 s").isFalse();
        assertThat(p.isAlive()).as("prometheus running").isTrue();
        ready.pause(Duration.ofMillis(200));
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CompletableFuture<Integer> runner =
          CompletableFuture.supplyAsync(
              () ->
                  SuiteMain.run(
                      new String[] {
                        "--scenario",
                        "net_loss",
                        "--seed",
                        "1",
                        "--duration-sec",
                        "24",
                        "--serve-metrics",
                        "127.0.0.1:" + botPort,
                        "--pace",
                        "4",
                        "--out",
                        tmp.resolve("out").toString(),
                        "--no-report"
                      },
                      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                      new PrintStream(err, true, StandardCharsets.UTF_8)));
      Map<String, String> answers = new HashMap<>();
      Deadline d = new Deadline(Duration.ofSeconds(60));
      while (answers.size() < QUERIES.size() && !runner.isDone() && !d.passed()) {
        for (String q : QUERIES) {
          String body = query(promPort, q);
          if (body != null && answered(q, body)) {
            answers.putIfAbsent(q, body);
          }
        }
        d.pause(Duration.ofMillis(500));
      }
      assertThat(runner.get(60, TimeUnit.SECONDS))
          .as(err.toString(StandardCharsets.UTF_8))
          .isZero();
      assertThat(answers.keySet())
          .as(
              "queries answered while the bot ran; prometheus log:\n"
                  + Files.readString(tmp.resolve("prometheus.log")))
          .containsExactlyInAnyOrderElementsOf(QUERIES);
      assertThat(answers.get(QUERIES.get(0))).contains("\"scenario\":\"net_loss\"");
      assertThat(answers.get(QUERIES.get(1))).contains("\"kind\":\"ws\"");
      assertThat(answers.get(QUERIES.get(4))).contains("\"type\":\"missing\"");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** Whether the answer has data: for injections, a positive net_loss rate; else any sample. */
  private static boolean answered(String q, String body) {
    if (!body.contains("\"status\":\"success\"") || body.contains("\"result\":[]")) {
      return false;
    }
    if (q.contains("injections")) {
      Matcher m =
          Pattern.compile("\"scenario\":\"net_loss\"\\},\"value\":\\[[0-9.]+,\"([0-9.eE+-]+)\"")
              .matcher(body);
      return m.find() && Double.parseDouble(m.group(1)) > 0;
    }
    if (q.contains("histogram_quantile")) {
      return !body.contains("\"NaN\"");
    }
    return true;
  }

  private String query(int port, String promql) throws InterruptedException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/api/v1/query?query="
                              + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null; // not up yet
    }
  }

  private boolean ready(int port) throws InterruptedException {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A bounded wait for a real-network test: a deadline and short pauses. */
  private static final class Deadline {
    private final long end;

    Deadline(Duration d) {
      end = System.nanoTime() + d.toNanos();
    }

    boolean passed() {
      return System.nanoTime() - end >= 0;
    }

    void pause(Duration d) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(Math.min(d.toNanos(), Math.max(0, end - System.nanoTime())));
    }
  }
}
