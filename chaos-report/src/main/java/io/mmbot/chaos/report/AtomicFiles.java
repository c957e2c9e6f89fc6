package io.mmbot.chaos.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file next to the target,
 * which is then moved over the target (atomically where the file system allows). If anything fails,
 * the temporary file is deleted and the target keeps its previous content.
 */
public final class AtomicFiles {

  /** Writes content to a {@link Writer}; may fail half-way. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content. */
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code text} (UTF-8), creating parent directories. */
  public static void write(Path target, String text) throws IOException {
    write(target, out -> out.write(text));
  }

  /** Replaces {@code target} with what {@code content} writes (UTF-8), creating parent dirs. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(out);
      }
      permissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Temporary files are created readable by the owner only; give the result the permissions the
   * target had, or those of an ordinary new file ({@code rw-r--r--}).
   */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }
}
