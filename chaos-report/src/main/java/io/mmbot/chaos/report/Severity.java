package io.mmbot.chaos.report;

import java.util.Locale;

/** How serious a finding is, most serious first. The rules are in {@code docs/findings.md}. */
public enum Severity {
  /** A criterion missed by more than half its margin, or a pass rate confidently below 90 %. */
  HIGH,
  /** A criterion missed, or runs failed. */
  MEDIUM,
  /** A criterion met with less than a tenth of its margin left. */
  LOW;

  /** The lower-case name used in findings.json: {@code "high"}, {@code "medium"}, {@code "low"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with this key. */
  public static Severity fromKey(String key) {
    for (Severity s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + key + "'; expected high, medium or low");
  }
}
