package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the config watcher does with what it read: apply a valid version with {@link
 * ChaosInjector#update} (unless it equals the one last applied), or reject a bad one with {@link
 * ChaosInjector#disable} and the reason {@code CONFIG_INVALID: <message>}, telling its listeners
 * and the log. A rejection that repeats the previous one is not reported again. Once the watcher is
 * closed, nothing changes the injector any more. Each outcome also sets the watcher's {@link
 * FileVeto} first: a version that says off, or one that cannot be used, keeps anything else from
 * switching chaos on. Not thread-safe; the watcher's thread owns it.
 */
final class ApplyPolicy {

  private static final System.Logger LOG = System.getLogger(ChaosConfigWatcher.class.getName());

  private final Path file;
  private final ChaosInjector injector;
  private final List<ChaosConfigWatcher.Listener> listeners;
  private final BooleanSupplier closed;
  private final FileVeto veto;
  private ChaosConfig lastApplied;
  private boolean lastRejected;
  private String lastRejection;

  ApplyPolicy(
      Path file,
      ChaosInjector injector,
      List<ChaosConfigWatcher.Listener> listeners,
      BooleanSupplier closed,
      FileVeto veto) {
    this.file = file;
    this.veto = veto;
    this.injector = injector;
    this.listeners = listeners;
    this.closed = closed;
  }

  /** Whether {@code next} would change anything if applied now. */
  boolean wouldChange(ChaosConfig next) {
    return lastRejected || !next.equals(lastApplied);
  }

  /** Makes the next valid version apply even if it equals the last (chaos was switched off). */
  void forceNextApply() {
    lastRejected = true;
  }

  void apply(LoadedConfig loaded) {
    ChaosConfig next = loaded.config();
    if (closed.getAsBoolean() || !wouldChange(next)) {
      return;
    }
    // The verdict first: the update below must not be refused by this watcher's own veto, and no
    // one may switch chaos on between an off version and its update.
    if (next.enabled()) {
      veto.allow();
    } else {
      veto.saysOff();
    }
    try {
      injector.update(next);
    } catch (RuntimeException e) {
      reject(
          new ChaosConfigException(
              ChaosConfigException.DOCUMENT, 0, 0, "the injector refused the update: " + e));
      return;
    }
    lastApplied = next;
    lastRejected = false;
    lastRejection = null;
    log(System.Logger.Level.INFO, "mm-chaos config applied from " + file + ": " + next);
    for (ConfigWarning w : loaded.warnings()) {
      log(System.Logger.Level.WARNING, "mm-chaos config " + file + ": " + w.message());
    }
    tell(l -> l.onApplied(next));
    if (loaded.hasWarnings()) {
      tell(l -> l.onWarnings(loaded.warnings()));
    }
  }

  void reject(ChaosConfigException e) {
    if (closed.getAsBoolean()) {
      return; // closing leaves the injector as it is
    }
    String message = e.getMessage();
    veto.unusable(message);
    injector.disable(ChaosConfigWatcher.REASON_PREFIX + ": " + message);
    boolean news = !lastRejected || !message.equals(lastRejection);
    lastRejected = true;
    lastRejection = message;
    if (news) {
      log(
          System.Logger.Level.WARNING,
          "mm-chaos config " + file + " rejected, chaos is off: " + message);
      tell(l -> l.onRejected(e));
    }
  }

  /**
   * The watcher is stuck (called from its watchdog thread): switches chaos off and tells the
   * listeners, without touching this policy's state, which the stuck thread owns.
   */
  void reportStall(String why) {
    if (closed.getAsBoolean()) {
      return;
    }
    veto.unusable(why);
    injector.disable(ChaosConfigWatcher.REASON_PREFIX + ": " + why);
    log(System.Logger.Level.ERROR, why);
    ChaosConfigException e = new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, why);
    tell(l -> l.onRejected(e));
  }

  /**
   * Tells every listener; whatever one throws, except a virtual machine error, is logged and
   * ignored, and a virtual machine error is rethrown after the last listener.
   */
  private void tell(Consumer<ChaosConfigWatcher.Listener> event) {
    VirtualMachineError fatal = null;
    for (ChaosConfigWatcher.Listener l : listeners) {
      try {
        event.accept(l);
      } catch (VirtualMachineError e) {
        fatal = fatal == null ? e : fatal;
      } catch (Throwable e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        log(System.Logger.Level.WARNING, "config watcher listener " + l + " failed: " + e);
      }
    }
    if (fatal != null) {
      throw fatal;
    }
  }

  /** Logs; a logging backend that throws must not stop the watcher. */
  static void log(System.Logger.Level level, String message) {
    try {
      LOG.log(level, message);
    } catch (RuntimeException e) {
      // Ignored: see above.
    }
  }
}
