package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A bad {@code @Chaos} fails its test before the body runs, naming the annotation and range. */
class ChaosAnnotationValidationTest {

  static final List<String> RAN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    RAN.clear();
  }

  private static Throwable failureOf(Class<?> testClass) {
    Throwable t = Kit.onlyFailure(Kit.run(testClass));
    assertThat(RAN).as("the test body must not run").isEmpty();
    assertThat(t).isExactlyInstanceOf(ExtensionConfigurationException.class);
    return t;
  }

  @ExtendWith(ChaosExtension.class)
  static class ProbabilityAboveOne {
    @Test
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 1.5)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aProbabilityAboveOneIsRejectedWithTheBuildersRange() {
    assertThat(failureOf(ProbabilityAboveOne.class))
        .hasMessage(
            "@Chaos(scenario = NET_LOSS, intensity = 1.5) on "
                + ProbabilityAboveOne.class.getName()
                + "#test() is invalid: netLoss (chaos.net_loss) = 1.5 is out of range: must be a"
                + " finite probability in [0, 1]");
  }

  @ExtendWith(ChaosExtension.class)
  @Chaos(scenario = Scenario.EXCH_429, intensity = -0.1)
  static class NegativeOnClass {
    @Test
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aBadClassLevelDeclarationNamesTheClass() {
    assertThat(failureOf(NegativeOnClass.class))
        .hasMessage(
            "@Chaos(scenario = EXCH_429, intensity = -0.1) on class "
                + NegativeOnClass.class.getName()
                + " is invalid: exch429 (chaos.exch_429) = -0.1 is out of range: must be a finite"
                + " probability in [0, 1]");
  }

  @ExtendWith(ChaosExtension.class)
  static class FractionalMilliseconds {
    @Test
    @Chaos(scenario = Scenario.LAT_SPIKE, intensity = 12.5)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aMagnitudeMustBeWholeMilliseconds() {
    assertThat(failureOf(FractionalMilliseconds.class))
        .hasMessageEndingWith(
            "is invalid: the intensity of LAT_SPIKE is a whole number of milliseconds"
                + " (lat_spike_ms in [0, 60000])")
        .hasMessageStartingWith("@Chaos(scenario = LAT_SPIKE, intensity = 12.5) on ");
  }

  @ExtendWith(ChaosExtension.class)
  static class MagnitudeTooLarge {
    @Test
    @Chaos(scenario = Scenario.WS_LAG, intensity = 60001)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aMagnitudeOutOfRangeGetsTheBuildersRange() {
    assertThat(failureOf(MagnitudeTooLarge.class))
        .hasMessageEndingWith(
            "is invalid: wsLagMs (chaos.ws_lag_ms) = 60001 is out of range: must be in [0, 60000]");
  }

  @ExtendWith(ChaosExtension.class)
  static class RateTooHigh {
    @Test
    @Chaos(scenario = Scenario.WS_DISCONNECT, intensity = 61)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aRateOutOfRangeSaysPerMinute() {
    assertThat(failureOf(RateTooHigh.class))
        .hasMessageEndingWith(
            "wsDisconnect (chaos.ws_disconnect) = 61.0 is out of range: must be a finite per"
                + " minute in [0, 60]");
  }

  @ExtendWith(ChaosExtension.class)
  static class NotANumber {
    @Test
    @Chaos(scenario = Scenario.DNS_FLAP, intensity = Double.NaN)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void notANumberIsRejected() {
    assertThat(failureOf(NotANumber.class))
        .hasMessageStartingWith("@Chaos(scenario = DNS_FLAP, intensity = NaN) on ")
        .hasMessageEndingWith(
            "dnsFlap (chaos.dns_flap) = NaN is out of range: must be a finite"
                + " probability in [0, 1]");
  }

  @ExtendWith(ChaosExtension.class)
  static class ProbabilityOnAProbabilityScenario {
    @Test
    @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.1, probability = 0.5)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void probabilityIsOnlyForMagnitudeScenarios() {
    assertThat(failureOf(ProbabilityOnAProbabilityScenario.class))
        .hasMessageStartingWith(
            "@Chaos(scenario = EXCH_5XX, intensity = 0.1, probability = 0.5) on ")
        .hasMessageEndingWith(
            "is invalid: probability applies only to LAT_SPIKE, WS_LAG and CLOCK_SKEW; the"
                + " intensity of EXCH_5XX is itself a probability");
  }

  @ExtendWith(ChaosExtension.class)
  static class MagnitudeProbabilityAboveOne {
    @Test
    @Chaos(scenario = Scenario.CLOCK_SKEW, intensity = 80, probability = 2)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void aMagnitudesProbabilityIsCheckedToo() {
    assertThat(failureOf(MagnitudeProbabilityAboveOne.class))
        .hasMessageEndingWith(
            "clockSkewProbability (chaos.clock_skew.probability) = 2.0 is out of range: must be a"
                + " finite probability in [0, 1]");
  }

  @ExtendWith(ChaosExtension.class)
  static class Twice {
    @Test
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.1)
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 0.2)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void theSameScenarioTwiceInOnePlaceIsAnError() {
    assertThat(failureOf(Twice.class))
        .hasMessage(
            "@Chaos(scenario = NET_LOSS) is declared twice on "
                + Twice.class.getName()
                + "#test(): declare each scenario once per class or method");
  }

  @ExtendWith(ChaosExtension.class)
  static class EveryScenarioInRange {
    @Test
    @Chaos(scenario = Scenario.NET_LOSS, intensity = 1)
    @Chaos(scenario = Scenario.EXCH_429, intensity = 0)
    @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.5)
    @Chaos(scenario = Scenario.LAT_SPIKE, intensity = 60000)
    @Chaos(scenario = Scenario.WS_LAG, intensity = 0)
    @Chaos(scenario = Scenario.WS_DISCONNECT, intensity = 60)
    @Chaos(scenario = Scenario.DNS_FLAP, intensity = 0.05)
    @Chaos(scenario = Scenario.CLOCK_SKEW, intensity = 3_600_000, probability = 0)
    @Chaos(scenario = Scenario.RATE_LIMIT_STORM, intensity = 0.4)
    @Chaos(scenario = Scenario.RECONCILE_MISMATCH, intensity = 0.1)
    void test() {
      RAN.add("test");
    }
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    Kit.run(EveryScenarioInRange.class).testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(RAN).containsExactly("test");
  }
}
