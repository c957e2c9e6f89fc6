package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mmbot.chaos.ChaosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only a regular file (or a symbolic link to one) is a config file: anything else is refused at
 * once, without being opened, and every read is bounded in time. Tags inside the chaos: block are
 * refused.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailSafeLoadingTest {

  private static final String VALID = "chaos:\n  enabled: true\n  net_loss: 0.1\n";

  @TempDir Path dir;

  @Test
  void aFifoIsRefusedAtOnceWithoutBlocking() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("config.yaml"));

    ChaosConfigException e =
        catchThrowableOfType(ChaosConfigException.class, () -> ChaosConfigLoader.load(fifo));

    assertThat(e.keyPath()).isEqualTo(ChaosConfigException.DOCUMENT);
    assertThat(e.getMessage()).contains("a FIFO (named pipe), not a regular file");
  }

  @Test
  void aSymbolicLinkToAFifoIsRefusedAtOnce() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("config.yaml"), fifo);

    assertThatThrownBy(() -> ChaosConfigLoader.load(link))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("not a regular file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/null", "/dev/zero", "/dev/urandom"})
  void aDeviceIsRefusedWithoutReadingIt(String device) {
    assertThatThrownBy(() -> ChaosConfigLoader.load(Path.of(device)))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("a character device, not a regular file");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> ChaosConfigLoader.load(dir))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("is a directory, not a regular file");
  }

  @Test
  void aSymbolicLinkToARegularFileIsRead() throws Exception {
    Path target = Files.writeString(dir.resolve("real.yaml"), VALID);
    Path link = Files.createSymbolicLink(dir.resolve("config.yaml"), target);

    assertThat(ChaosConfigLoader.load(link).netLoss()).isEqualTo(0.1);
  }

  @Test
  void aDanglingSymbolicLinkDoesNotExist() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("config.yaml"), dir.resolve("gone.yaml"));

    assertThatThrownBy(() -> ChaosConfigLoader.load(link))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aReadThatDoesNotFinishInTimeIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), VALID);
    CountDownLatch release = new CountDownLatch(1);
    BoundedRead.Opener hangs = uninterruptible(release);
    try {
      ChaosConfigException e =
          catchThrowableOfType(
              ChaosConfigException.class,
              () -> ChaosConfigLoader.load(file, Duration.ofMillis(50), hangs));

      assertThat(e.getMessage()).contains("did not finish within 50 ms");
    } finally {
      release.countDown();
    }
    assertThat(ChaosConfigLoader.load(file, Duration.ofSeconds(10), hangs).config().netLoss())
        .isEqualTo(0.1);
  }

  @Test
  void readsStillBlockedAreBoundedInNumberAndThenRefusedAtOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), VALID);
    CountDownLatch release = new CountDownLatch(1);
    BoundedRead.Opener hangs = uninterruptible(release);
    int timedOut = 0;
    ChaosConfigException refused = null;
    try {
      for (int i = 0; i <= BoundedRead.MAX_BLOCKED_READS && refused == null; i++) {
        ChaosConfigException e =
            catchThrowableOfType(
                ChaosConfigException.class,
                () -> ChaosConfigLoader.load(file, Duration.ofMillis(20), hangs));
        if (e.getMessage().contains("did not finish")) {
          timedOut++;
        } else {
          refused = e;
        }
      }
    } finally {
      release.countDown();
    }

    assertThat(timedOut).isBetween(1, BoundedRead.MAX_BLOCKED_READS);
    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("earlier reads of config files are still blocked");
  }

  /** An opener whose open() blocks, ignoring interrupts, until {@code release}. */
  private static BoundedRead.Opener uninterruptible(CountDownLatch release) {
    return f -> {
      // As an open() of a FIFO swapped in after the check, or a hung network file system.
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          return Files.newInputStream(f);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    };
  }

  // ---------------------------------------------------------------- tags

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chaos:\n  net_loss: !!float 0.3\n",
        "chaos:\n  net_loss: !!int \"0.3\"\n",
        "chaos:\n  net_loss: !foo 0.3\n",
        "chaos:\n  enabled: !!bool true\n",
        "chaos:\n  net_loss: ! 0.3\n",
        "chaos:\n  lat_spike:\n    magnitude_ms: !!int 200\n",
        "chaos:\n  !!str net_loss: 0.3\n",
        "chaos:\n  lat_spike: !!map {magnitude_ms: 200}\n",
      })
  void aTagInsideTheChaosBlockIsRefused(String yaml) {
    ChaosConfigException e =
        catchThrowableOfType(ChaosConfigException.class, () -> ChaosConfigLoader.parse(yaml));

    assertThat(e).as(yaml).isNotNull();
    assertThat(e.keyPath()).startsWith("chaos.");
    assertThat(e.line()).isGreaterThan(1);
    assertThat(e.detail()).contains("tag").contains("not allowed");
  }

  @Test
  void aTagOnTheChaosBlockItselfIsRefused() {
    assertThatThrownBy(() -> ChaosConfigLoader.parse("chaos: !!map\n  enabled: true\n"))
        .isInstanceOf(ChaosConfigException.class)
        .hasMessageStartingWith("chaos at 1:8: the tag \"!!map\" is not allowed");
  }

  @Test
  void tagsOutsideTheChaosBlockAreTheBotsBusiness() {
    ChaosConfig c =
        ChaosConfigLoader.parse("bot:\n  spread: !!float 12\nchaos:\n  net_loss: 0.3\n");

    assertThat(c.netLoss()).isEqualTo(0.3);
  }
}
