package io.mmbot.chaos;

/** Reason codes used when chaos is switched off. Callers may pass their own codes as well. */
public final class ChaosReasons {
  /** {@code max_duration_sec} passed since chaos was enabled. */
  public static final String EXPIRED = "EXPIRED";

  /** An operator or the bot called {@link ChaosInjector#disable(String)} without a reason. */
  public static final String MANUAL = "MANUAL";

  /** A configuration update with {@code enabled: false}. */
  public static final String CONFIG_DISABLED = "CONFIG_DISABLED";

  private ChaosReasons() {}
}
