package io.mmbot.chaos.metrics;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One counter per allowed value of a label, plus a catch-all {@code other}, all registered up
 * front. The set is fixed when the counters are built, so a caller that passes ever new values
 * cannot grow the number of series: an unknown value is counted under {@code other}.
 *
 * <p>A value is looked up as given; on a miss it is stripped and lower-cased and looked up again
 * (so {@code "WS"} counts as {@code ws}), and only then falls back to {@code other}.
 *
 * <p>Thread safety: immutable after construction; safe for concurrent use. A lookup of a known
 * value allocates nothing.
 */
final class BoundedCounters {

  private final Map<String, Counter> counters;
  private final Counter other;

  BoundedCounters(
      Registration registration, String name, String help, String tagKey, Set<String> values) {
    Map<String, Counter> m = new HashMap<>();
    for (String v : values) {
      m.put(v, register(registration, name, help, tagKey, v));
    }
    this.other = register(registration, name, help, tagKey, MeterNames.OTHER);
    this.counters = Map.copyOf(m);
  }

  /**
   * The counter for {@code value}: its own if it is in the set, else {@code other}.
   *
   * @param argument the parameter name used in the error message
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  Counter counter(String argument, String value) {
    Objects.requireNonNull(value, argument + " must not be null");
    Counter c = counters.get(value);
    if (c != null) {
      return c;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(argument + " must not be blank");
    }
    c = counters.get(value.strip().toLowerCase(Locale.ROOT));
    return c != null ? c : other;
  }

  private static Counter register(
      Registration registration, String name, String help, String tagKey, String value) {
    return registration.add(
        Counter.builder(name)
            .description(help)
            .tags(registration.tags())
            .tag(tagKey, value)
            .register(registration.registry()));
  }
}
