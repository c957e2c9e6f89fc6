package io.mmbot.chaos.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus or Alertmanager process for one test (a {@link LocalProcess}), with Prometheus'
 * instant queries read as JSON.
 */
final class LocalServer implements AutoCloseable {

  private final LocalProcess process;

  private LocalServer(LocalProcess process) {
    this.process = process;
  }

  /** Starts {@code command} (its listen port already chosen as {@code port}); waits until ready. */
  static LocalServer start(String name, List<String> command, Path dir, int port, Duration timeout)
      throws IOException, InterruptedException {
    return new LocalServer(LocalProcess.start(name, command, dir, port, timeout));
  }

  /** Prometheus: the result array of an instant query. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> r =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(promql + " -> HTTP " + r.statusCode() + ": " + r.body());
    }
    return ControlClient.JSON.readTree(r.body()).path("data").path("result");
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return process.get(path);
  }

  String logTail() {
    return process.logTail(30);
  }

  static int freePort() throws IOException {
    return LocalProcess.freePort();
  }

  @Override
  public void close() {
    process.close();
  }
}
