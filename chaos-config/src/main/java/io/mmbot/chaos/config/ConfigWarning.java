package io.mmbot.chaos.config;

import java.util.Objects;

/**
 * Something in a {@code config.yaml} that is valid but almost certainly not what its author meant,
 * and that leaves chaos off without a word otherwise: a top-level block that looks like {@code
 * chaos:} but is not ({@code choas:}, {@code Chaos:}, a {@code chaos} spelled with a Cyrillic
 * letter), an empty {@code chaos: {}}, or a {@code chaos:} block that arrives only through a merge
 * key ({@code <<: *base}), which mm-chaos does not follow. Chaos stays off in every case; the
 * loader logs each warning, and {@code mm-chaos validate} exits non-zero on any.
 *
 * @param keyPath the key path of the problem, such as {@code choas} or {@code chaos}
 * @param line the 1-based line of the problem
 * @param column the 1-based column of the problem
 * @param detail what looks wrong and what happens (chaos stays off)
 * @param suggestion what to write instead, such as {@code chaos:}; null when there is nothing to
 *     suggest
 */
public record ConfigWarning(
    String keyPath, int line, int column, String detail, String suggestion) {

  /** Checks that the parts are present. */
  public ConfigWarning {
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(detail, "detail");
  }

  /** The warning as one line, as the loader logs it: path, position, detail, suggestion. */
  public String message() {
    String where = line > 0 ? keyPath + " at " + line + ":" + column : keyPath;
    return where
        + ": "
        + detail
        + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?");
  }

  @Override
  public String toString() {
    return message();
  }
}
