package io.mmbot.chaos;

/**
 * A condition that forbids switching chaos on, registered with {@link ChaosInjector#addEnableVeto}.
 * While any registered veto answers a reason, {@link ChaosInjector#update} refuses every
 * configuration with {@code enabled: true} by throwing {@link EnableRefusedException}; disabling is
 * never vetoed.
 *
 * <p>The config watcher of chaos-config registers one so that its file, once it says {@code
 * enabled: false} or cannot be read, wins over any other way of switching chaos on (the control
 * endpoint's {@code POST /chaos/enable} answers 409 with the reason).
 *
 * <p>{@link #refusal()} is called on the thread that tries to enable chaos: it must be fast, must
 * not block and should not throw (a veto that throws refuses, to be safe). Implementations must be
 * safe for concurrent use.
 */
@FunctionalInterface
public interface EnableVeto {

  /** Why chaos must not be switched on now (a sentence for an operator), or null if it may be. */
  String refusal();
}
