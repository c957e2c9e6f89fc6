package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload on a real temporary directory with real writes. Every wait is bounded: events are
 * taken from a queue with a timeout, never by sleeping.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChaosConfigWatcherTest {

  private static final long WAIT_SECONDS = 10;

  @TempDir Path dir;
  private Path file;
  private ChaosInjector injector;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChaosListener.StateChange> injectorEvents =
      new LinkedBlockingQueue<>();
  private ChaosConfigWatcher watcher;

  private final ChaosConfigWatcher.Listener recorder =
      new ChaosConfigWatcher.Listener() {
        @Override
        public void onApplied(ChaosConfig config) {
          events.add(config);
        }

        @Override
        public void onRejected(ChaosConfigException error) {
          events.add(error);
        }
      };

  @BeforeEach
  void setUp() {
    file = dir.resolve("config.yaml");
    injector =
        ChaosInjector.builder()
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    injectorEvents.add(change);
                  }
                })
            .build();
  }

  @AfterEach
  void tearDown() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private static String chaos(double netLoss) {
    return "exchange: x\nchaos:\n  enabled: true\n  dry_run: false\n  net_loss: " + netLoss + "\n";
  }

  /**
   * Replaces the file atomically (write a temporary file, rename it over), so no reader ever sees a
   * half-written version. Tests that need an exact sequence of reloads use this; an in-place write
   * can be read while truncated, which the watcher rightly rejects.
   */
  private void replace(String content) throws IOException {
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private ChaosConfigWatcher start(Duration debounce) {
    return ChaosConfigWatcher.builder(file, injector)
        .debounce(debounce)
        .pollInterval(Duration.ofMillis(100))
        .listener(recorder)
        .start();
  }

  private Object next() throws InterruptedException {
    Object e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(e).as("a reload within %d s", WAIT_SECONDS).isNotNull();
    return e;
  }

  private ChaosConfig nextApplied() throws InterruptedException {
    Object e = next();
    assertThat(e).isInstanceOf(ChaosConfig.class);
    return (ChaosConfig) e;
  }

  private ChaosConfigException nextRejected() throws InterruptedException {
    Object e = next();
    assertThat(e).isInstanceOf(ChaosConfigException.class);
    return (ChaosConfigException) e;
  }

  /** Skips events until one applies {@code netLoss}; bounded by the queue timeout. */
  private void awaitApplied(double netLoss) throws InterruptedException {
    while (true) {
      Object e = next();
      if (e instanceof ChaosConfig && ((ChaosConfig) e).netLoss() == netLoss) {
        return;
      }
    }
  }

  @Test
  void appliesTheFileSynchronouslyAtStart() throws IOException {
    Files.writeString(file, chaos(0.3));

    watcher = start(Duration.ofMillis(20));

    assertThat(injector.enabled()).isTrue();
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
    assertThat(watcher.reloads()).isEqualTo(1);
  }

  @Test
  void inPlaceWriteIsApplied() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();

    Files.writeString(file, chaos(0.2));

    awaitApplied(0.2);
    assertThat(injector.config().netLoss()).isEqualTo(0.2);
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void writeTempThenRenameIsApplied() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();

    Path tmp = dir.resolve(".config.yaml.swp");
    Files.writeString(tmp, chaos(0.15));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    assertThat(nextApplied().netLoss()).isEqualTo(0.15);
    assertThat(injector.config().netLoss()).isEqualTo(0.15);
  }

  @Test
  void fileMadeInvalidWhileChaosIsOnTurnsChaosOffWithinOneReload() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();
    assertThat(injector.enabled()).isTrue();
    injectorEvents.clear();

    replace("chaos:\n  enabled: true\n  net_loss: 1.3\n");

    ChaosConfigException e = nextRejected(); // the very next reload
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.shouldInjectNetLoss()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("CONFIG_INVALID: " + e.getMessage());
    assertThat(e.getMessage()).startsWith("chaos.net_loss at 3:13: ");
    ChaosListener.StateChange off = injectorEvents.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(off).isNotNull();
    assertThat(off.change()).isEqualTo(ChaosListener.Change.DISABLED);
    assertThat(off.reason()).startsWith("CONFIG_INVALID: chaos.net_loss at 3:13");
  }

  @Test
  void laterValidVersionAppliesAgain() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();
    replace("chaos:\n  enabled: maybe\n");
    nextRejected();
    assertThat(injector.enabled()).isFalse();

    replace(chaos(0.3)); // the same config as before the bad version

    assertThat(nextApplied().netLoss()).isEqualTo(0.3);
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void deletedFileTurnsChaosOffAndRecreatedFileTurnsItOn() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();

    Files.delete(file);

    assertThat(nextRejected().getMessage()).contains("does not exist");
    assertThat(injector.enabled()).isFalse();

    Files.writeString(file, chaos(0.25));

    awaitApplied(0.25);
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void unreadableFileTurnsChaosOff() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();

    Files.delete(file);
    Files.createDirectory(file); // root can read any file, but nobody can read a directory as one

    ChaosConfigException e;
    do {
      e = nextRejected();
    } while (!e.getMessage().contains("is a directory"));
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void invalidFileAtStartKeepsChaosOff() throws IOException {
    Files.writeString(file, "chaos:\n  enabled: true\n  net_los: 0.3\n");
    injector.update(ChaosConfig.builder().enabled(true).netLoss(0.1).build());

    watcher = start(Duration.ofMillis(20));

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason())
        .isEqualTo(
            "CONFIG_INVALID: chaos.net_los at 3:3: unknown key \"net_los\"; did you mean"
                + " `net_loss`?");
  }

  @Test
  void fileInAMissingDirectoryKeepsChaosOffUntilItAppears() throws Exception {
    Path sub = dir.resolve("not-yet");
    file = sub.resolve("config.yaml");
    injector.update(ChaosConfig.builder().enabled(true).netLoss(0.1).build());

    watcher = start(Duration.ofMillis(10)); // no directory to watch: polling alone

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason())
        .startsWith("CONFIG_INVALID: ")
        .contains("does not exist");
    nextRejected();

    Files.createDirectory(sub);
    replace(chaos(0.3));

    awaitApplied(0.3);
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void symbolicLinkSwappedUnderTheFileIsNoticedWithoutWaitingForAPoll() throws Exception {
    // The layout Kubernetes uses for a mounted ConfigMap: config.yaml -> ..data/config.yaml,
    // and an update swaps the ..data link atomically.
    Path v1 = Files.createDirectory(dir.resolve("..v1"));
    Path v2 = Files.createDirectory(dir.resolve("..v2"));
    Files.writeString(v1.resolve("config.yaml"), chaos(0.3));
    Files.writeString(v2.resolve("config.yaml"), chaos(0.2));
    Path data = dir.resolve("..data");
    Files.createSymbolicLink(data, v1.getFileName());
    Files.createSymbolicLink(file, Path.of("..data", "config.yaml"));
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(20))
            .pollInterval(Duration.ofMinutes(10)) // so only the directory event can find it
            .listener(recorder)
            .start();
    assertThat(nextApplied().netLoss()).isEqualTo(0.3);

    Path tmp = dir.resolve("..data_tmp");
    Files.createSymbolicLink(tmp, v2.getFileName());
    Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    assertThat(nextApplied().netLoss()).isEqualTo(0.2);
  }

  @Test
  void anInvalidVersionTurnsChaosOffWithoutWaitingForTheDebounce() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofSeconds(60)); // a valid version would wait a minute
    nextApplied();
    injectorEvents.clear();

    replace("chaos:\n  enabled: true\n  net_loss: 1.3\n");

    ChaosListener.StateChange off = injectorEvents.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(off).as("chaos switched off long before the debounce").isNotNull();
    assertThat(off.change()).isEqualTo(ChaosListener.Change.DISABLED);
    assertThat(off.reason()).startsWith("CONFIG_INVALID: chaos.net_loss at 3:13");
    assertThat(nextRejected().getMessage()).startsWith("chaos.net_loss at 3:13");
  }

  @Test
  void aFifoInPlaceOfTheFileTurnsChaosOffAndTheWatcherKeepsWatching() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();

    Files.delete(file);
    SpecialFiles.fifo(file);

    ChaosConfigException e;
    do {
      e = nextRejected();
    } while (!e.getMessage().contains("FIFO"));
    assertThat(injector.enabled()).isFalse();
    assertThat(watcher.isRunning()).isTrue();

    Files.delete(file);
    replace(chaos(0.25));

    awaitApplied(0.25);
    assertThat(injector.enabled()).isTrue();
    watcher.close();
    assertThat(watcher.isRunning()).isFalse();
  }

  @Test
  void aWatcherStuckInAListenerIsReportedAndChaosSwitchedOffUntilItMovesAgain() throws Exception {
    Files.writeString(file, chaos(0.3));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(100))
            .stallLimitForTest(Duration.ofMillis(300))
            .listener(recorder)
            .listener(
                new ChaosConfigWatcher.Listener() {
                  @Override
                  public void onApplied(ChaosConfig config) {
                    if (config.netLoss() == 0.2) {
                      try {
                        release.await(); // a listener that blocks the watcher thread
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                  }
                })
            .start();
    nextApplied();
    injectorEvents.clear();

    replace(chaos(0.2));

    ChaosListener.StateChange off;
    do {
      off = injectorEvents.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(off).as("the watchdog switched chaos off").isNotNull();
    } while (off.change() != ChaosListener.Change.DISABLED);
    assertThat(off.reason()).startsWith("CONFIG_INVALID: the config watcher of ");
    assertThat(off.reason()).contains("has made no progress");
    assertThat(watcher.isRunning()).isFalse();

    release.countDown();

    awaitApplied(0.2); // the first apply (its listener was stuck), then the re-read after it
    awaitApplied(0.2);
    assertThat(injector.enabled()).isTrue();
    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void pollingAloneNoticesChanges() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(10))
            .pollInterval(Duration.ofMillis(50))
            .listener(recorder)
            .pollOnly()
            .start();
    nextApplied();

    Files.writeString(file, chaos(0.125) + "# a longer file\n");

    awaitApplied(0.125);
    assertThat(injector.config().netLoss()).isEqualTo(0.125);
  }

  @Test
  void unchangedConfigIsNotReappliedSoATouchDoesNotUndoARollback() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();
    injector.disable("P95_TICK");

    replace(chaos(0.3) + "# touched\n");
    replace(chaos(0.05));

    assertThat(nextApplied().netLoss()).isEqualTo(0.05); // the touch applied nothing
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void throwingListenerDoesNotStopTheWatcher() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(100))
            .listener(
                new ChaosConfigWatcher.Listener() {
                  @Override
                  public void onApplied(ChaosConfig config) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .listener(recorder)
            .start();
    nextApplied();

    Files.writeString(file, chaos(0.2));

    awaitApplied(0.2);
    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void watcherThreadThatDiesSwitchesChaosOffFirst() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(100))
            .listener(recorder)
            .listener(
                new ChaosConfigWatcher.Listener() {
                  @Override
                  public void onApplied(ChaosConfig config) {
                    if (config.netLoss() == 0.2) {
                      // A virtual machine error is the one kind no listener guard contains.
                      throw new OutOfMemoryError("simulated");
                    }
                  }
                })
            .start();
    nextApplied();
    injectorEvents.clear();

    replace(chaos(0.2));

    ChaosListener.StateChange off;
    do {
      off = injectorEvents.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(off).as("chaos switched off within %d s", WAIT_SECONDS).isNotNull();
    } while (off.change() != ChaosListener.Change.DISABLED);
    assertThat(off.reason())
        .startsWith("CONFIG_INVALID: the config watcher of ")
        .contains("stopped");
    assertThat(injector.enabled()).isFalse();
    watcher.close();
    assertThat(watcher.isRunning()).isFalse();
  }

  @Test
  void closeStopsTheThread() throws Exception {
    Files.writeString(file, chaos(0.3));
    watcher = start(Duration.ofMillis(20));
    nextApplied();
    assertThat(watcher.isRunning()).isTrue();

    watcher.close();

    assertThat(watcher.isRunning()).isFalse();
    long reloads = watcher.reloads();
    Files.writeString(file, chaos(0.2));
    // Three poll intervals: a running watcher would have read the file by then.
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(watcher.reloads()).isEqualTo(reloads);
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
  }
}
