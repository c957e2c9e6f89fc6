package io.mmbot.chaos.examples.external;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a user's bot, run as a child process by the tests of {@link BotProcess}. Flags:
 *
 * <pre>
 * --port N          serve Prometheus text at http://127.0.0.1:N/metrics
 * --exit C          exit with code C at once
 * --ignore-term     on SIGTERM, hang in a shutdown hook (only SIGKILL ends it)
 * --child FILE      start a child process (another FakeBot that only waits), write its pid to FILE
 * </pre>
 *
 * Without {@code --port} it never becomes ready; without {@code --exit} it waits until stopped.
 */
public final class FakeBot {

  private FakeBot() {}

  /** The command that runs a FakeBot with {@code flags} in a fresh JVM. */
  static List<String> command(String... flags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    // Start fast: these processes only serve a line or two of text.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx32m");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(classesDir());
    cmd.add(FakeBot.class.getName());
    cmd.addAll(List.of(flags));
    return cmd;
  }

  private static String classesDir() {
    try {
      return Path.of(FakeBot.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println("fakebot out " + String.join(" ", args));
    System.err.println("fakebot err");
    System.out.flush();
    System.err.flush();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--exit" -> System.exit(Integer.parseInt(args[++i]));
        case "--port" -> serve(Integer.parseInt(args[++i]));
        case "--ignore-term" -> Runtime.getRuntime().addShutdownHook(new Thread(FakeBot::hang));
        case "--child" -> startChild(Path.of(args[++i]));
        default -> throw new IllegalArgumentException("unknown flag " + args[i]);
      }
    }
    hang();
  }

  private static void serve(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    AtomicLong ticks = new AtomicLong();
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body =
              ("# TYPE mm_tick_deadline_miss_total counter\n"
                      + "mm_tick_deadline_miss_total "
                      + ticks.incrementAndGet()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private static void startChild(Path pidFile) throws IOException {
    Process child = new ProcessBuilder(command()).inheritIO().start();
    Files.writeString(pidFile, Long.toString(child.pid()));
  }

  private static void hang() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep waiting: only the signals of the test end this process
      }
    }
  }
}
