package io.mmbot.chaos.metrics;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server for one test: loopback only, a free port, storage in a temporary
 * directory, one scrape job with a 1 s interval. {@link #close()} stops it (SIGTERM, then SIGKILL
 * after 10 s) in all cases.
 */
final class LocalPrometheus implements AutoCloseable {

  /** One sample of an instant-vector answer. */
  record Sample(Map<String, String> labels, double value) {}

  private final Process process;
  private final Thread killOnExit;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalPrometheus(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    // Should the test JVM itself be stopped (a fork timeout, Ctrl-C), take Prometheus along.
    this.killOnExit = new Thread(process::destroyForcibly, "stop-prometheus");
    Runtime.getRuntime().addShutdownHook(killOnExit);
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
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--config.file=" + config);
    cmd.add("--storage.tsdb.path=" + dir.resolve("data"));
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    if (nativeHistograms) {
      cmd.add("--enable-feature=native-histograms");
    }
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalPrometheus prom = new LocalPrometheus(p, log, port);
    try {
      prom.awaitReady(timeout);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      prom.close();
      throw e;
    }
    return prom;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited early:\n" + logTail());
      }
      try {
        HttpResponse<String> r = get("/-/ready");
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready within " + timeout + ":\n" + logTail());
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
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }
}
