package io.mmbot.chaos;

import io.mmbot.chaos.rollback.GuardedInjector;
import java.util.function.LongSupplier;

/**
 * A {@link ChaosInjector} as the rollback guard's machinery sees it: the few calls of {@link
 * GuardedInjector}, one of them (the time source) a package-private field of the injector.
 * Stateless beyond the injector it wraps.
 */
final class GuardedInjectorAdapter implements GuardedInjector {

  private final ChaosInjector injector;

  GuardedInjectorAdapter(ChaosInjector injector) {
    this.injector = injector;
  }

  @Override
  public LongSupplier nanoClock() {
    return injector.clock;
  }

  @Override
  public ChaosConfig config() {
    return injector.config();
  }

  @Override
  public boolean burstActive() {
    return injector.burstActive();
  }

  @Override
  public boolean enabled() {
    return injector.enabled();
  }

  @Override
  public void disable(String reason) {
    injector.disable(reason);
  }

  @Override
  public void addListener(ChaosListener listener) {
    injector.addListener(listener);
  }

  @Override
  public void removeListener(ChaosListener listener) {
    injector.removeListener(listener);
  }

  @Override
  public void contain(Throwable failure) {
    FailureContainment.contain(failure);
  }
}
