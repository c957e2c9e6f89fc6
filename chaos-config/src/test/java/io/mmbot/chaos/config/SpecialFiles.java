package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes the kinds of file a config path can turn out to be. */
final class SpecialFiles {

  private SpecialFiles() {}

  /** Creates a FIFO (named pipe) at {@code path} with {@code mkfifo}. */
  static Path fifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
    assertThat(p.exitValue()).as("mkfifo %s", path).isZero();
    assertThat(Files.isRegularFile(path)).isFalse();
    return path;
  }
}
