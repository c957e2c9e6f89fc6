package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.EnableRefusedException;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the watched file says {@code enabled: false}, is missing or cannot be used, nothing else
 * switches chaos back on (the control endpoint's enable included): the file wins. In virtual time,
 * the test driving the watcher's steps.
 */
class FailSafeFileWinsTest {

  @TempDir Path dir;
  private Path file;
  private final VirtualTime now = new VirtualTime(5_000_000_000_000L);
  private ChaosInjector injector;
  private ChaosConfigWatcher watcher;

  @BeforeEach
  void setUp() {
    file = dir.resolve("config.yaml");
    injector = ChaosInjector.builder().nanoClock(now).build();
  }

  @AfterEach
  void tearDown() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void start() {
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(250))
            .manual(now)
            .start();
  }

  private static String chaos(boolean enabled) {
    return "chaos:\n  enabled: " + enabled + "\n  dry_run: false\n  net_loss: 0.3\n";
  }

  private void replace(String content) throws IOException {
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** What the watcher thread does after a change event, and after the debounce. */
  private void seeChange() {
    watcher.step(FileWatch.EVENT_ABOUT_FILE);
    now.advanceNanos(Duration.ofSeconds(1).toNanos());
    watcher.step(0);
  }

  private void tryEnable() {
    injector.update(injector.config().withEnabled(true));
  }

  @Test
  void fileSaysOffThenEnableIsRefusedNamingTheFile() throws Exception {
    Files.writeString(file, chaos(true));
    start();
    assertThat(injector.enabled()).isTrue();
    replace(chaos(false));
    seeChange();
    assertThat(injector.enabled()).isFalse();

    assertThat(injector.enableRefusal()).contains(file.toString()).contains("enabled: false");
    assertThatThrownBy(this::tryEnable)
        .isInstanceOf(EnableRefusedException.class)
        .hasMessageContaining(file.toString());
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void fileDeletedThenEnableIsRefused() throws Exception {
    Files.writeString(file, chaos(true));
    start();
    Files.delete(file);
    seeChange();
    assertThat(injector.enabled()).isFalse();
    assertThatThrownBy(this::tryEnable)
        .isInstanceOf(EnableRefusedException.class)
        .hasMessageContaining(file.toString());
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void anInvalidFileAtStartRefusesEnabling() throws Exception {
    Files.writeString(file, "chaos:\n  enabled: maybe\n");
    start();
    assertThatThrownBy(this::tryEnable).isInstanceOf(EnableRefusedException.class);
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void enableWhileTheFileSaysOnThenFileOffSwitchesOffAndRefusesTheNextEnable() throws Exception {
    Files.writeString(file, chaos(true));
    start();
    injector.disable(ChaosReasons.DEADLINE_MISS); // a rollback
    tryEnable(); // the file says on: the operator may switch chaos back on
    assertThat(injector.enabled()).isTrue();

    replace(chaos(false));
    seeChange();
    assertThat(injector.enabled()).isFalse();
    assertThatThrownBy(this::tryEnable).isInstanceOf(EnableRefusedException.class);
  }

  @Test
  void theFileSayingOnAgainSwitchesChaosOnThroughTheWatcherAndLiftsTheVeto() throws Exception {
    Files.writeString(file, chaos(false));
    start();
    assertThatThrownBy(this::tryEnable).isInstanceOf(EnableRefusedException.class);
    replace(chaos(true));
    seeChange();
    assertThat(injector.enabled()).isTrue();
    assertThat(injector.enableRefusal()).isNull();
  }

  @Test
  void closingTheWatcherLiftsItsVeto() throws Exception {
    Files.writeString(file, chaos(false));
    start();
    watcher.close();
    tryEnable();
    assertThat(injector.enabled()).isTrue();
  }
}
