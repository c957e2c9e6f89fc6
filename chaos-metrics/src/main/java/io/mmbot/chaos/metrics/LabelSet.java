package io.mmbot.chaos.metrics;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allowed values of one bounded label, collected by {@link ChaosMetrics.Builder} and checked as
 * they are added. Not thread-safe (builder use only).
 */
final class LabelSet {

  static final String VALUE_PATTERN = "[a-z][a-z0-9_]{0,31}";
  static final int MAX_VALUES = 32;

  private static final Pattern VALUE = Pattern.compile(VALUE_PATTERN);

  private final String setting;
  private final Set<String> values = new LinkedHashSet<>();

  LabelSet(String setting, String... defaults) {
    this.setting = setting;
    add(defaults);
  }

  void add(String... more) {
    Objects.requireNonNull(more, setting + " must not be null");
    for (String v : more) {
      if (v == null || !VALUE.matcher(v).matches() || v.equals(MeterNames.OTHER)) {
        throw new IllegalArgumentException(
            setting
                + ": '"
                + v
                + "' is not allowed: must match "
                + VALUE_PATTERN
                + " and not be '"
                + MeterNames.OTHER
                + "'");
      }
      values.add(v);
      if (values.size() > MAX_VALUES) {
        throw new IllegalArgumentException(
            setting + " holds more than " + MAX_VALUES + " values; each one is a series");
      }
    }
  }

  Set<String> values() {
    return Set.copyOf(values);
  }
}
