package io.mmbot.chaos.metrics;

import io.mmbot.chaos.MismatchType;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What a binding may be given besides its injector and common tags: the allowed {@code kind} and
 * {@code type} values, the partial-failure window and its nano clock. Checked by {@link
 * ChaosMetrics.Builder} before they get here.
 *
 * @param kinds the allowed values of {@code kind}, without {@code other}
 * @param types the allowed values of {@code type}, without {@code other}
 * @param partialFailWindow the recent window of {@code mm_partial_fail_rate}
 * @param nanoClock the nano clock of that window, or null for the registry's clock
 */
record BindingOptions(
    Set<String> kinds, Set<String> types, Duration partialFailWindow, LongSupplier nanoClock) {

  /** The connection kinds counted under their own series by default. */
  static final String[] DEFAULT_KINDS = {"ws", "rest"};

  BindingOptions {
    kinds = Set.copyOf(kinds);
    types = Set.copyOf(types);
  }

  /**
   * Defaults: {@code ws} and {@code rest}, the mismatch keys, one minute on the registry's clock.
   */
  static BindingOptions defaults() {
    return new BindingOptions(
        Set.of(DEFAULT_KINDS), Set.of(mismatchKeys()), Duration.ofMinutes(1), null);
  }

  /** The {@link MismatchType} keys, the default values of {@code type}. */
  static String[] mismatchKeys() {
    MismatchType[] all = MismatchType.values();
    String[] keys = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      keys[i] = all[i].key();
    }
    return keys;
  }
}
