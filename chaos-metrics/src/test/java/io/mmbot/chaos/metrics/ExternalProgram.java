package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs an external program (promtool, prometheus) for tests. A missing program skips the
 * test on a developer machine and fails it in CI, where {@code .ci/run} installs it. "In CI" means
 * the environment variable {@code CI} is {@code true} in any case ({@code true}, {@code TRUE}), as
 * CI services and {@code .ci/run} set it; every other value, or none, is a developer machine. The
 * other modules' checks for external programs (chaos-control, chaos-report) use the same rule.
 */
final class ExternalProgram {

  private ExternalProgram() {}

  /** The program's path on {@code PATH}; skips (or, in CI, fails) the test when it is missing. */
  static Path require(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    String why = name + " is not on PATH (apt-get install --no-install-recommends prometheus)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }

  /** The exit code and the combined output of one run. */
  record Result(int exitCode, String output) {
    List<String> lines() {
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
   * Runs {@code command} in {@code dir} with {@code stdin} as standard input, waits at most {@code
   * timeout}, and kills it if it takes longer (failing the test).
   */
  static Result run(Path dir, Path stdin, Duration timeout, String... command)
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
