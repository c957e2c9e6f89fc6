package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.EnableRefusedException;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test's injector is off for good once the test is over, so code that captured it (a lazily built
 * connector singleton, say) injects nothing into later tests.
 */
class AfterTheTestTest {

  /** Injectors captured by the tests below, as a singleton built during a test would. */
  static final List<ChaosInjector> CAPTURED = new CopyOnWriteArrayList<>();

  static final List<Boolean> SEEN_IN_AFTER_EACH = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    CAPTURED.clear();
    SEEN_IN_AFTER_EACH.clear();
  }

  @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.0)
  @ExtendWith(ChaosExtension.class)
  static class CapturingTest {
    @Test
    void capturesItsInjector(ChaosInjector chaos) {
      CAPTURED.add(chaos);
      CAPTURED.add(GlobalChaos.get());
      assertThat(chaos.shouldInjectNetLoss()).isTrue();
    }

    @AfterEach
    void stillOnInAfterEach(ChaosInjector chaos) {
      SEEN_IN_AFTER_EACH.add(chaos.shouldInjectNetLoss());
    }
  }

  @Test
  void aCapturedInjectorInjectsNothingAfterItsTest() {
    Kit.run(CapturingTest.class).testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(CAPTURED).hasSize(2);
    assertThat(SEEN_IN_AFTER_EACH).as("still live in @AfterEach").containsExactly(true);
    for (ChaosInjector captured : CAPTURED) {
      assertThat(captured.enabled()).isFalse();
      for (int i = 0; i < 100; i++) {
        assertThat(captured.shouldInjectNetLoss()).isFalse();
      }
      assertThat(captured.enableRefusal()).contains("test").contains("ended");
      assertThatThrownBy(() -> captured.update(captured.config().withEnabled(true)))
          .isInstanceOf(EnableRefusedException.class);
    }
    assertThat(GlobalChaos.get()).isNotSameAs(CAPTURED.get(0));
  }

  @Chaos(scenario = Scenario.EXCH_5XX, intensity = 1.0)
  @ExtendWith(ChaosExtension.class)
  static class FailingCapturingTest {
    @Test
    void fails(ChaosInjector chaos) {
      CAPTURED.add(chaos);
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void theInjectorOfAFailedTestIsOffToo() {
    Kit.run(FailingCapturingTest.class).testEvents().assertStatistics(s -> s.failed(1));
    assertThat(CAPTURED).singleElement().satisfies(c -> assertThat(c.enabled()).isFalse());
    assertThat(CAPTURED.get(0).shouldInjectExch5xx()).isFalse();
  }
}
