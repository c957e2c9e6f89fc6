package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.VirtualTime;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/** Injectors for the exchange's fault tests: chaos on, continuous bursts, fixed seed. */
final class Chaos {
  private Chaos() {}

  /** An injector on the machine's nanosecond clock. */
  static ChaosInjector injector(UnaryOperator<ChaosConfig.Builder> scenarios) {
    return injector(scenarios, System::nanoTime);
  }

  /** An injector whose burst clock is {@code time}, so a test can move time inside a burst. */
  static ChaosInjector injector(UnaryOperator<ChaosConfig.Builder> scenarios, VirtualTime time) {
    return injector(scenarios, (LongSupplier) time);
  }

  /** An injector with chaos off, to be switched on later with {@link #config}. */
  static ChaosInjector off() {
    return ChaosInjector.builder().config(ChaosConfig.builder().build()).seed(42).build();
  }

  /** Chaos on with {@code scenarios}, continuous bursts. */
  static ChaosConfig config(UnaryOperator<ChaosConfig.Builder> scenarios) {
    return scenarios
        .apply(ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0))
        .build();
  }

  private static ChaosInjector injector(
      UnaryOperator<ChaosConfig.Builder> scenarios, LongSupplier nanos) {
    return ChaosInjector.builder().config(config(scenarios)).seed(42).nanoClock(nanos).build();
  }
}
