package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher against 2,000 random operations on its file, in virtual time: valid and invalid
 * versions written in place or renamed over, deletes, renames away and back, a directory or a FIFO
 * in the file's place, and symbolic-link swaps to each of those. The test drives the watcher's step
 * directly (an event about the file, then the debounce later), so nothing waits on a wall clock.
 *
 * <p>Invariants, from the test's own model of what is on disk (never from the loader): right after
 * the change is seen, chaos is off unless the file is a valid config with {@code enabled: true};
 * once the debounce has passed, chaos is on exactly when it is, with the file's configuration.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WatcherSoakTest {

  private static final int OPERATIONS = 2_000;
  private static final long SEED = 20261202L;
  private static final Duration DEBOUNCE = Duration.ofMillis(250);

  private static final String[] INVALID = {
    "chaos:\n  enabled: true\n  net_loss: 1.3\n",
    "chaos:\n  enabled: true\n  net_los: 0.3\n",
    "chaos:\n  enabled: true\n\tnet_loss: 0.3\n",
    "",
    "chaos:\n  enabled: maybe\n",
    "chaos:\n  enabled: true\n  net_loss: !!float 0.3\n",
  };

  /** What the test believes a path holds. */
  private record Model(String kind, ChaosConfig config) {
    boolean chaosOn() {
      return kind.equals("valid") && config.enabled();
    }
  }

  @TempDir Path dir;
  private Path file;
  private Path targets;
  private Path fifoPool;
  private final Random random = new Random(SEED);
  private final VirtualTime now = new VirtualTime(1_000_000_000_000L);
  private ChaosInjector injector;
  private ChaosConfigWatcher watcher;
  private final List<Path> links = new ArrayList<>();
  private final List<Model> linkModels = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    file = dir.resolve("config.yaml");
    targets = Files.createDirectory(dir.resolve("targets"));
    fifoPool = SpecialFiles.fifo(dir.resolve("pool.fifo"));
    // Link targets of every kind, made once.
    target("on.yaml", "valid", validText(true, 0.2));
    target("off.yaml", "valid", validText(false, 0.4));
    target("bad.yaml", "invalid", INVALID[0]);
    links.add(Files.createDirectory(targets.resolve("dir")));
    linkModels.add(new Model("dir", null));
    links.add(SpecialFiles.fifo(targets.resolve("pipe")));
    linkModels.add(new Model("fifo", null));
    links.add(targets.resolve("missing.yaml"));
    linkModels.add(new Model("missing", null));
    injector = ChaosInjector.builder().nanoClock(now).build();
  }

  private void target(String name, String kind, String text) throws IOException {
    Path p = Files.writeString(targets.resolve(name), text);
    links.add(p);
    linkModels.add(new Model(kind, kind.equals("valid") ? ChaosConfigLoader.parse(text) : null));
  }

  private static String validText(boolean enabled, double netLoss) {
    return "bot:\n  symbol: BTCUSDT\nchaos:\n  enabled: "
        + enabled
        + "\n  dry_run: false\n  net_loss: "
        + netLoss
        + "\n";
  }

  @Test
  void chaosIsOnOnlyWhileTheFileOnDiskIsAValidEnabledConfig() throws Exception {
    Files.writeString(file, validText(true, 0.1));
    watcher =
        ChaosConfigWatcher.builder(file, injector)
            .debounce(DEBOUNCE)
            .pollInterval(Duration.ofSeconds(2))
            .manual(now)
            .start();
    Model model = new Model("valid", ChaosConfigLoader.parse(validText(true, 0.1)));
    assertThat(injector.enabled()).isTrue();
    int[] seen = new int[8];

    for (int op = 0; op < OPERATIONS; op++) {
      int kind = random.nextInt(8);
      seen[kind]++;
      model = perform(kind, model);
      String step = "operation " + op + " (" + kind + "), disk holds " + model;

      advance(Duration.ofMillis(1));
      watcher.step(FileWatch.EVENT_ABOUT_FILE);
      if (!model.chaosOn()) {
        assertThat(injector.enabled()).as("at once after %s", step).isFalse();
        assertThat(injector.shouldInjectNetLoss()).as(step).isFalse();
      }

      advance(DEBOUNCE);
      watcher.step(FileWatch.NO_EVENT);
      assertThat(injector.enabled()).as("settled after %s", step).isEqualTo(model.chaosOn());
      if (model.chaosOn()) {
        assertThat(injector.config()).as(step).isEqualTo(model.config());
      }
      assertThat(watcher.isRunning()).as(step).isTrue();
    }

    assertThat(java.util.Arrays.stream(seen).min().getAsInt())
        .as("every kind of operation ran often")
        .isGreaterThan(OPERATIONS / 16);
    watcher.close();
    assertThat(watcher.isRunning()).isFalse();
  }

  private void advance(Duration d) {
    now.advanceNanos(d.toNanos());
  }

  /** Applies one random operation of {@code kind} and returns the new model of the file. */
  private Model perform(int kind, Model before) throws Exception {
    switch (kind) {
      case 0: // valid version, renamed over
      case 1: // valid version, written in place
        {
          boolean enabled = random.nextInt(4) != 0;
          double netLoss = random.nextInt(11) / 10.0;
          String text = validText(enabled, netLoss);
          clear();
          if (kind == 0) {
            replace(text);
          } else {
            Files.writeString(file, text);
          }
          return new Model("valid", ChaosConfigLoader.parse(text));
        }
      case 2: // invalid version
        clear();
        replace(INVALID[random.nextInt(INVALID.length)]);
        return new Model("invalid", null);
      case 3: // delete
        clear();
        return new Model("missing", null);
      case 4: // rename away, then maybe a prepared valid version renamed in
        {
          Path away = dir.resolve("away.yaml");
          Files.deleteIfExists(away);
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(file, away, StandardCopyOption.ATOMIC_MOVE);
          } else {
            clear();
          }
          if (random.nextBoolean()) {
            return new Model("missing", null);
          }
          String text = validText(true, 0.7);
          Files.writeString(away, text);
          Files.move(away, file, StandardCopyOption.ATOMIC_MOVE);
          return new Model("valid", ChaosConfigLoader.parse(text));
        }
      case 5: // a directory in the file's place
        clear();
        Files.createDirectory(file);
        return new Model("dir", null);
      case 6: // a FIFO in the file's place
        clear();
        Files.move(fifoPool, file, StandardCopyOption.ATOMIC_MOVE);
        return new Model("fifo", null);
      default: // a symbolic link swapped in, to a target of any kind
        {
          int i = random.nextInt(links.size());
          Path tmp = dir.resolve("link.tmp");
          Files.deleteIfExists(tmp);
          Files.createSymbolicLink(tmp, links.get(i));
          if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || isPooledFifo()) {
            clear();
          }
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          return linkModels.get(i);
        }
    }
  }

  private boolean isPooledFifo() {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(file)
        && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes whatever is at the file's path; the pooled FIFO goes back to the pool. */
  private void clear() throws IOException {
    if (isPooledFifo()) {
      Files.move(file, fifoPool, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.deleteIfExists(file); // a link, a regular file or an empty directory
    }
  }

  /** Replaces the file atomically: write a temporary file, rename it over. */
  private void replace(String content) throws IOException {
    Path tmp = Files.createTempFile(dir, ".config", ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
