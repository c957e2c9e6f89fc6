package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** A failing dynamic test of a chaos test factory carries the seed line as a test method does. */
class DynamicTestSeedLineTest {

  @ExtendWith(ChaosExtension.class)
  static class Factory {
    @TestFactory
    @ChaosSeed(11)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.0)
    Stream<DynamicTest> cases(ChaosInjector chaos) {
      return Stream.of(
          dynamicTest("passes", () -> chaos.shouldInjectNetLoss()),
          dynamicTest(
              "fails",
              () -> {
                chaos.shouldInjectNetLoss();
                assertEquals(1, 2, "fills");
              }));
    }
  }

  @Test
  void aFailingDynamicTestNamesTheSeedAndTheInjections() {
    List<Throwable> failures = Kit.failures(Kit.run(Factory.class));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getMessage())
        .startsWith("fills ==> expected: <1> but was: <2>\n")
        .contains("mm-chaos: seed 11 (from @ChaosSeed)")
        .endsWith("injections: net_loss=2");
  }
}
