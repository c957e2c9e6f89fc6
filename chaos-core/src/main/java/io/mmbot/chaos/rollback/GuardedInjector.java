package io.mmbot.chaos.rollback;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosListener;
import java.util.function.LongSupplier;

/**
 * Everything the rollback guard's machinery needs from the injector it watches, and nothing more:
 * its time source, its configuration and burst state, the switch that turns chaos off, the
 * registration of the guard's listener and the injector's rule for a failure it contains.
 *
 * <p>The guard itself ({@link io.mmbot.chaos.RollbackGuard}) supplies the one implementation, over
 * a {@link io.mmbot.chaos.ChaosInjector}; the machinery in this package never sees the injector, so
 * what it may do to it is read here in one place.
 */
public interface GuardedInjector {

  /** The injector's time source, the guard's clock unless the guard is given one of its own. */
  LongSupplier nanoClock();

  /** The configuration in force (thresholds come from its {@code rollback()} part). */
  ChaosConfig config();

  /** Whether chaos is live and in the active phase of a burst now. */
  boolean burstActive();

  /** Whether chaos is enabled. */
  boolean enabled();

  /** Switches chaos off with {@code reason}; never throws for a listener or a logger that does. */
  void disable(String reason);

  /** Registers the listener that tells the guard of enables, bursts and disables. */
  void addListener(ChaosListener listener);

  /** Removes that listener; does nothing if it is not registered. */
  void removeListener(ChaosListener listener);

  /**
   * Applies the injector's rule to a failure the guard contains: rethrows a {@link
   * VirtualMachineError} and restores the interrupt flag for an {@link InterruptedException};
   * returns normally for anything else.
   */
  void contain(Throwable failure);
}
