package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.ExternalProgram;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
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

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aRealPrometheusScrapingTheRunnerAnswersTheSeedsQueries() throws Exception {
    Path prometheus = ExternalProgram.prometheus();
    int botPort = LocalProcess.freePort();
    int promPort = LocalProcess.freePort();
    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
            + "  - job_name: mm-bot\n    static_configs:\n      - targets: ['127.0.0.1:"
            + botPort
            + "']\n");
    try (LocalProcess prom =
        LocalProcess.start(
            "prometheus",
            List.of(
                prometheus.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + promPort),
            tmp,
            promPort,
            Duration.ofSeconds(60))) {
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
          String body = query(prom, q);
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

  private static String query(LocalProcess prom, String promql) throws InterruptedException {
    try {
      HttpResponse<String> r =
          prom.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null; // not up yet
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
