package io.mmbot.chaos;

import java.util.List;

/** Reason codes used when chaos is switched off. Callers may pass their own codes as well. */
public final class ChaosReasons {
  /** {@code max_duration_sec} passed since chaos was enabled. */
  public static final String EXPIRED = "EXPIRED";

  /** An operator or the bot called {@link ChaosInjector#disable(String)} without a reason. */
  public static final String MANUAL = "MANUAL";

  /** A configuration update with {@code enabled: false}. */
  public static final String CONFIG_DISABLED = "CONFIG_DISABLED";

  /** The rollback guard's p95 tick trigger: p95 above the baseline by too much for too long. */
  public static final String P95_TICK = "P95_TICK";

  /** The rollback guard's deadline-miss trigger: too many ticks missed their deadline. */
  public static final String DEADLINE_MISS = "DEADLINE_MISS";

  /** The rollback guard's partial-failure trigger: too many operations failed partially. */
  public static final String PARTIAL_FAIL = "PARTIAL_FAIL";

  /**
   * Switched off from outside the process: the control endpoint's {@code POST /chaos/disable}
   * without a reason, or an Alertmanager alert without a {@code reason} label.
   */
  public static final String REMOTE = "REMOTE";

  /**
   * A configuration file that became invalid, unreadable or missing. The config watcher adds the
   * error after a colon ({@code CONFIG_INVALID: <message>}); the code is the part before it.
   */
  public static final String CONFIG_INVALID = "CONFIG_INVALID";

  /** The rollback guard itself failed while evaluating; it switches chaos off to be safe. */
  public static final String GUARD_ERROR = "GUARD_ERROR";

  /**
   * Every code above, in a stable order: the automatic triggers first, then the others. These are
   * also the {@code reason} labels of the shipped Prometheus alert rules and of {@code
   * mm_chaos_rollbacks_total}.
   */
  public static final List<String> ALL =
      List.of(
          P95_TICK,
          DEADLINE_MISS,
          PARTIAL_FAIL,
          REMOTE,
          CONFIG_INVALID,
          EXPIRED,
          MANUAL,
          CONFIG_DISABLED,
          GUARD_ERROR);

  /** The codes of the three automatic rollback triggers. */
  public static final List<String> TRIGGERS = List.of(P95_TICK, DEADLINE_MISS, PARTIAL_FAIL);

  /**
   * The code of a reason: the part before the first {@code ':'} (so {@code "CONFIG_INVALID: bad
   * key"} has code {@code CONFIG_INVALID}), stripped; the whole reason if it has no colon.
   */
  public static String codeOf(String reason) {
    if (reason == null) {
      return null;
    }
    int colon = reason.indexOf(':');
    return (colon < 0 ? reason : reason.substring(0, colon)).strip();
  }

  private ChaosReasons() {}
}
