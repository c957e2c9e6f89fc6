package io.mmbot.chaos;

/**
 * Thrown by {@link ChaosInjector#update} when a configuration with {@code enabled: true} is refused
 * because something keeps chaos off: an {@link EnableVeto} (such as a config file that says {@code
 * enabled: false}), or an injector that stays off for good (the default of {@link GlobalChaos}
 * before {@code init}). Nothing changed. The message says why.
 */
public final class EnableRefusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message is {@code reason}. */
  public EnableRefusedException(String reason) {
    super(reason);
  }
}
