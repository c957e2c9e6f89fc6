package io.mmbot.chaos;

import java.util.Objects;

/**
 * A process-wide injector for bots that cannot pass one around: {@link #init(ChaosConfig)} once at
 * start-up, {@link #get()} wherever a hook is needed.
 *
 * <p>Until {@code init} is called, and again after {@link #reset()}, {@link #get()} returns a
 * default injector that is off for good: its gates cost one volatile read and return false, it
 * never starts a clock thread, and an {@link ChaosInjector#update update} that would switch it on
 * is refused with an {@link EnableRefusedException} (so no code path can turn on chaos for everyone
 * by accident before {@code init}). Updates that keep it off are accepted and change nothing that
 * matters. Prefer passing a {@link ChaosInjector} explicitly where you can: tests then need no
 * global state. Safe for concurrent use.
 */
public final class GlobalChaos {

  private static final ChaosInjector DISABLED =
      ChaosInjector.builder()
          .config(ChaosConfig.defaults())
          .instanceId("global-default")
          .permanentlyOff(
              "GlobalChaos.get() before GlobalChaos.init(...) is an injector that stays off for"
                  + " good; call GlobalChaos.init(config) or GlobalChaos.init(injector) to install"
                  + " one that can be switched on")
          .build();

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

  /**
   * Puts the permanently-off default back and disables the injector that was global (reason {@code
   * MANUAL}). Afterwards chaos is off through {@link #get()} whatever that injector's listeners or
   * clock do: the default is installed first, and {@link ChaosInjector#disable} switches the old
   * one off before it tells anyone.
   */
  public static void reset() {
    ChaosInjector previous = current;
    current = DISABLED;
    previous.disable(ChaosReasons.MANUAL);
  }
}
