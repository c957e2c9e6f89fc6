package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partial-failure window reads the library's nano clock when given one, so the injector and the
 * metrics share one virtual clock; the registry's Micrometer clock stays the default.
 */
class PartialFailNanoClockTest {

  private final MockClock registryClock = new MockClock();
  private final SimpleMeterRegistry registry =
      new SimpleMeterRegistry(SimpleConfig.DEFAULT, registryClock);
  private final VirtualTime time = new VirtualTime();
  private ChaosMetrics metrics;

  @AfterEach
  void close() {
    if (metrics != null) {
      metrics.close();
    }
  }

  private ChaosMetrics.Builder builder() {
    ChaosInjector injector =
        ChaosInjector.builder().config(ChaosConfig.defaults()).nanoClock(time).build();
    return ChaosMetrics.builder(injector, registry).partialFailWindow(Duration.ofSeconds(20));
  }

  private double rate() {
    Gauge gauge = registry.get("mm.partial.fail.rate").gauge();
    return gauge.value();
  }

  @Test
  void theWindowFollowsTheNanoClockAndNotTheRegistryClock() {
    metrics = builder().nanoClock(time).build();
    metrics.recordOperation(true);

    registryClock.add(Duration.ofMinutes(5));
    assertThat(rate()).as("the registry's clock moved, the window's did not").isEqualTo(1.0);

    time.advance(Duration.ofSeconds(21));
    assertThat(rate()).as("the failure has aged out on the nano clock").isZero();
  }

  @Test
  void theLaterOfClockAndNanoClockWins() {
    metrics = builder().nanoClock(time).clock(registryClock).build();
    metrics.recordOperation(true);

    time.advance(Duration.ofSeconds(21));
    assertThat(rate()).isEqualTo(1.0);
    registryClock.add(Duration.ofSeconds(21));
    assertThat(rate()).isZero();
  }

  @Test
  void aNullNanoClockIsRefused() {
    assertThatThrownBy(() -> builder().nanoClock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("nanoClock");
  }
}
