package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("report.md");
    Files.writeString(target, "old report\n");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half of a new rep");
                      out.flush();
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(target).hasContent("old report");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void replacesTheFileAndCreatesParentDirectories() throws Exception {
    Path target = dir.resolve("artifacts/chaos/report.md");

    AtomicFiles.write(target, "first\n");
    AtomicFiles.write(target, "second\n");

    assertThat(target).hasContent("second");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void givesANewFileOrdinaryPermissionsAndKeepsThoseOfAnExistingOne() throws Exception {
    Path fresh = dir.resolve("fresh.md");
    AtomicFiles.write(fresh, "x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rw-r--r--");

    Path kept = dir.resolve("kept.md");
    Files.writeString(kept, "y");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(kept, "z");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-rw----");
  }
}
