package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the {@code chaos:} block of the bot's whole {@code config.yaml} into a {@link ChaosConfig}.
 *
 * <p>Other top-level blocks are ignored; a document without a {@code chaos:} block means chaos off
 * ({@link ChaosConfig#defaults()}); an empty document is an error. The seed's flat keys ({@code
 * net_loss: 0.3}, {@code lat_spike_ms: 200}, …) bind exactly as written; a structured block per
 * scenario ({@code lat_spike: {magnitude_ms: 200, probability: 0.2}}) and a {@code rollback:} block
 * set the rest. {@code docs/configuration.md} lists every key.
 *
 * <p>Loading is safe: nothing is constructed from tags, global tags are refused, no tag at all is
 * accepted inside the {@code chaos:} block ({@code !!float 0.3} included), duplicate keys are
 * errors, and documents are bounded ({@value #MAX_DOCUMENT_SIZE} characters or bytes, {@value
 * #MAX_NESTING_DEPTH} levels of nesting, {@value #MAX_COLLECTION_ALIASES} aliases to lists or
 * mappings), so an alias bomb or a huge file is refused at once in bounded memory.
 *
 * <p>A file must be a regular file (a symbolic link to one is followed): a directory, a FIFO, a
 * device or a socket is refused from its attributes without being opened, and the read is bounded
 * in time ({@link #MAX_READ_TIME}) as well as in size, so no file can block the caller.
 *
 * <p>Some valid documents leave chaos off where their author surely meant otherwise: a top-level
 * {@code choas:}, {@code Chaos:} or look-alike of {@code chaos:}, an empty {@code chaos: {}}, or a
 * {@code chaos:} block that arrives only through a merge key. Chaos stays off, each such case is
 * logged as a warning, and {@link #loadWithWarnings} / {@link #parseWithWarnings} return them as
 * {@link ConfigWarning}s (with a suggestion such as {@code chaos:}) for tools that must not accept
 * them silently.
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

  /** Longest time a file read may take before it is given up as unreadable. */
  public static final Duration MAX_READ_TIME = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(ChaosConfigLoader.class.getName());

  private ChaosConfigLoader() {}

  /**
   * Reads and binds a {@code config.yaml} file, which must be a regular UTF-8 file. Warnings (see
   * {@link ConfigWarning}) are logged.
   *
   * @throws ChaosConfigException if the file is missing, not a regular file, unreadable, too large,
   *     not read within {@link #MAX_READ_TIME}, not UTF-8, or its {@code chaos:} block is invalid
   */
  public static ChaosConfig load(Path file) {
    return logged(loadWithWarnings(file));
  }

  /**
   * Like {@link #load} but returns the warnings with the configuration instead of logging them.
   *
   * @throws ChaosConfigException as {@link #load}
   */
  public static LoadedConfig loadWithWarnings(Path file) {
    return load(file, MAX_READ_TIME, BoundedRead.FILES);
  }

  /** {@link #loadWithWarnings} with another time bound and way of opening the file (tests). */
  static LoadedConfig load(Path file, Duration readTime, BoundedRead.Opener opener) {
    if (file == null) {
      throw new ChaosConfigException(ChaosConfigException.DOCUMENT, 0, 0, "no file given");
    }
    return fromBytes(BoundedRead.read(file, MAX_DOCUMENT_SIZE, readTime, opener));
  }

  /**
   * Binds the {@code chaos:} block of a whole {@code config.yaml} given as text. Warnings (see
   * {@link ConfigWarning}) are logged.
   *
   * @throws ChaosConfigException if the text is empty, not YAML, too large, or its {@code chaos:}
   *     block is invalid
   */
  public static ChaosConfig parse(String yaml) {
    return logged(parseWithWarnings(yaml));
  }

  /**
   * Like {@link #parse} but returns the warnings with the configuration instead of logging them.
   *
   * @throws ChaosConfigException as {@link #parse}
   */
  public static LoadedConfig parseWithWarnings(String yaml) {
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

  private static ChaosConfig logged(LoadedConfig loaded) {
    for (ConfigWarning w : loaded.warnings()) {
      try {
        LOG.log(System.Logger.Level.WARNING, "mm-chaos config: {0}", w.message());
      } catch (RuntimeException e) {
        // A broken logging backend must not turn a valid document into a failure.
      }
    }
    return loaded.config();
  }

  /** Decodes strict UTF-8 (naming the line and column of the first bad byte) and binds. */
  static LoadedConfig fromBytes(byte[] bytes) {
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
    return parseWithWarnings(out.flip().toString());
  }

  static ChaosConfigException tooLarge(long size) {
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
