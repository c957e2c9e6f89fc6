package io.mmbot.chaos.control;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus or Alertmanager process for one test, on a loopback port, with its files in a
 * temporary directory. {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s) in all cases,
 * and a shutdown hook takes it along should the test JVM itself be stopped.
 */
final class LocalServer implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Thread killOnExit;
  private final Path log;
  final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalServer(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.killOnExit = new Thread(process::destroyForcibly, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts {@code command} (its listen port already chosen as {@code port}); waits until ready. */
  static LocalServer start(String name, List<String> command, Path dir, int port, Duration timeout)
      throws IOException {
    Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalServer server = new LocalServer(name, p, log, port);
    boolean ready =
        RealTime.await(timeout, Duration.ofMillis(100), () -> !p.isAlive() || server.ready());
    if (!ready || !p.isAlive()) {
      server.close();
      throw new IllegalStateException(
          name
              + (p.isAlive() ? " not ready within " + timeout : " exited early")
              + ":\n"
              + server.logTail());
    }
    return server;
  }

  private boolean ready() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
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
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
