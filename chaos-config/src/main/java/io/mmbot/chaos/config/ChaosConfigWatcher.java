package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an injector in step with a {@code config.yaml}: each valid version of the file is applied
 * with {@link ChaosInjector#update}, and a version that is invalid, unreadable or missing switches
 * chaos off at once with {@link ChaosInjector#disable} and the reason {@code CONFIG_INVALID: <what
 * is wrong>}. It never keeps chaos running on a file nobody can read; a later valid version applies
 * again.
 *
 * <p>Changes are seen through a {@link WatchService} on the file's directory (so editors that write
 * a temporary file and rename it over the original, and a file deleted and created again, are both
 * noticed), backed by a poll of the file's size, time stamp and identity every {@code pollInterval}
 * for file systems that send no events. A burst of writes is read once, {@code debounce} after the
 * last write (and at most twenty debounce intervals after the first). A version whose configuration
 * equals the one last applied is not applied again, so touching the file does not undo an automatic
 * rollback; after an invalid version, a valid one is always applied.
 *
 * <p>The file is read once, synchronously, by {@link Builder#start()} (listeners hear that first
 * read on the caller's thread); later reads run on one daemon thread, which {@link #close()} stops.
 * Closing leaves the injector as it is. An exception thrown by a listener is logged and ignored.
 * Should the watcher thread itself fail, it switches chaos off before it ends. Thread-safe.
 */
public final class ChaosConfigWatcher implements AutoCloseable {

  /** Prefix of the reason given to {@link ChaosInjector#disable} for a bad file. */
  public static final String REASON_PREFIX = "CONFIG_INVALID";

  private static final System.Logger LOG = System.getLogger(ChaosConfigWatcher.class.getName());

  /** Hears the outcome of each read of the file. Both methods have empty defaults. */
  public interface Listener {
    /** A valid version was read and applied with {@link ChaosInjector#update}. */
    default void onApplied(ChaosConfig config) {}

    /** A version was invalid, unreadable or missing; chaos has been switched off. */
    default void onRejected(ChaosConfigException error) {}
  }

  private final Path file;
  private final Path fileName;
  private final ChaosInjector injector;
  private final long debounceNanos;
  private final long pollNanos;
  private final List<Listener> listeners;
  private final AtomicLong reloads = new AtomicLong();
  private final WatchService watchService;
  private final Thread thread;
  private volatile boolean closed;

  // Touched only by the thread that reloads (start(), then the watcher thread).
  private ChaosConfig lastApplied;
  private boolean lastRejected;
  private Fingerprint lastSeen;
  private Fingerprint lastPolled;

  private ChaosConfigWatcher(Builder b) {
    this.file = b.file.toAbsolutePath().normalize();
    this.fileName = file.getFileName();
    this.injector = b.injector;
    this.debounceNanos = b.debounce.toNanos();
    this.pollNanos = b.pollInterval.toNanos();
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    reload();
    this.watchService = b.useWatchService ? openWatchService(file.getParent()) : null;
    this.thread = new Thread(this::run, "mm-chaos-config-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts watching {@code file} for {@code injector} with the default timings. */
  public static ChaosConfigWatcher start(Path file, ChaosInjector injector) {
    return builder(file, injector).start();
  }

  /** A builder for a watcher of {@code file} that drives {@code injector}. */
  public static Builder builder(Path file, ChaosInjector injector) {
    return new Builder(file, injector);
  }

  /** The watched file, absolute. */
  public Path file() {
    return file;
  }

  /** How many times the file has been read (valid or not), including the read at start. */
  public long reloads() {
    return reloads.get();
  }

  /** Whether the watcher thread is still running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Stops watching and waits (up to five seconds) for the thread to end; idempotent. */
  @Override
  public void close() {
    closed = true;
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing the watch service failed", e);
      }
    }
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---------------------------------------------------------------- the watcher thread

  private void run() {
    long lastPoll = System.nanoTime();
    long firstChange = 0;
    long lastChange = 0;
    boolean dirty = false;
    try {
      while (!closed) {
        long now = System.nanoTime();
        long wait =
            dirty
                ? Math.max(
                    0, Math.min(lastChange + debounceNanos, firstChange + 20 * debounceNanos) - now)
                : Math.max(0, lastPoll + pollNanos - now);
        int events = awaitEvents(Math.max(wait, 1_000_000));
        boolean changed = events == EVENT_ABOUT_FILE;
        now = System.nanoTime();
        // Another entry of the directory changed: check the file now rather than at the next poll
        // (a symbolic link swapped under it, as Kubernetes does for mounted ConfigMaps).
        if (now - lastPoll >= pollNanos || events == EVENT_IN_DIRECTORY) {
          lastPoll = now;
          // A new state of the file counts once, when first seen, so a steady difference from
          // the last read does not keep pushing the debounce back.
          Fingerprint seen = Fingerprint.of(file);
          if (!seen.equals(lastPolled)) {
            lastPolled = seen;
            changed |= !seen.equals(lastSeen);
          }
        }
        if (changed) {
          if (!dirty) {
            firstChange = now;
          }
          dirty = true;
          lastChange = now;
        }
        if (dirty
            && (now - lastChange >= debounceNanos || now - firstChange >= 20 * debounceNanos)) {
          dirty = false;
          reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // close() was called.
    } catch (RuntimeException | Error e) {
      String why = "the config watcher of " + file + " stopped: " + e;
      LOG.log(System.Logger.Level.ERROR, why, e);
      injector.disable(REASON_PREFIX + ": " + why);
    }
  }

  private static final int NO_EVENT = 0;
  private static final int EVENT_IN_DIRECTORY = 1;
  private static final int EVENT_ABOUT_FILE = 2;

  /** Waits up to {@code nanos} for directory events; says whether any was about the file. */
  private int awaitEvents(long nanos) throws InterruptedException {
    if (watchService == null) {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return NO_EVENT;
    }
    WatchKey key = watchService.poll(nanos, TimeUnit.NANOSECONDS);
    int result = NO_EVENT;
    while (key != null) {
      for (WatchEvent<?> ev : key.pollEvents()) {
        boolean about =
            ev.kind() == StandardWatchEventKinds.OVERFLOW || fileName.equals(ev.context());
        result = Math.max(result, about ? EVENT_ABOUT_FILE : EVENT_IN_DIRECTORY);
      }
      key.reset();
      key = watchService.poll();
    }
    return result;
  }

  private void reload() {
    reloads.incrementAndGet();
    lastSeen = Fingerprint.of(file);
    lastPolled = lastSeen;
    ChaosConfig next;
    try {
      next = ChaosConfigLoader.load(file);
    } catch (ChaosConfigException e) {
      reject(e);
      return;
    } catch (RuntimeException e) {
      reject(new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, e.toString()));
      return;
    }
    if (lastRejected || !next.equals(lastApplied)) {
      injector.update(next);
      lastApplied = next;
      lastRejected = false;
      LOG.log(System.Logger.Level.INFO, "mm-chaos config applied from {0}: {1}", file, next);
      for (Listener l : listeners) {
        try {
          l.onApplied(next);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "config watcher listener failed", e);
        }
      }
    }
  }

  private void reject(ChaosConfigException e) {
    lastRejected = true;
    injector.disable(REASON_PREFIX + ": " + e.getMessage());
    LOG.log(
        System.Logger.Level.WARNING,
        "mm-chaos config {0} rejected, chaos is off: {1}",
        file,
        e.getMessage());
    for (Listener l : listeners) {
      try {
        l.onRejected(e);
      } catch (RuntimeException le) {
        LOG.log(System.Logger.Level.WARNING, "config watcher listener failed", le);
      }
    }
  }

  private static WatchService openWatchService(Path dir) {
    WatchService ws = null;
    try {
      ws = FileSystems.getDefault().newWatchService();
      dir.register(
          ws,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      return ws;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot watch {0} ({1}); polling for changes instead",
          dir,
          e.toString());
      if (ws != null) {
        try {
          ws.close();
        } catch (IOException ignored) {
          // Nothing more to release.
        }
      }
      return null;
    }
  }

  /** What the poll compares: a change in any part means the file may have changed. */
  private record Fingerprint(boolean exists, long size, long modifiedNanos, Object key) {
    static Fingerprint of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Fingerprint(
            true, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
      } catch (IOException | SecurityException e) {
        return new Fingerprint(false, -1, 0, null);
      }
    }
  }

  /** Builds and starts a {@link ChaosConfigWatcher}. Not thread-safe. */
  public static final class Builder {
    private final Path file;
    private final ChaosInjector injector;
    private Duration debounce = Duration.ofMillis(250);
    private Duration pollInterval = Duration.ofSeconds(2);
    private boolean useWatchService = true;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private Builder(Path file, ChaosInjector injector) {
      this.file = Objects.requireNonNull(file, "file");
      this.injector = Objects.requireNonNull(injector, "injector");
      if (file.toAbsolutePath().getFileName() == null) {
        throw new IllegalArgumentException("file must name a file, got " + file);
      }
    }

    /** Quiet time after the last write before the file is read (default 250 ms, 0 to 60 s). */
    public Builder debounce(Duration debounce) {
      this.debounce = check("debounce", debounce, Duration.ZERO);
      return this;
    }

    /** How often the file is checked without events (default 2 s, 1 ms to 10 min). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = check("pollInterval", pollInterval, Duration.ofMillis(1));
      return this;
    }

    /** A listener told of every read; added before the first read. */
    public Builder listener(Listener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Polling only, as on a file system without change events. For tests. */
    Builder pollOnly() {
      this.useWatchService = false;
      return this;
    }

    /** Reads the file once now (applying or rejecting it), then watches it on a daemon thread. */
    public ChaosConfigWatcher start() {
      return new ChaosConfigWatcher(this);
    }

    private static Duration check(String name, Duration d, Duration min) {
      Objects.requireNonNull(d, name);
      Duration max = name.equals("debounce") ? Duration.ofSeconds(60) : Duration.ofMinutes(10);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " = " + d + " is out of range: must be in [" + min + ", " + max + "]");
      }
      return d;
    }
  }
}
