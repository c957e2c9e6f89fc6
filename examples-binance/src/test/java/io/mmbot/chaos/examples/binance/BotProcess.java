package io.mmbot.chaos.examples.binance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bot (the packaged jar, or any command) in a process of its own, as the suite runs it: output in
 * files of a directory, ready once its first stdout line says so, stopped with SIGTERM and, should
 * it not end within the grace, SIGKILL. {@link #close()} ends it in all cases.
 */
final class BotProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path out;
  private final Path err;
  private final int metricsPort;
  private final Thread killOnExit;

  private BotProcess(Process process, Path out, Path err, int metricsPort) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.metricsPort = metricsPort;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-bot");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** The bot jar the build packaged. */
  static Path botJar() {
    return Path.of(System.getProperty("mmBinanceBotJar", "target/mm-binance-bot.jar"));
  }

  /** The chaos agent jar the build packaged. */
  static Path agentJar() {
    return Path.of(
        System.getProperty("mmChaosAgentJar", "../chaos-agent/target/mm-chaos-agent.jar"));
  }

  /** The java launcher of the JDK running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The Java bot's command line: {@code java [agent] -jar bot.jar args}. */
  static List<String> javaBot(String agentArgs, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    if (agentArgs != null) {
      cmd.add("-javaagent:" + agentJar() + "=" + agentArgs);
    }
    cmd.add("-jar");
    cmd.add(botJar().toString());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Starts {@code command} with its output in {@code dir}, and waits at most {@code ready} until
   * the metrics endpoint on {@code metricsPort} answers 200; throws, with its output, otherwise.
   */
  static BotProcess start(List<String> command, Path dir, int metricsPort, Duration ready)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path out = dir.resolve("bot.out");
    Path err = dir.resolve("bot.err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    BotProcess bot = new BotProcess(p, out, err, metricsPort);
    long deadline = System.nanoTime() + ready.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        bot.close();
        throw new IllegalStateException("the bot exited early: " + bot.output());
      }
      if (bot.metricsOrNull() != null) {
        return bot;
      }
      Thread.sleep(100);
    }
    bot.close();
    throw new IllegalStateException("the bot was not ready within " + ready + ": " + bot.output());
  }

  /** The metrics text, or null while the endpoint does not answer 200. */
  String metricsOrNull() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** One sample's value from the metrics text ({@code name{labels}} as written), or NaN. */
  static double sample(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return Double.NaN;
  }

  /**
   * Sends SIGTERM and waits up to {@code grace} for the process to end; returns the milliseconds it
   * took, or -1 when it had to be killed.
   */
  long terminate(Duration grace) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return (System.nanoTime() - start) / 1_000_000L;
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    return -1;
  }

  int exitCode() {
    return process.exitValue();
  }

  /** Standard output and error, for assertion messages. */
  String output() {
    try {
      return "stdout: "
          + Files.readString(out, StandardCharsets.UTF_8)
          + "\nstderr: "
          + Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException ignored) {
      // the test JVM is already shutting down
    }
  }
}
