package io.mmbot.chaos.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a config file bounded in size, in kind and in time, so that no file can make a caller wait:
 * a path that is not a regular file (after following symbolic links) is refused from its
 * attributes, without being opened, since opening a FIFO blocks until someone writes to it and a
 * device can be endless; at most {@code maxBytes + 1} bytes are read; and the whole read runs on a
 * short-lived daemon thread that the caller waits for at most {@code timeout}, so a file swapped
 * for a FIFO between the check and the open, or a hung network file system, costs the caller the
 * timeout and no more. At most {@value #MAX_BLOCKED_READS} reads may be blocked at once; beyond
 * that a read is refused at once. Safe for concurrent use.
 */
final class BoundedRead {

  /** Reads still running after their caller gave up, above which new reads are refused. */
  static final int MAX_BLOCKED_READS = 4;

  private static final AtomicInteger RUNNING = new AtomicInteger();

  /** Opens a file for reading; the test seam for a read that never finishes. */
  interface Opener {
    InputStream open(Path file) throws IOException;
  }

  static final Opener FILES = Files::newInputStream;

  private BoundedRead() {}

  /** The bytes of {@code file}, or a {@link ChaosConfigException} saying why they cannot be had. */
  static byte[] read(Path file, int maxBytes, Duration timeout, Opener opener) {
    if (RUNNING.get() >= MAX_BLOCKED_READS) {
      throw failure(
          file
              + " cannot be read: "
              + MAX_BLOCKED_READS
              + " earlier reads of config files are still blocked (a FIFO or a hung file"
              + " system?)");
    }
    RUNNING.incrementAndGet();
    FutureTask<byte[]> task =
        new FutureTask<>(
            () -> {
              try {
                return readNow(file, maxBytes, opener);
              } finally {
                RUNNING.decrementAndGet();
              }
            });
    Thread reader = new Thread(task, "mm-chaos-config-read");
    reader.setDaemon(true);
    try {
      reader.start();
    } catch (Throwable t) {
      RUNNING.decrementAndGet();
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      throw failure(file + " cannot be read: no thread to read it (" + t + ")");
    }
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      reader.interrupt(); // ends an interruptible read; a blocked open() stays until it returns
      throw failure(
          file
              + " cannot be read: the read did not finish within "
              + timeout.toMillis()
              + " ms (a FIFO, a device or a hung file system?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reader.interrupt();
      throw failure(file + " was not read: the reading thread was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ChaosConfigException) {
        throw (ChaosConfigException) cause;
      }
      if (cause instanceof VirtualMachineError) {
        throw (VirtualMachineError) cause;
      }
      throw failure(file + " cannot be read (" + cause + ")");
    }
  }

  private static byte[] readNow(Path file, int maxBytes, Opener opener) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw failure(file + " is " + kind(file, a) + ", not a regular file; chaos stays off");
      }
      if (a.size() > maxBytes) {
        throw ChaosConfigLoader.tooLarge(a.size());
      }
      try (InputStream s = opener.open(file)) {
        // Never more than the limit plus one byte, even if the file grows while being read.
        byte[] bytes = s.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          throw ChaosConfigLoader.tooLarge(bytes.length);
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT, 0, 0, file + " does not exist", e);
    } catch (IOException | SecurityException e) {
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT,
          0,
          0,
          file + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
  }

  /** "a directory", "a FIFO (named pipe)", "a character device" …, for messages. */
  static String kind(Path file, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      Object mode = Files.getAttribute(file, "unix:mode");
      if (mode instanceof Integer) {
        switch (((Integer) mode) & 0170000) {
          case 0010000:
            return "a FIFO (named pipe)";
          case 0020000:
            return "a character device";
          case 0060000:
            return "a block device";
          case 0140000:
            return "a socket";
          default:
            break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // No unix view on this platform: the generic wording below.
    }
    return "a special file (a FIFO, device or socket)";
  }

  private static ChaosConfigException failure(String detail) {
    return new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, detail);
  }
}
