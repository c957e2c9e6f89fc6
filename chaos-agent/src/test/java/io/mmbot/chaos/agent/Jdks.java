package io.mmbot.chaos.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs the unmodified programs are run on, each in a JVM of its own: the one running the build,
 * and the other supported one (17 or 25) when it is installed at its usual place. Under {@code
 * CI=true} a missing JDK is kept in the list, so the test fails instead of silently covering one.
 */
final class Jdks {

  static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private Jdks() {}

  /** The build's own JDK first, then the other supported ones. */
  static List<Path> all() throws IOException {
    Path current = Path.of(System.getProperty("java.home")).toRealPath();
    List<Path> jdks = new ArrayList<>();
    jdks.add(current);
    boolean ci = "true".equals(System.getenv("CI"));
    for (Path other : List.of(JDK_17, JDK_25)) {
      boolean installed = Files.isExecutable(other.resolve("bin/java"));
      if (installed ? !other.toRealPath().equals(current) : ci) {
        jdks.add(other);
      }
    }
    return jdks;
  }
}
