package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps an injector in step with a {@code config.yaml}: each valid version of the file is applied
 * with {@link ChaosInjector#update}, and a version that is invalid, unreadable, missing or not a
 * regular file switches chaos off at once with {@link ChaosInjector#disable} and the reason {@code
 * CONFIG_INVALID: <what is wrong>}. It never keeps chaos running on a file nobody can read; a later
 * valid version applies again.
 *
 * <p>Changes are seen through a {@link java.nio.file.WatchService} on the file's directory (so
 * editors that write a temporary file and rename it over the original, and a file deleted and
 * created again, are both noticed), backed by a poll of the file's attributes every {@code
 * pollInterval} for file systems that send no events. Every change is read at once: an invalid
 * version, or a valid one with {@code enabled: false}, takes effect immediately; only a valid
 * version that keeps or turns chaos on is debounced, applied {@code debounce} after the last change
 * (and at most twenty debounce intervals after the first). A version whose configuration equals the
 * one last applied is not applied again, so touching the file does not undo an automatic rollback;
 * after an invalid version, a valid one is always applied.
 *
 * <p><b>The file wins.</b> While the last version read says {@code enabled: false}, or was missing,
 * unreadable or invalid (or the watcher is stuck), the watcher vetoes switching chaos on by any
 * other way ({@link io.mmbot.chaos.EnableVeto}): {@link ChaosInjector#update} to an enabled
 * configuration throws {@link io.mmbot.chaos.EnableRefusedException} naming the file, and the
 * control endpoint's {@code POST /chaos/enable} answers 409. Writing {@code enabled: true} to the
 * file lifts the veto (the watcher applies that version itself); so does {@link #close()}.
 *
 * <p>Reads are those of {@link ChaosConfigLoader#loadWithWarnings}: a FIFO, device or directory is
 * refused without being opened and every read is bounded in time, so the file cannot block the
 * watcher. Should the watcher make no progress for {@code stallLimit} (30 s; a listener that
 * blocks, say), a watchdog switches chaos off ({@code CONFIG_INVALID: … has made no progress …})
 * and {@link #isRunning()} says false until the watcher moves again; it then reads the file anew.
 *
 * <p>The file is read once, synchronously, by {@link Builder#start()} (listeners hear that first
 * read on the caller's thread); later reads run on one daemon thread, which {@link #close()} stops.
 * Closing leaves the injector as it is. Whatever a listener throws, except a {@link
 * VirtualMachineError}, is logged and ignored; should the watcher thread itself fail, it switches
 * chaos off before it ends. Thread-safe.
 */
public final class ChaosConfigWatcher implements AutoCloseable {

  /** Prefix of the reason given to {@link ChaosInjector#disable} for a bad file. */
  public static final String REASON_PREFIX = ChaosReasons.CONFIG_INVALID;

  /** The watcher thread wakes at least this often, so its heartbeat stays fresh. */
  static final long HEARTBEAT_NANOS = 1_000_000_000L;

  /** Hears the outcome of each read of the file. Every method has an empty default. */
  public interface Listener {
    /** A valid version was read and applied with {@link ChaosInjector#update}. */
    default void onApplied(ChaosConfig config) {}

    /**
     * A version was invalid, unreadable or missing, or the watcher has made no progress for its
     * stall limit (then called from the watchdog thread); chaos has been switched off.
     */
    default void onRejected(ChaosConfigException error) {}

    /**
     * The version just applied is valid but looks unintended (see {@link ConfigWarning}); called
     * after {@link #onApplied}, only when there are warnings.
     */
    default void onWarnings(List<ConfigWarning> warnings) {}
  }

  private final Path file;
  private final ChaosInjector injector;
  private final long pollNanos;
  private final Duration readTime;
  private final LongSupplier clock;
  private final ApplyPolicy policy;
  private final FileVeto veto;
  private final AtomicLong reloads = new AtomicLong();
  private final FileWatch watch;
  private final Thread thread;
  private final StallWatchdog watchdog;
  private volatile boolean closed;

  // Touched only by the thread that reloads (start(), then the watcher thread).
  private final Debounce debounce;
  private FileWatch.Fingerprint lastPolled;
  private long lastPoll;

  private ChaosConfigWatcher(Builder b) {
    this.file = b.file.toAbsolutePath().normalize();
    this.injector = b.injector;
    long debounceNanos = b.debounce.toNanos();
    this.debounce = new Debounce(debounceNanos, 20 * debounceNanos);
    this.pollNanos = b.pollInterval.toNanos();
    this.readTime = b.readTime;
    this.clock = b.clock;
    this.veto = new FileVeto(file.toString());
    this.policy =
        new ApplyPolicy(
            file, injector, new CopyOnWriteArrayList<>(b.listeners), () -> closed, veto);
    long now = clock.getAsLong();
    this.watchdog =
        new StallWatchdog(file, clock, b.stallLimit.toNanos(), policy, () -> closed, now);
    this.lastPoll = now;
    this.lastPolled = FileWatch.Fingerprint.of(file);
    injector.addEnableVeto(veto);
    try {
      settle();
      if (b.manual) {
        this.watch = null;
        this.thread = null;
        return;
      }
      this.watch = FileWatch.open(file, b.useWatchService);
    } catch (RuntimeException | Error e) {
      injector.removeEnableVeto(veto);
      throw e;
    }
    this.thread = new Thread(this::run, "mm-chaos-config-watcher");
    thread.setDaemon(true);
    thread.start();
    watchdog.start();
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

  /**
   * Whether the watcher is watching: not closed, its thread alive, and making progress (it has not
   * been stuck for longer than the stall limit).
   */
  public boolean isRunning() {
    if (closed || watchdog.stalled()) {
      return false;
    }
    if (thread != null && !thread.isAlive()) {
      return false;
    }
    return watchdog.progressWithinLimit(clock.getAsLong());
  }

  /**
   * Stops watching and waits (up to five seconds) for the thread to end; idempotent. Once closed,
   * the watcher changes the injector no more, even if its thread was inside a slow listener.
   */
  @Override
  public void close() {
    closed = true;
    injector.removeEnableVeto(veto);
    if (watch != null) {
      watch.close();
    }
    watchdog.stop();
    if (thread == null) {
      return;
    }
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        ApplyPolicy.log(
            System.Logger.Level.WARNING,
            "the config watcher thread of " + file + " did not stop within 5 s; it is inert now");
      }
    }
  }

  // ---------------------------------------------------------------- the watcher thread

  private void run() {
    try {
      while (!closed) {
        long now = clock.getAsLong();
        long wait = Math.min(debounce.nanosUntilDue(now), lastPoll + pollNanos - now);
        int events = watch.await(Math.min(Math.max(wait, 1_000_000L), HEARTBEAT_NANOS));
        step(events);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // close() was called.
    } catch (Throwable e) {
      String why = "the config watcher of " + file + " stopped: " + e;
      ApplyPolicy.log(System.Logger.Level.ERROR, why);
      injector.disable(REASON_PREFIX + ": " + why);
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
    }
  }

  /**
   * One turn of the watcher: look at the file if an event or the poll says it may have changed,
   * read it at once if so, and apply a debounced valid version once it has settled. The watcher
   * thread calls this after each wait; tests call it directly, in virtual time.
   */
  void step(int events) {
    long now = clock.getAsLong();
    watchdog.progress(now);
    boolean look = events == FileWatch.EVENT_ABOUT_FILE;
    if (watchdog.clearStall()) {
      // The watchdog switched chaos off while this thread was stuck: read the file anew.
      policy.forceNextApply();
      look = true;
    }
    if (look || events == FileWatch.EVENT_IN_DIRECTORY || now - lastPoll >= pollNanos) {
      lastPoll = now;
      FileWatch.Fingerprint seen = FileWatch.Fingerprint.of(file);
      if (!seen.equals(lastPolled)) {
        lastPolled = seen;
        look = true;
      }
    }
    if (look) {
      probe(now);
    }
    if (debounce.due(now)) {
      debounce.clear();
      settle();
    }
    watchdog.progress(clock.getAsLong());
  }

  /** A change was seen: off-switching versions apply now, on-switching ones are debounced. */
  private void probe(long now) {
    LoadedConfig loaded = read();
    if (loaded == null) {
      debounce.clear();
      return; // rejected
    }
    ChaosConfig next = loaded.config();
    if (!next.enabled()) {
      debounce.clear();
      policy.apply(loaded);
    } else if (debounce.pending() || policy.wouldChange(next)) {
      debounce.changed(now);
    }
  }

  /** Reads the file and applies or rejects what it holds. */
  private void settle() {
    LoadedConfig loaded = read();
    if (loaded != null) {
      policy.apply(loaded);
    }
  }

  /** The file's contents, or null after rejecting them. */
  private LoadedConfig read() {
    reloads.incrementAndGet();
    try {
      return ChaosConfigLoader.load(file, readTime, BoundedRead.FILES);
    } catch (ChaosConfigException e) {
      policy.reject(e);
    } catch (RuntimeException e) {
      policy.reject(new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, e.toString()));
    }
    return null;
  }

  /** Switches chaos off if the watcher has made no progress for the stall limit. For tests. */
  void checkProgress() {
    watchdog.check();
  }

  /** Builds and starts a {@link ChaosConfigWatcher}. Not thread-safe. */
  public static final class Builder {
    private final Path file;
    private final ChaosInjector injector;
    private Duration debounce = Duration.ofMillis(250);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration stallLimit = Duration.ofSeconds(30);
    private Duration readTime = ChaosConfigLoader.MAX_READ_TIME;
    private LongSupplier clock = System::nanoTime;
    private boolean useWatchService = true;
    private boolean manual;
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
      this.debounce = check("debounce", debounce, Duration.ZERO, Duration.ofSeconds(60));
      return this;
    }

    /** How often the file is checked without events (default 2 s, 1 ms to 10 min). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval =
          check("pollInterval", pollInterval, Duration.ofMillis(1), Duration.ofMinutes(10));
      return this;
    }

    /**
     * How long the watcher may make no progress before its watchdog switches chaos off (default 30
     * s, 1 s to 10 min); more than twice {@link ChaosConfigLoader#MAX_READ_TIME} leaves room for
     * two slow reads.
     */
    public Builder stallLimit(Duration stallLimit) {
      this.stallLimit =
          check("stallLimit", stallLimit, Duration.ofSeconds(1), Duration.ofMinutes(10));
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

    /** The stall limit without its lower bound. For tests. */
    Builder stallLimitForTest(Duration stallLimit) {
      this.stallLimit = Objects.requireNonNull(stallLimit);
      return this;
    }

    /**
     * No thread, no watch service, time from {@code clock}: the test drives {@link #step} and
     * {@link #checkProgress} itself, in virtual time.
     */
    Builder manual(LongSupplier clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.manual = true;
      return this;
    }

    /** Reads the file once now (applying or rejecting it), then watches it on a daemon thread. */
    public ChaosConfigWatcher start() {
      return new ChaosConfigWatcher(this);
    }

    private static Duration check(String name, Duration d, Duration min, Duration max) {
      Objects.requireNonNull(d, name);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " = " + d + " is out of range: must be in [" + min + ", " + max + "]");
      }
      return d;
    }
  }
}
