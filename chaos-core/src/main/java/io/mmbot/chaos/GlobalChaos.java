package io.mmbot.chaos;

import java.util.Objects;

/**
 * A process-wide injector for bots that cannot pass one around: {@link #init(ChaosConfig)} once at
 * start-up, {@link #get()} wherever a hook is needed.
 *
 * <p>Until {@code init} is called, {@link #get()} returns a disabled injector whose gates cost one
 * volatile read and return false; it never starts a clock thread. Prefer passing a {@link
 * ChaosInjector} explicitly where you can: tests then need no global state. Safe for concurrent
 * use.
 */
public final class GlobalChaos {

  private static final ChaosInjector DISABLED = ChaosInjector.create(ChaosConfig.defaults());

  private static volatile ChaosInjector current = DISABLED;

  private GlobalChaos() {}

  /** Creates an injector for {@code config} on the system time source and makes it global. */
  public static ChaosInjector init(ChaosConfig config) {
    return init(ChaosInjector.create(Objects.requireNonNull(config, "config")));
  }

  /** Makes {@code injector} the global one and returns it. */
  public static ChaosInjector init(ChaosInjector injector) {
    current = Objects.requireNonNull(injector, "injector");
    return injector;
  }

  /** The global injector: the last one passed to {@code init}, or a disabled one. */
  public static ChaosInjector get() {
    return current;
  }

  /** Disables the global injector (reason {@code MANUAL}) and puts the disabled default back. */
  public static void reset() {
    ChaosInjector previous = current;
    current = DISABLED;
    previous.disable(ChaosReasons.MANUAL);
  }
}
