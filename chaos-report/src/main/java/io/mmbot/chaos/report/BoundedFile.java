package io.mmbot.chaos.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an input file whole, within limits: only a regular file (a symbolic link to one is fine; a
 * directory, FIFO, device or socket is refused before it is opened), at most a given number of
 * bytes (refused from its size when known, and never read past the limit when it grows), and within
 * a time limit (a read that blocks, for example on a FIFO swapped in after the check or a hung
 * network file system, is abandoned on its daemon thread).
 *
 * <p>Every refusal is an {@link IOException} whose message is the problem alone, worded to follow
 * the file's name: {@code is not a regular file (a FIFO)}, {@code has 9000000 bytes, more than the
 * 8388608 allowed}, {@code could not be read within 10 s}, {@code cannot be read: no such file}.
 */
final class BoundedFile {

  private static final int CHUNK = 64 * 1024;

  private BoundedFile() {}

  /** The content of {@code file}, checked and read within the limits. */
  static byte[] read(Path file, long maxBytes, Duration timeout) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw cannotRead(e);
    }
    if (!attrs.isRegularFile()) {
      throw new IOException("is not a regular file (" + kind(file, attrs) + ")");
    }
    if (attrs.size() > maxBytes) {
      throw new IOException(
          "has " + attrs.size() + " bytes, more than the " + maxBytes + " allowed");
    }
    return readContent(file, maxBytes, timeout);
  }

  /**
   * Reads {@code file} on a daemon thread, waiting at most {@code timeout}; no type or size check
   * before opening (see {@link #read}).
   */
  static byte[] readContent(Path file, long maxBytes, Duration timeout) throws IOException {
    FutureTask<byte[]> task = new FutureTask<>(() -> readAll(file, maxBytes));
    Thread reader = new Thread(task, "mm-chaos-read");
    reader.setDaemon(true);
    reader.start();
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // a blocked open() ignores interrupts; the daemon thread ends when the read does, or with
      // the JVM
      reader.interrupt();
      throw new IOException(
          "could not be read within " + NumberText.num(timeout.toMillis() / 1000.0) + " s", e);
    } catch (InterruptedException e) {
      reader.interrupt();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw cannotRead((IOException) cause);
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException("cannot be read: " + cause, cause);
    }
  }

  private static byte[] readAll(Path file, long maxBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] buf = new byte[(int) Math.min(maxBytes + 1, CHUNK)];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (n > maxBytes) {
            throw new SizeLimitException("has more than the " + maxBytes + " bytes allowed");
          }
          buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2));
        }
        int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
        if (r < 0) {
          return Arrays.copyOf(buf, n);
        }
        n += r;
      }
    }
  }

  /** A refusal found while reading, passed on as it is. */
  private static final class SizeLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    SizeLimitException(String message) {
      super(message);
    }
  }

  private static IOException cannotRead(IOException e) {
    if (e instanceof SizeLimitException) {
      return e;
    }
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such file";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      why = ((FileSystemException) e).getReason();
    } else {
      why = e.toString();
    }
    return new IOException("cannot be read: " + why, e);
  }

  /** "a directory", "a FIFO", "a device", "a socket" or "a special file". */
  private static String kind(Path file, BasicFileAttributes attrs) {
    if (attrs.isDirectory()) {
      return "a directory";
    }
    try {
      // the "unix" attribute view (Linux, macOS) gives the file type bits of st_mode
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      switch (mode & 0170000) {
        case 0010000:
          return "a FIFO";
        case 0020000:
        case 0060000:
          return "a device";
        case 0140000:
          return "a socket";
        default:
          return "a special file";
      }
    } catch (IOException | RuntimeException e) {
      return "a special file";
    }
  }
}
