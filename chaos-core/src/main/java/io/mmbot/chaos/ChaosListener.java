package io.mmbot.chaos;

/**
 * Hears what an injector does. Both methods have empty defaults, so an implementation overrides
 * only what it needs.
 *
 * <p>Listeners run on the thread that called the gate or changed the state, so they must be quick
 * and safe for concurrent use. Whatever a listener throws, except a {@link VirtualMachineError}, is
 * caught and logged through {@link System.Logger} at a bounded rate: any {@link RuntimeException},
 * an {@link AssertionError} or other {@link Error}, even a checked exception thrown sneakily (an
 * {@link InterruptedException} also sets the thread's interrupt flag again). It never reaches the
 * bot's network code, never changes a gate's decision, and never stops the listeners after it from
 * hearing the same event. A {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link
 * StackOverflowError}) is rethrown, but only after every other listener has heard the event and,
 * for {@link Change#DISABLED}, after chaos is already off.
 */
public interface ChaosListener {

  /**
   * A gate fired.
   *
   * @param scenario the scenario whose gate fired
   * @param dryRun true when this was a would-be injection in shadow mode (the hook returned false)
   */
  default void onInjection(Scenario scenario, boolean dryRun) {}

  /** Chaos was enabled, disabled, reconfigured, or a burst started or ended. */
  default void onStateChange(StateChange change) {}

  /** What changed. */
  enum Change {
    /** Chaos went from off to on; a new burst cycle starts. */
    ENABLED,
    /** Chaos went from on to off; {@link StateChange#reason()} says why. */
    DISABLED,
    /** The configuration changed while chaos stayed on (or stayed off). */
    UPDATED,
    /** A burst (active phase) started; noticed by the first gate call inside it. */
    BURST_STARTED,
    /** A burst ended; noticed by the first gate call after it. */
    BURST_ENDED
  }

  /**
   * One state change.
   *
   * @param change what changed
   * @param reason a reason code such as {@code EXPIRED}, {@code MANUAL} or {@code CONFIG_DISABLED};
   *     empty unless the change is {@link Change#DISABLED}
   * @param config the configuration in force after the change
   * @param nanoTime the injector's time source at the change
   */
  record StateChange(Change change, String reason, ChaosConfig config, long nanoTime) {}
}
