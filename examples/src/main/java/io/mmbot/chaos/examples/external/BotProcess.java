package io.mmbot.chaos.examples.external;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One bot process for one run: started from an argv (no shell), its stdout in {@code
 * runDir/bot.stdout.log} and its stderr in {@code runDir/bot.stderr.log}, its stdin closed at once.
 * The working directory is the caller's, so relative paths in the command mean what they mean on
 * the command line.
 *
 * <p><b>Descendants.</b> A bot may start processes of its own (a launcher script that runs {@code
 * java} or {@code node}). They are remembered as they are seen (every 200 ms by a daemon watcher,
 * and at every call), so that one whose parent has already exited is still stopped.
 *
 * <p><b>Stopping.</b> {@link #stop()} sends SIGTERM ({@link ProcessHandle#destroy()}) to the bot
 * and every descendant still alive, waits up to the grace period for all of them to end, then sends
 * SIGKILL ({@link ProcessHandle#destroyForcibly()}) to what is left and waits for that (bounded).
 * It is idempotent: later calls return the first {@link Ending}. Safe for concurrent use.
 */
public final class BotProcess implements AutoCloseable {

  /** The file the bot's stdout goes to, in its run directory. */
  public static final String STDOUT_LOG = "bot.stdout.log";

  /** The file the bot's stderr goes to, in its run directory. */
  public static final String STDERR_LOG = "bot.stderr.log";

  private static final long WATCH_MILLIS = 200;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Process process;
  private final Path runDir;
  private final Duration grace;
  private final Set<ProcessHandle> seen = new LinkedHashSet<>();
  private final Thread watcher;
  private Ending ending;

  private BotProcess(Process process, Path runDir, Duration grace) {
    this.process = process;
    this.runDir = runDir;
    this.grace = grace;
    this.watcher = new Thread(this::watch, "bot-watch-" + process.pid());
    watcher.setDaemon(true);
  }

  /**
   * Starts {@code argv}, creating {@code runDir} if needed.
   *
   * @param grace how long {@link #stop()} waits after SIGTERM before SIGKILL
   * @throws IOException if the program cannot be started (not found, not executable)
   * @throws IllegalArgumentException for an empty argv or a negative grace
   */
  public static BotProcess start(List<String> argv, Path runDir, Duration grace)
      throws IOException {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty: give the program to run");
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
    Files.createDirectories(runDir);
    ProcessBuilder pb = new ProcessBuilder(List.copyOf(argv));
    pb.redirectOutput(runDir.resolve(STDOUT_LOG).toFile());
    pb.redirectError(runDir.resolve(STDERR_LOG).toFile());
    Process p = pb.start();
    try {
      p.getOutputStream().close();
    } catch (IOException ignored) {
      // a bot that has already gone has no stdin to close
    }
    BotProcess bot = new BotProcess(p, runDir, grace);
    bot.watcher.start();
    return bot;
  }

  /** The bot's process id. */
  public long pid() {
    return process.pid();
  }

  /** The run directory its logs go to. */
  public Path runDir() {
    return runDir;
  }

  /**
   * Polls {@code GET metricsUrl} until it answers 200 or {@code timeout} has passed; each poll
   * waits at most a second (less near the end).
   *
   * @return null once ready; otherwise why not: {@code "exited early with code N before its metrics
   *     answered"} or {@code "metrics endpoint did not answer within N s"} followed by what the
   *     last poll saw
   */
  public String awaitReady(URI metricsUrl, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String last = "no poll made";
    while (true) {
      remember();
      if (!process.isAlive()) {
        return exitedEarly();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Duration pollTimeout = Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos()));
      try {
        BoundedHttp.Response r = BoundedHttp.get(metricsUrl, null, pollTimeout);
        if (r.status() == 200) {
          return null;
        }
        last = "HTTP " + r.status();
      } catch (IOException e) {
        last = e.toString();
      }
      if (!sleepUntilNextPoll(deadline)) {
        break;
      }
    }
    if (!process.isAlive()) {
      return exitedEarly();
    }
    return "metrics endpoint did not answer within "
        + seconds(timeout)
        + " s (last poll of "
        + metricsUrl
        + ": "
        + last
        + ")";
  }

  /** True while the bot itself runs. */
  public boolean isAlive() {
    remember();
    return process.isAlive();
  }

  /** The bot's exit code once it has ended; empty while it runs. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Stops the bot and its descendants (SIGTERM, the grace period, then SIGKILL) and says how it
   * ended. Returns at once with the first ending if called again.
   */
  public synchronized Ending stop() {
    if (ending != null) {
      return ending;
    }
    long start = System.nanoTime();
    remember();
    EndKind kind;
    List<ProcessHandle> all = targets();
    if (!process.isAlive()) {
      kind = EndKind.EXITED_BY_ITSELF;
    } else {
      kind = EndKind.TERMINATED;
    }
    all.forEach(ProcessHandle::destroy);
    boolean ended = awaitAllEnded(all, start + grace.toNanos());
    if (!ended) {
      if (process.isAlive()) {
        kind = EndKind.KILLED;
      }
      all.forEach(ProcessHandle::destroyForcibly);
      awaitAllEnded(all, System.nanoTime() + KILL_WAIT.toNanos());
    }
    watcher.interrupt();
    int code;
    try {
      code =
          process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = process.isAlive() ? -1 : process.exitValue();
    }
    ending = new Ending(kind, code, Duration.ofNanos(System.nanoTime() - start));
    return ending;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** How the bot ended. */
  public enum EndKind {
    /** It had exited before {@link #stop()} was called. */
    EXITED_BY_ITSELF,
    /** It exited within the grace period after SIGTERM. */
    TERMINATED,
    /** It was still running when the grace period ran out, and got SIGKILL. */
    KILLED
  }

  /**
   * How and when the bot ended.
   *
   * @param kind how
   * @param exitCode its exit code (143 after SIGTERM, 137 after SIGKILL, on Linux; -1 if it could
   *     not be read)
   * @param took how long {@link #stop()} took, descendants included
   */
  public record Ending(EndKind kind, int exitCode, Duration took) {
    /** Checks the fields. */
    public Ending {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(took, "took");
    }
  }

  private String exitedEarly() {
    return "exited early with code " + process.exitValue() + " before its metrics answered";
  }

  private void watch() {
    while (process.isAlive() && !Thread.currentThread().isInterrupted()) {
      remember();
      try {
        Thread.sleep(WATCH_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Adds the bot's current descendants to those seen. */
  private void remember() {
    List<ProcessHandle> now = new ArrayList<>();
    try {
      process.descendants().forEach(now::add);
    } catch (RuntimeException ignored) {
      // the process table could not be read this time; the next look may succeed
      return;
    }
    synchronized (seen) {
      seen.addAll(now);
    }
  }

  /** The bot and every descendant seen that is still alive. */
  private List<ProcessHandle> targets() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    synchronized (seen) {
      for (ProcessHandle h : seen) {
        if (h.isAlive()) {
          all.add(h);
        }
      }
    }
    return all;
  }

  private static boolean awaitAllEnded(List<ProcessHandle> all, long deadline) {
    for (ProcessHandle h : all) {
      while (h.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          h.onExit().get(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // look again
        } catch (java.util.concurrent.ExecutionException e) {
          return !h.isAlive();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sleepUntilNextPoll(long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL.toNanos()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
  }
}
