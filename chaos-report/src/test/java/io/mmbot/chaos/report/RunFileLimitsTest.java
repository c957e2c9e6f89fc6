package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run files are read with limits: regular files only (a symbolic link to one is fine), at most
 * {@code MAX_BYTES}, within a time limit. Anything else is an unreadable run named at once, never
 * an endless read or an {@code OutOfMemoryError}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunFileLimitsTest {

  /** The documented limit, 8 MiB. */
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  @Test
  void theLimitIsTheDocumentedEightMebibytes() {
    assertThat(RunReader.MAX_BYTES).isEqualTo(MAX_BYTES);
  }

  @TempDir Path dir;

  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return path;
  }

  private static RunFileException refused(Path file) {
    try {
      RunReader.read(file);
    } catch (RunFileException e) {
      assertThat(e.file()).isEqualTo(file);
      assertThat(e.field()).isEqualTo("(file)");
      return e;
    }
    throw new AssertionError(file + " was read as a run");
  }

  @Test
  void aSymlinkToDevZeroIsRefusedWithoutReadingIt() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Paths.get("/dev/zero"));

    assertThat(refused(link).problem()).isEqualTo("is not a regular file (a device)");
  }

  @Test
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe.json"));

    assertThat(refused(fifo).problem()).isEqualTo("is not a regular file (a FIFO)");
  }

  @Test
  void aDirectoryIsRefused() throws Exception {
    Path d = Files.createDirectory(dir.resolve("nested.json"));

    assertThat(refused(d).problem()).isEqualTo("is not a regular file (a directory)");
  }

  @Test
  void aBrokenSymlinkIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere.json"));

    assertThat(refused(link).problem()).isEqualTo("cannot be read: no such file");
  }

  @Test
  void aSymlinkToARegularRunFileIsRead() throws Exception {
    Path target = Files.writeString(dir.resolve("real.txt"), RunReaderTest.SEED_EXAMPLE);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);

    assertThat(RunReader.read(link).metrics().p95TickMs()).isEqualTo(185.2);
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedFromItsSize() throws Exception {
    Path big = dir.resolve("big.json");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(MAX_BYTES + 1); // sparse: nothing is written
    }

    assertThat(refused(big).problem())
        .isEqualTo("has " + (MAX_BYTES + 1) + " bytes, more than the 8388608 allowed");
  }

  @Test
  void aFileAtTheSizeLimitIsReadAndJudgedOnItsContent() throws Exception {
    Path edge = dir.resolve("edge.json");
    byte[] padded = new byte[(int) MAX_BYTES];
    java.util.Arrays.fill(padded, (byte) ' ');
    byte[] run = RunReaderTest.SEED_EXAMPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(run, 0, padded, 0, run.length);
    Files.write(edge, padded);

    assertThat(RunReader.read(edge).metrics().p95TickMs()).isEqualTo(185.2);
  }

  @Test
  void aReadThatDoesNotFinishInTimeIsAbandoned() throws Exception {
    // A FIFO that appears after the type check (a file swapped between check and open) blocks
    // in open(): the read gives up after its time limit instead of waiting for a writer.
    Path fifo = mkfifo(dir.resolve("late.json"));

    assertThatThrownBy(() -> BoundedFile.readContent(fifo, 1024, java.time.Duration.ofMillis(200)))
        .isInstanceOf(IOException.class)
        .hasMessage("could not be read within 0.2 s");
    // release the abandoned reader
    try (var w = Files.newOutputStream(fifo)) {
      w.flush();
    }
  }

  @Test
  void aDirectoryNamedLikeARunFileIsListedAsUnreadable() throws Exception {
    Files.writeString(dir.resolve("good.json"), RunReaderTest.SEED_EXAMPLE);
    Files.createDirectory(dir.resolve("archive.json"));

    RunSet set = RunSet.load(dir);

    assertThat(set.runs()).hasSize(1);
    assertThat(set.unreadable()).hasSize(1);
    assertThat(set.unreadable().get(0).file().getFileName()).hasToString("archive.json");
    assertThat(set.unreadable().get(0).problem()).isEqualTo("is not a regular file (a directory)");
  }
}
