package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external program (prometheus, prometheus-alertmanager) for tests. A missing program
 * skips the test on a developer machine and fails it in CI ({@code CI=true}), where {@code .ci/run}
 * installs it.
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
    String why =
        name
            + " is not on PATH (apt-get install --no-install-recommends prometheus prometheus-alertmanager)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }
}
