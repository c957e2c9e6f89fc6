package io.mmbot.chaos.examples.external;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * --pid-file FILE  write this process's pid to FILE (once the flags before it have taken effect)
 * --child FILE      start a child process (another FakeBot that only waits), which writes its pid
 *                   to FILE once it runs
 * --stubborn-child FILE   the same, but the child hangs on SIGTERM
 * --late-child FILE      start a child that waits a second, then starts a grandchild (FILE gets
 *                   the grandchild's pid), then exits, and exit at once
 * --bot FILE        start a FakeBot through BotProcess, write its pid to FILE, and exit without
 *                   stopping it
 * </pre>
 *
 * Without {@code --port} it never becomes ready; without {@code --exit} it waits until stopped, but
 * never longer than {@link #LIFETIME_MS}: a test that fails before stopping it leaves nothing
 * running for long.
 */
public final class FakeBot {

  /** The longest a FakeBot lives, whatever happens to the test that started it. */
  static final long LIFETIME_MS = 60_000;

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
    cmd.add(location(FakeBot.class) + File.pathSeparator + location(BotProcess.class));
    cmd.add(FakeBot.class.getName());
    cmd.addAll(List.of(flags));
    return cmd;
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Thread reaper =
        new Thread(
            () -> {
              try {
                Thread.sleep(LIFETIME_MS);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(99); // halt: no shutdown hook can hold it up
            },
            "fakebot-lifetime");
    reaper.setDaemon(true);
    reaper.start();
    System.out.println("fakebot out " + String.join(" ", args));
    System.err.println("fakebot err");
    System.out.flush();
    System.err.flush();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--exit" -> System.exit(Integer.parseInt(args[++i]));
        case "--pid-file" -> writePid(Path.of(args[++i]));
        case "--port" -> serve(Integer.parseInt(args[++i]));
        case "--ignore-term" -> Runtime.getRuntime().addShutdownHook(new Thread(FakeBot::hang));
        case "--child" -> startChild(Path.of(args[++i]));
        case "--stubborn-child" -> startChild(Path.of(args[++i]), "--ignore-term");
        case "--late-child" -> {
          startChild(
              Path.of(args[i + 1] + ".child"),
              "--sleep-ms",
              "1000",
              "--child",
              args[i + 1],
              "--exit",
              "0");
          System.exit(0);
        }
        case "--sleep-ms" -> Thread.sleep(Long.parseLong(args[++i]));
        case "--bot" -> {
          Path pidFile = Path.of(args[++i]);
          BotProcess bot =
              BotProcess.start(command(), pidFile.getParent().resolve("inner"), Duration.ZERO);
          Files.writeString(pidFile, Long.toString(bot.pid()));
          System.exit(0);
        }
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

  /**
   * Starts a child FakeBot with {@code flags}; it writes its pid to {@code pidFile} once running.
   */
  private static void startChild(Path pidFile, String... flags) throws IOException {
    List<String> childFlags = new ArrayList<>(List.of(flags));
    childFlags.add("--pid-file");
    childFlags.add(pidFile.toString());
    new ProcessBuilder(command(childFlags.toArray(String[]::new))).inheritIO().start();
  }

  /** Writes the pid whole or not at all, so that a reader never sees part of it. */
  private static void writePid(Path pidFile) throws IOException {
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
    Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
