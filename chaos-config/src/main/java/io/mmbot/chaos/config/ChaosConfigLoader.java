package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the {@code chaos:} block of the bot's whole {@code config.yaml} into a {@link ChaosConfig}.
 *
 * <p>Other top-level blocks are ignored; a document without a {@code chaos:} block means chaos off
 * ({@link ChaosConfig#defaults()}); an empty document is an error. The seed's flat keys ({@code
 * net_loss: 0.3}, {@code lat_spike_ms: 200}, …) bind exactly as written; a structured block per
 * scenario ({@code lat_spike: {magnitude_ms: 200, probability: 0.2}}) and a {@code rollback:} block
 * set the rest. {@code docs/configuration.md} lists every key.
 *
 * <p>Loading is safe: nothing is constructed from tags, global tags are refused, duplicate keys are
 * errors, and documents are bounded ({@value #MAX_DOCUMENT_SIZE} characters or bytes, {@value
 * #MAX_NESTING_DEPTH} levels of nesting, {@value #MAX_COLLECTION_ALIASES} aliases to lists or
 * mappings), so an alias bomb or a huge file is refused at once in bounded memory.
 *
 * <p>Every bad input is a {@link ChaosConfigException} naming the key path, line and column, the
 * bad value and what is allowed; nothing else is thrown for bad input. Stateless; safe for
 * concurrent use.
 */
public final class ChaosConfigLoader {

  /** Largest document accepted: characters of a string, bytes of a file. */
  public static final int MAX_DOCUMENT_SIZE = SafeYaml.MAX_CHARS;

  /** Deepest nesting of lists and mappings accepted anywhere in the document. */
  public static final int MAX_NESTING_DEPTH = SafeYaml.MAX_DEPTH;

  /** Largest number of aliases to lists or mappings accepted in one document. */
  public static final int MAX_COLLECTION_ALIASES = SafeYaml.MAX_COLLECTION_ALIASES;

  private ChaosConfigLoader() {}

  /**
   * Reads and binds a {@code config.yaml} file, which must be UTF-8.
   *
   * @throws ChaosConfigException if the file is missing, unreadable, too large, not UTF-8, or its
   *     {@code chaos:} block is invalid
   */
  public static ChaosConfig load(Path file) {
    if (file == null) {
      throw new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, "no file given");
    }
    return fromBytes(read(file));
  }

  /**
   * Binds the {@code chaos:} block of a whole {@code config.yaml} given as text.
   *
   * @throws ChaosConfigException if the text is empty, not YAML, too large, or its {@code chaos:}
   *     block is invalid
   */
  public static ChaosConfig parse(String yaml) {
    if (yaml == null) {
      throw new ChaosConfigException(ChaosConfigException.DOCUMENT, 1, 1, "no text given");
    }
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    try {
      return Binder.bind(SafeYaml.compose(text));
    } catch (ChaosConfigException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // Last line of the contract: whatever happens, the caller sees only this exception type.
      // The fuzz test fails on this message, so such a path is found and fixed, not hidden.
      throw new ChaosConfigException(
          ChaosConfigException.DOCUMENT,
          0,
          0,
          INTERNAL_ERROR + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Start of the message for a failure the binder did not foresee; the fuzz test rejects it. */
  static final String INTERNAL_ERROR = "internal error while reading the document";

  /** Decodes strict UTF-8 (naming the line and column of the first bad byte) and binds. */
  static ChaosConfig fromBytes(byte[] bytes) {
    if (bytes.length > MAX_DOCUMENT_SIZE) {
      throw tooLarge(bytes.length);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      String prefix = out.flip().toString();
      int[] pos = SafeYaml.position(prefix, prefix.length());
      String path = SyntaxLocator.pathAtEndOf(prefix, SafeYaml.options());
      throw new ChaosConfigException(
          path,
          pos[0],
          pos[1],
          String.format(
              "byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8",
              bytes[Math.min(offset, bytes.length - 1)] & 0xff, offset));
    }
    return parse(out.flip().toString());
  }

  private static byte[] read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ChaosConfigException(
            ChaosConfigException.DOCUMENT, 0, 0, file + " is a directory, not a config file");
      }
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_SIZE) {
        throw tooLarge(size);
      }
      try (InputStream s = Files.newInputStream(file)) {
        // Never more than the limit plus one byte, even if the file grows while being read.
        byte[] bytes = s.readNBytes(MAX_DOCUMENT_SIZE + 1);
        if (bytes.length > MAX_DOCUMENT_SIZE) {
          throw tooLarge(bytes.length);
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

  private static ChaosConfigException tooLarge(long size) {
    return new ChaosConfigException(
        ChaosConfigException.DOCUMENT,
        0,
        0,
        "the file has "
            + size
            + " bytes, more than the "
            + MAX_DOCUMENT_SIZE
            + " allowed; a config file is far smaller");
  }
}
