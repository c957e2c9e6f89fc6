package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.EnableRefusedException;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's timing rules in virtual time: the test moves the clock and calls the watcher's step
 * itself, as its thread would after each wait.
 */
class WatcherStepTest {

  private static final Duration DEBOUNCE = Duration.ofMillis(250);

  @TempDir Path dir;
  private Path file;
  private final VirtualTime now = new VirtualTime(5_000_000_000_000L);
  private ChaosInjector injector;
  private final List<Object> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    file = dir.resolve("config.yaml");
    injector = ChaosInjector.builder().nanoClock(now).build();
  }

  private ChaosConfigWatcher start() {
    return ChaosConfigWatcher.builder(file, injector)
        .debounce(DEBOUNCE)
        .pollInterval(Duration.ofSeconds(2))
        .stallLimit(Duration.ofSeconds(30))
        .manual(now)
        .listener(
            new ChaosConfigWatcher.Listener() {
              @Override
              public void onApplied(ChaosConfig config) {
                events.add(config.netLoss());
              }

              @Override
              public void onRejected(ChaosConfigException error) {
                events.add(error.getMessage());
              }
            })
        .start();
  }

  private static String chaos(boolean enabled, double netLoss) {
    return "chaos:\n  enabled: " + enabled + "\n  dry_run: false\n  net_loss: " + netLoss + "\n";
  }

  private void replace(String content) throws IOException {
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void advanceMillis(long ms) {
    now.advanceNanos(ms * 1_000_000L);
  }

  @Test
  void aBurstOfValidVersionsIsAppliedOnceWhenItHasBeenQuietForTheDebounce() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    events.clear();

    for (int i = 1; i <= 20; i++) {
      replace(chaos(true, i / 100.0));
      advanceMillis(10);
      w.step(FileWatch.EVENT_ABOUT_FILE);
    }
    advanceMillis(249);
    w.step(FileWatch.NO_EVENT);
    assertThat(events).as("not yet quiet for 250 ms").isEmpty();
    assertThat(injector.config().netLoss()).isEqualTo(0.3);

    advanceMillis(1);
    w.step(FileWatch.NO_EVENT);

    assertThat(events).containsExactly(0.2);
    assertThat(injector.config().netLoss()).isEqualTo(0.2);
  }

  @Test
  void aFileThatNeverStopsChangingIsAppliedAtTwentyDebounceIntervals() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    events.clear();
    long t = 0;
    int i = 0;

    while (events.isEmpty() && t <= 10_000) {
      replace(chaos(true, (++i % 50) / 100.0 + 0.5));
      advanceMillis(100);
      t += 100;
      w.step(FileWatch.EVENT_ABOUT_FILE);
    }

    assertThat(t).as("ms until the first apply").isEqualTo(20 * DEBOUNCE.toMillis() + 100);
  }

  @Test
  void anInvalidVersionInABurstSwitchesChaosOffAtOnceAndCancelsThePendingVersion()
      throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    events.clear();

    replace(chaos(true, 0.2));
    advanceMillis(1);
    w.step(FileWatch.EVENT_ABOUT_FILE);
    replace("chaos:\n  enabled: true\n  net_loss: 2\n");
    advanceMillis(1);
    w.step(FileWatch.EVENT_ABOUT_FILE);

    assertThat(injector.enabled()).isFalse();
    assertThat(events).singleElement().asString().startsWith("chaos.net_loss at 3:13");

    advanceMillis(1_000);
    w.step(FileWatch.NO_EVENT);
    assertThat(injector.enabled()).as("the pending valid version was superseded").isFalse();
  }

  @Test
  void aValidVersionThatSwitchesChaosOffAppliesAtOnce() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();

    replace(chaos(false, 0.3));
    advanceMillis(1);
    w.step(FileWatch.EVENT_ABOUT_FILE);

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("CONFIG_DISABLED");
  }

  @Test
  void anInvalidFileRewrittenContinuouslyIsReportedOnceAndKeepsChaosOff() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    events.clear();

    for (int i = 0; i < 100; i++) {
      replace("chaos:\n  enabled: true\n  net_loss: 2\n# " + i + "\n");
      advanceMillis(50);
      w.step(FileWatch.EVENT_ABOUT_FILE);
      assertThat(injector.enabled()).isFalse();
      // Someone tries to switch it on: the file wins.
      assertThatThrownBy(() -> injector.update(ChaosConfig.builder().enabled(true).build()))
          .isInstanceOf(EnableRefusedException.class);
    }

    assertThat(events).hasSize(1);
  }

  @Test
  void aTouchedFileIsNotReappliedSoItDoesNotUndoARollback() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    injector.disable("P95_TICK");

    replace(chaos(true, 0.3) + "# touched\n");
    advanceMillis(1);
    w.step(FileWatch.EVENT_ABOUT_FILE);
    advanceMillis(1_000);
    w.step(FileWatch.NO_EVENT);

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("P95_TICK");
  }

  @Test
  void aWatcherThatMakesNoProgressIsReportedAndReadsTheFileAnewWhenItMoves() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    events.clear();
    advanceMillis(30_000);
    w.checkProgress();
    assertThat(injector.enabled()).as("30 s is within the limit").isTrue();
    assertThat(w.isRunning()).isTrue();

    advanceMillis(1);
    assertThat(w.isRunning()).as("stuck for more than the limit").isFalse();
    w.checkProgress();

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason())
        .startsWith("CONFIG_INVALID: the config watcher of ")
        .contains("has made no progress for 30001 ms");

    w.step(FileWatch.NO_EVENT);
    assertThat(w.isRunning()).isTrue();
    advanceMillis(DEBOUNCE.toMillis());
    w.step(FileWatch.NO_EVENT);
    assertThat(injector.enabled()).isTrue();
    assertThat(events).hasSize(2).endsWith(0.3);
    assertThat(events.get(0)).asString().contains("has made no progress for 30001 ms");
  }

  @Test
  void pollingNoticesAChangeWithoutAnEvent() throws Exception {
    Files.writeString(file, chaos(true, 0.3));
    ChaosConfigWatcher w = start();
    replace("chaos:\n  enabled: true\n  dry_run: false\n  net_loss: 0.125\n# longer\n");

    advanceMillis(1_999);
    w.step(FileWatch.NO_EVENT);
    assertThat(injector.config().netLoss()).as("before the poll").isEqualTo(0.3);
    advanceMillis(1);
    w.step(FileWatch.NO_EVENT);
    advanceMillis(DEBOUNCE.toMillis());
    w.step(FileWatch.NO_EVENT);

    assertThat(injector.config().netLoss()).isEqualTo(0.125);
  }
}
