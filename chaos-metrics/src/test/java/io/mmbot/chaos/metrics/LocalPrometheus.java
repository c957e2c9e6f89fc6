package io.mmbot.chaos.metrics;

import io.mmbot.chaos.testsupport.LocalProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus server for one test (a {@link LocalProcess}): loopback only, a free port,
 * storage in a temporary directory, one scrape job with a 1 s interval.
 */
final class LocalPrometheus implements AutoCloseable {

  /** One sample of an instant-vector answer. */
  record Sample(Map<String, String> labels, double value) {}

  private final LocalProcess process;

  private LocalPrometheus(LocalProcess process) {
    this.process = process;
  }

  /**
   * Starts Prometheus scraping {@code target} (host:port, path /metrics), evaluating the rules in
   * {@code rules} every second, and waits until it is ready, at most {@code timeout}.
   */
  static LocalPrometheus start(
      Path binary, Path dir, String target, Path rules, boolean nativeHistograms, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n"
            + "  scrape_interval: 1s\n"
            + "  scrape_timeout: 1s\n"
            + "  evaluation_interval: 1s\n"
            + "rule_files:\n"
            + "  - '"
            + rules
            + "'\n"
            + "scrape_configs:\n"
            + "  - job_name: mm-bot\n"
            + "    static_configs:\n"
            + "      - targets: ['"
            + target
            + "']\n");
    int port = LocalProcess.freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--config.file=" + config);
    cmd.add("--storage.tsdb.path=" + dir.resolve("data"));
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    if (nativeHistograms) {
      cmd.add("--enable-feature=native-histograms");
    }
    return new LocalPrometheus(LocalProcess.start("prometheus", cmd, dir, port, timeout));
  }

  /** Evaluates {@code promql} now; an instant vector's samples (empty when nothing matched). */
  List<Sample> query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> r =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(promql + " -> HTTP " + r.statusCode() + ": " + r.body());
    }
    Map<?, ?> body = (Map<?, ?>) MiniJson.parse(r.body());
    Map<?, ?> data = (Map<?, ?>) body.get("data");
    List<Sample> out = new ArrayList<>();
    for (Object o : (List<?>) data.get("result")) {
      Map<?, ?> item = (Map<?, ?>) o;
      @SuppressWarnings("unchecked")
      Map<String, String> labels = (Map<String, String>) item.get("metric");
      List<?> value = (List<?>) item.get("value");
      out.add(new Sample(Map.copyOf(labels), Double.parseDouble((String) value.get(1))));
    }
    return out;
  }

  String logTail() {
    return process.logTail(20);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return process.get(path);
  }

  @Override
  public void close() {
    process.close();
  }
}
