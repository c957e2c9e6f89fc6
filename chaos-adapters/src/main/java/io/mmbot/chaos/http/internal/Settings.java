package io.mmbot.chaos.http.internal;

import java.time.Duration;
import java.util.Objects;

/** Validation shared by the adapters' builders: a message that names the setting and its range. */
public final class Settings {

  private Settings() {}

  /**
   * {@code d} if it lies in {@code [min, max]}.
   *
   * @throws NullPointerException naming the setting, if {@code d} is null
   * @throws IllegalArgumentException naming the setting, the range and the value, otherwise
   */
  public static Duration inRange(String name, Duration d, Duration min, Duration max) {
    Objects.requireNonNull(d, name);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + d);
    }
    return d;
  }
}
