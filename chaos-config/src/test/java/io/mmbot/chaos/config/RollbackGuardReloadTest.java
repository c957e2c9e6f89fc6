package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.time.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback by the guard survives the config watcher: re-reading an unchanged file applies
 * nothing, so chaos stays off and the guard stays tripped. The guard runs in virtual time; the
 * watcher on a real directory, every wait bounded by a queue timeout.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RollbackGuardReloadTest {

  private static final String CONFIG =
      "chaos:\n  enabled: true\n  dry_run: false\n  net_loss: 0.3\n  burst_off_sec: 0\n";

  @TempDir Path dir;

  /** A clock that only moves when the test moves it. */
  @Test
  void reloadOfAnUnchangedFileDoesNotReEnableATrippedInjector() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, CONFIG);
    BlockingQueue<ChaosConfig> applied = new LinkedBlockingQueue<>();
    BlockingQueue<ChaosListener.StateChange> changes = new LinkedBlockingQueue<>();
    ChaosInjector injector =
        ChaosInjector.builder()
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    changes.add(change);
                  }
                })
            .build();
    VirtualTime clock = new VirtualTime();
    RollbackGuard guard = RollbackGuard.builder(injector).nanoClock(clock).build();
    try (ChaosConfigWatcher watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(100))
            .listener(
                new ChaosConfigWatcher.Listener() {
                  @Override
                  public void onApplied(ChaosConfig config) {
                    applied.add(config);
                  }
                })
            .start()) {
      assertThat(applied.poll(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(injector.enabled()).isTrue();
      assertThat(watcher.isRunning()).isTrue();

      // Five virtual minutes and a second in which every tick misses its deadline.
      for (int s = 0; s <= 301; s++) {
        for (int i = 0; i < 10; i++) {
          guard.recordTick(100_000_000L, true);
          clock.advanceMillis(100);
        }
      }
      assertThat(guard.trippedReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
      assertThat(injector.enabled()).isFalse();
      assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);

      // The same file written again, twice (as a deploy tool or an editor would), then a marker
      // version that keeps chaos off: the marker is the next version applied.
      replace(file, CONFIG);
      replace(file, CONFIG + "# saved again\n");
      replace(file, CONFIG.replace("enabled: true", "enabled: false"));
      ChaosConfig next = applied.poll(10, TimeUnit.SECONDS);
      assertThat(next).isNotNull();
      assertThat(next.enabled()).as("the first version applied after the trip").isFalse();
      assertThat(injector.enabled()).isFalse();
      assertThat(guard.trippedReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
      assertThat(changes)
          .filteredOn(c -> c.change() == ChaosListener.Change.ENABLED)
          .as("enabled once, at start")
          .hasSize(1);
    } finally {
      guard.close();
    }
  }

  private void replace(Path file, String content) throws Exception {
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
