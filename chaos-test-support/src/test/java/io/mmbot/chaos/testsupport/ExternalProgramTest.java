package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProgramTest {

  @TempDir Path dir;

  @Test
  void ciIsTheValueTrueInAnyCaseAndNothingElse() {
    assertThat(ExternalProgram.inCi("true")).isTrue();
    assertThat(ExternalProgram.inCi("TRUE")).isTrue();
    assertThat(ExternalProgram.inCi("True")).isTrue();
    assertThat(ExternalProgram.inCi(null)).isFalse();
    assertThat(ExternalProgram.inCi("")).isFalse();
    assertThat(ExternalProgram.inCi("1")).isFalse();
    assertThat(ExternalProgram.inCi("yes")).isFalse();
    assertThat(ExternalProgram.inCi(" true")).isFalse();
  }

  @Test
  void findTakesTheFirstDirectoryThatHoldsAnyOfTheNamesAndSkipsNonExecutables() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Path c = Files.createDirectory(dir.resolve("c"));
    Files.createFile(a.resolve("chromium")); // not executable
    Path inB = executable(b.resolve("chromium-browser"));
    executable(c.resolve("chromium"));
    String path = String.join(File.pathSeparator, a.toString(), b.toString(), c.toString());

    assertThat(ExternalProgram.find(path, "chromium", "chromium-browser")).isEqualTo(inB);
    assertThat(ExternalProgram.find(path, "promtool")).isNull();
    assertThat(ExternalProgram.find(null, "promtool")).isNull();
  }

  @Test
  void runReturnsTheExitCodeAndTheCombinedOutput() throws Exception {
    Path script = executable(dir.resolve("two-lines.sh"));
    Files.writeString(script, "#!/bin/sh\necho out\necho err >&2\nexit 3\n");

    ExternalProgram.Result r =
        ExternalProgram.run(dir, null, java.time.Duration.ofSeconds(20), script.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.lines()).containsExactlyInAnyOrder("out", "err");
  }

  private static Path executable(Path p) throws Exception {
    Files.createFile(
        p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    return p;
  }
}
