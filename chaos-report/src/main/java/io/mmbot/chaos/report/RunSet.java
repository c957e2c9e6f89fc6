package io.mmbot.chaos.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every run file of a directory, split into the runs that were read and the files that could not
 * be. No file is dropped silently: each {@code *.json} entry of the directory ends up in exactly
 * one of the two lists, a directory, FIFO or device so named among the unreadable ones. Files are
 * taken in name order, so reports are stable. Immutable.
 *
 * @param runs the runs that were read, in file-name order
 * @param unreadable the files that could not be read, in file-name order
 */
public record RunSet(List<RunRecord> runs, List<RunFileException> unreadable) {

  /** Copies both lists. */
  public RunSet {
    runs = List.copyOf(runs);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * Reads every {@code *.json} file directly inside {@code dir}.
   *
   * @throws NoSuchFileException if the directory does not exist
   * @throws NotDirectoryException if it is not a directory
   * @throws IOException if it cannot be listed
   */
  public static RunSet load(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "run directory does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : stream) {
        // directories, FIFOs and devices named *.json too: RunReader lists them as unreadable
        files.add(p);
      }
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    List<RunRecord> runs = new ArrayList<>();
    List<RunFileException> unreadable = new ArrayList<>();
    for (Path f : files) {
      try {
        runs.add(RunReader.read(f));
      } catch (RunFileException e) {
        unreadable.add(e);
      }
    }
    return new RunSet(runs, unreadable);
  }
}
