package io.mmbot.chaos.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Change detection for the config watcher: a {@link WatchService} on the file's directory (events
 * about the file itself, or about any other entry, as a symbolic link swapped under it) and the
 * fingerprint the poll compares. Not thread-safe; the watcher's thread owns it.
 */
final class FileWatch implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChaosConfigWatcher.class.getName());

  /** What a wait saw. */
  static final int NO_EVENT = 0;

  static final int EVENT_IN_DIRECTORY = 1;
  static final int EVENT_ABOUT_FILE = 2;

  private final Path fileName;
  private final WatchService service;

  private FileWatch(Path fileName, WatchService service) {
    this.fileName = fileName;
    this.service = service;
  }

  /** Watches the directory of {@code file}, or (if that is impossible) nothing: poll only. */
  static FileWatch open(Path file, boolean useWatchService) {
    if (!useWatchService) {
      return new FileWatch(file.getFileName(), null);
    }
    WatchService ws = null;
    Path dir = file.getParent();
    try {
      ws = FileSystems.getDefault().newWatchService();
      dir.register(
          ws,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      return new FileWatch(file.getFileName(), ws);
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
      return new FileWatch(file.getFileName(), null);
    }
  }

  /** Waits up to {@code nanos} for directory events; says whether any was about the file. */
  int await(long nanos) throws InterruptedException {
    if (service == null) {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return NO_EVENT;
    }
    WatchKey key = service.poll(nanos, TimeUnit.NANOSECONDS);
    int result = NO_EVENT;
    while (key != null) {
      for (WatchEvent<?> ev : key.pollEvents()) {
        boolean about =
            ev.kind() == StandardWatchEventKinds.OVERFLOW || fileName.equals(ev.context());
        result = Math.max(result, about ? EVENT_ABOUT_FILE : EVENT_IN_DIRECTORY);
      }
      key.reset();
      key = service.poll();
    }
    return result;
  }

  @Override
  public void close() {
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing the watch service failed", e);
      }
    }
  }

  /**
   * What the poll compares: a change in any part means the file may have changed. Reading
   * attributes never opens the file, so a FIFO costs nothing here.
   */
  record Fingerprint(boolean exists, boolean regular, long size, long modifiedNanos, Object key) {
    static Fingerprint of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        BasicFileAttributes link =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Fingerprint(
            true,
            a.isRegularFile(),
            a.size(),
            a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                ^ link.lastModifiedTime().to(TimeUnit.NANOSECONDS),
            a.fileKey());
      } catch (IOException | SecurityException e) {
        return new Fingerprint(false, false, -1, 0, null);
      }
    }
  }
}
