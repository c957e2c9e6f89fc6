package io.mmbot.chaos.examples.suite;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the artifacts of one invocation ({@code runs/}, {@code baseline/}, {@code report.md},
 * {@code report.html}, {@code findings.json}) so that a reader of the output directory never sees
 * those of two invocations side by side.
 *
 * <p>Everything is first written into a hidden staging directory inside the output directory (so on
 * the same file system); a failure there (a full disk, say) leaves the previous artifacts as they
 * were. Only then are they swapped in by renames, which need no space: the old reports are removed
 * first, then the old {@code runs/} and {@code baseline/} are moved aside, the new ones moved in,
 * and the new reports last. A reader therefore sees the old set, a set without reports, or the new
 * set, and never new runs beside old reports.
 */
final class RunArtifacts {

  /** The reports, in the order they are moved in ({@code report.md} last). */
  static final List<String> REPORTS = List.of("report.html", "findings.json", "report.md");

  /** The run directories, in the order the new ones are moved in. */
  static final List<String> RUN_DIRS = List.of("baseline", "runs");

  /** Prefix of the staging and set-aside directories. */
  static final String WORK_PREFIX = ".mm-chaos-";

  /** Writes one run record into a directory; a seam for failures in tests. */
  @FunctionalInterface
  interface RecordWriter {
    /** Writes {@code r} into {@code dir}. */
    void write(Path dir, RunResult r) throws IOException;
  }

  private RunArtifacts() {}

  /**
   * Writes the artifacts of {@code outcome} into {@code out}, the reports too if {@code report}.
   *
   * @return the reports written, or null without reports
   * @throws IOException naming what failed and why; the previous artifacts are then untouched
   *     unless the failure came during the swap (the message says where the new ones are)
   */
  static SuiteReport.Written write(
      Path out, Suite.Outcome outcome, boolean report, boolean defaultDuration) throws IOException {
    return write(out, outcome, report, (dir, r) -> RunRecords.write(dir, r, defaultDuration));
  }

  static SuiteReport.Written write(
      Path out, Suite.Outcome outcome, boolean report, RecordWriter writer) throws IOException {
    Path stage;
    try {
      Files.createDirectories(out);
      checkReplaceable(out);
      stage = Files.createDirectory(out.resolve(WORK_PREFIX + "new-" + nonce()));
    } catch (IOException e) {
      throw new IOException(describe(e), e);
    }
    SuiteReport.Written written;
    try {
      Path runs = Files.createDirectory(stage.resolve("runs"));
      for (RunResult r : outcome.runs()) {
        writer.write(runs, r);
      }
      Path base = Files.createDirectory(stage.resolve("baseline"));
      for (RunResult r : outcome.baselines()) {
        writer.write(base, r);
      }
      written = report ? SuiteReport.write(stage) : null;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(stage);
      throw new IOException(
          describe(e) + " (nothing was replaced: the previous artifacts are as they were)", e);
    }
    swap(out, stage);
    return written;
  }

  /** Moves the staged artifacts in, the old ones out (see the class description). */
  private static void swap(Path out, Path stage) throws IOException {
    Path aside = null;
    try {
      for (String name : REPORTS) {
        Files.deleteIfExists(out.resolve(name));
      }
      aside = Files.createDirectory(out.resolve(WORK_PREFIX + "old-" + nonce()));
      for (String name : RUN_DIRS) {
        if (Files.exists(out.resolve(name))) {
          move(out.resolve(name), aside.resolve(name));
        }
      }
      for (String name : RUN_DIRS) {
        move(stage.resolve(name), out.resolve(name));
      }
      for (String name : REPORTS) {
        if (Files.exists(stage.resolve(name))) {
          move(stage.resolve(name), out.resolve(name));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          describe(e) + " (while moving the new artifacts in; they are complete in " + stage + ")",
          e);
    }
    deleteQuietly(stage);
    if (aside != null) {
      deleteQuietly(aside);
    }
  }

  /** What is in the way of a swap is found before anything is changed. */
  private static void checkReplaceable(Path out) throws IOException {
    for (String name : RUN_DIRS) {
      Path p = out.resolve(name);
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new IOException(p + " is not a directory");
      }
    }
    for (String name : REPORTS) {
      Path p = out.resolve(name);
      if (Files.isDirectory(p)) {
        throw new IOException(p + " is a directory");
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * The failure with its cause: the JDK's file exceptions often carry only the path ({@code
   * AccessDeniedException: /x/baseline}), so the kind is named too.
   */
  static String describe(Throwable e) {
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String what = f.getReason() != null ? f.getReason() : kind(f);
      StringBuilder s = new StringBuilder();
      if (f.getFile() != null) {
        s.append(f.getFile()).append(": ");
      }
      s.append(what);
      if (f.getOtherFile() != null) {
        s.append(" (").append(f.getOtherFile()).append(')');
      }
      return s.toString();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? kind(e) : m;
  }

  /** {@code AccessDeniedException} as "access denied". */
  private static String kind(Throwable e) {
    String n = e.getClass().getSimpleName().replaceFirst("Exception$", "");
    return n.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String nonce() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  /** Removes a directory tree; what cannot be removed stays (it is hidden and never read). */
  private static void deleteQuietly(Path root) {
    List<Path> order = new ArrayList<>();
    collect(root, order);
    for (int i = order.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(order.get(i));
      } catch (IOException ignored) {
        // a leftover hidden directory is harmless
      }
    }
  }

  private static void collect(Path p, List<Path> order) {
    order.add(p);
    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
        for (Path c : s) {
          collect(c, order);
        }
      } catch (IOException ignored) {
        // as above
      }
    }
  }
}
