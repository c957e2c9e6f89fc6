package io.mmbot.chaos.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server process for one test (Prometheus, Alertmanager), listening on a loopback port
 * chosen by the test, with its output in a log file in a temporary directory. Ready once {@code GET
 * /-/ready} answers 200. {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s) in all cases,
 * and a shutdown hook takes it along should the test JVM itself be stopped (a fork timeout,
 * Ctrl-C).
 */
public final class LocalProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  private final String name;
  private final Process process;
  private final Thread killOnExit;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.killOnExit = new Thread(process::destroyForcibly, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** A port free on 127.0.0.1 at the time of the call. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts {@code command} (its listen address already set to 127.0.0.1:{@code port}) with its
   * output in {@code dir/name.log}, and waits at most {@code timeout} until it is ready; stops it
   * and throws, with the end of its log, when it exits early or is not ready in time.
   */
  public static LocalProcess start(
      String name, List<String> command, Path dir, int port, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalProcess server = new LocalProcess(name, p, log, port);
    try {
      server.awaitReady(timeout);
    } catch (InterruptedException | RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited early:\n" + logTail(30));
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + logTail(30));
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code GET http://127.0.0.1:port} + {@code pathAndQuery}, at most 5 s. */
  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** The last {@code lines} lines of its output, for failure messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
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
