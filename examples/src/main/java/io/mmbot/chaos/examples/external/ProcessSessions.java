package io.mmbot.chaos.examples.external;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Process sessions on Linux: a bot started through {@code setsid} leads a session of its own, which
 * every process it starts joins (unless one leaves it on purpose), even one whose parent exits at
 * once. Listing the session in {@code /proc} finds them all when the bot is stopped, where a watch
 * of the process tree can miss a child whose parent exited between two looks.
 *
 * <p>Elsewhere (no {@code /proc}, no {@code setsid}) nothing here applies and the caller relies on
 * the process tree alone.
 */
final class ProcessSessions {

  private static final Path PROC = Path.of("/proc");
  private static final Optional<Path> SETSID = findSetsid();

  private ProcessSessions() {}

  /** The {@code setsid} program, if sessions can be used here. */
  static Optional<Path> setsid() {
    return SETSID;
  }

  private static Optional<Path> findSetsid() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
        || !Files.isDirectory(PROC.resolve("self"))) {
      return Optional.empty();
    }
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The live (not zombie) processes of session {@code sessionId}, read from {@code /proc}; those
   * that end while being read are left out.
   */
  static List<ProcessHandle> members(long sessionId) {
    List<ProcessHandle> members = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        long pid;
        try {
          pid = Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
          continue; // it ended meanwhile
        }
        if (inSession(stat, sessionId)) {
          ProcessHandle.of(pid).ifPresent(members::add);
        }
      }
    } catch (IOException e) {
      // /proc cannot be listed: the process tree is all the caller has
    }
    return members;
  }

  /**
   * True if {@code stat} (the text of {@code /proc/PID/stat}) is a live process of session {@code
   * sessionId}. The command name in parentheses may hold spaces and parentheses, so the fields are
   * counted from the last {@code ')'}: state, ppid, pgrp, session.
   */
  static boolean inSession(String stat, long sessionId) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return false;
    }
    String[] fields = stat.substring(close + 1).trim().split(" ");
    if (fields.length < 4 || fields[0].equals("Z") || fields[0].equals("X")) {
      return false;
    }
    try {
      return Long.parseLong(fields[3]) == sessionId;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Checks that {@code program} can be run as {@link ProcessBuilder} would run it (a path, or a
   * name looked up in {@code PATH}), so that a command started through {@code setsid} still fails
   * at once when its program is missing, instead of exiting with 127 later.
   *
   * @throws IOException naming the program when it cannot be run
   */
  static void requireRunnable(String program) throws IOException {
    if (program.contains("/")) {
      if (!Files.isExecutable(Path.of(program)) || Files.isDirectory(Path.of(program))) {
        throw new IOException("cannot run program \"" + program + "\": not an executable file");
      }
      return;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, program);
        if (Files.isExecutable(p) && !Files.isDirectory(p)) {
          return;
        }
      }
    }
    throw new IOException("cannot run program \"" + program + "\": not found in PATH");
  }
}
