package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs the external programs some tests need (promtool, prometheus,
 * prometheus-alertmanager, chromium). A missing program skips the test on a developer machine and
 * fails it in CI, where {@code .ci/run} installs it.
 *
 * <p>One rule for "in CI" across the build: the environment variable {@code CI} is {@code true} in
 * any case ({@code true}, {@code TRUE}, {@code True}), as CI services and {@code .ci/run} set it.
 * Any other value ({@code 1}, {@code yes}, empty) or none means a developer machine.
 */
public final class ExternalProgram {

  private ExternalProgram() {}

  /** Whether this run counts as CI: {@code CI} equals {@code true}, ignoring case. */
  public static boolean inCi() {
    return inCi(System.getenv("CI"));
  }

  static boolean inCi(String ci) {
    return ci != null && ci.toLowerCase(Locale.ROOT).equals("true");
  }

  private static final String PROMETHEUS_PACKAGE =
      "apt-get install --no-install-recommends prometheus";

  /** promtool (Debian package prometheus). */
  public static Path promtool() {
    return require("promtool", PROMETHEUS_PACKAGE);
  }

  /** The Prometheus server (Debian package prometheus). */
  public static Path prometheus() {
    return require("prometheus", PROMETHEUS_PACKAGE);
  }

  /** Alertmanager, whose Debian binary is prometheus-alertmanager. */
  public static Path alertmanager() {
    return require(
        "prometheus-alertmanager",
        "apt-get install --no-install-recommends prometheus-alertmanager");
  }

  /** Chromium for headless runs, as {@code chromium} or {@code chromium-browser}. */
  public static Path chromium() {
    return requireFirst(List.of("chromium", "chromium-browser"), "apt-get install -y chromium");
  }

  /**
   * The program {@code name} found as an executable on {@code PATH}; skips the test, or in CI fails
   * it, when it is not there.
   *
   * @param install how to install the program, for the message
   */
  public static Path require(String name, String install) {
    return requireFirst(List.of(name), install);
  }

  /**
   * The first of {@code names} found as an executable on {@code PATH} (directory by directory, then
   * name by name); skips the test, or in CI fails it, when none is there.
   *
   * @param install how to install the program, for the message
   */
  public static Path requireFirst(List<String> names, String install) {
    String[] n = names.toArray(new String[0]);
    Path found = find(System.getenv("PATH"), n);
    if (found != null) {
      return found;
    }
    String why = String.join(" or ", n) + " is not on PATH (" + install + ")";
    if (inCi()) {
      fail(why + "; CI=true requires it");
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }

  static Path find(String path, String... names) {
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The exit code and the combined output of one run. */
  public record Result(int exitCode, String output) {
    /** The non-blank lines of the output, stripped. */
    public List<String> lines() {
      List<String> l = new ArrayList<>();
      for (String s : output.split("\n")) {
        if (!s.isBlank()) {
          l.add(s.strip());
        }
      }
      return l;
    }
  }

  /**
   * Runs {@code command} in {@code dir} with {@code stdin} (or nothing) as standard input, waits at
   * most {@code timeout}, and kills it if it takes longer (failing the test).
   */
  public static Result run(Path dir, Path stdin, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("mm-chaos-", ".out");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      if (stdin != null) {
        pb.redirectInput(stdin.toFile());
      }
      Process p = pb.start();
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          fail(String.join(" ", command) + " did not finish within " + timeout);
        }
      } finally {
        p.destroyForcibly();
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
