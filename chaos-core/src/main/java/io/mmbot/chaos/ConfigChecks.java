package io.mmbot.chaos;

/**
 * The range checks shared by the configuration builders. Every failure is an {@link
 * IllegalArgumentException} of the form {@code field (key) = value is out of range: must be …},
 * naming the builder field, the config key, the bad value and the allowed range.
 */
final class ConfigChecks {

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private ConfigChecks() {}

  /**
   * {@code value} must be finite and in {@code [0, max]}; {@code what} names its kind. Negative
   * zero is refused too: it compares equal to 0 but would be shown and written as {@code -0.0}.
   */
  static void finiteUpTo(String field, String key, double value, double max, String what) {
    if (!(value >= 0 && value <= max) || Double.doubleToRawLongBits(value) == NEGATIVE_ZERO) {
      throw new IllegalArgumentException(
          field
              + " ("
              + key
              + ") = "
              + value
              + " is out of range: must be a finite "
              + what
              + " in [0, "
              + trim(max)
              + "]");
    }
  }

  /** {@code value} must be in {@code [min, max]}; a non-empty {@code unit} follows the range. */
  static void inRange(String field, String key, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field
              + " ("
              + key
              + ") = "
              + value
              + " is out of range: must be in ["
              + min
              + ", "
              + max
              + "]"
              + (unit.isEmpty() ? "" : " " + unit));
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
