package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.time.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalChaosTest {

  @AfterEach
  void restore() {
    GlobalChaos.reset();
  }

  @Test
  void defaultIsADisabledInjectorThatNeverFires() {
    ChaosInjector d = GlobalChaos.get();
    assertThat(d.enabled()).isFalse();
    for (int i = 0; i < 1_000; i++) {
      ProbabilityGateTest.assertNoScenarioFires(d, "global default");
    }
    assertThat(GlobalChaos.get()).isSameAs(d);
  }

  @Test
  void initInstallsAnInjectorAndResetDisablesIt() {
    ChaosInjector injector =
        GlobalChaos.init(
            ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).netLoss(1).build());
    assertThat(GlobalChaos.get()).isSameAs(injector);
    assertThat(GlobalChaos.get().shouldInjectNetLoss()).isTrue();
    GlobalChaos.reset();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.MANUAL);
    assertThat(GlobalChaos.get()).isNotSameAs(injector);
    assertThat(GlobalChaos.get().shouldInjectNetLoss()).isFalse();
  }

  @Test
  void theDefaultBeforeInitCannotBeSwitchedOnSoResetCannotLeaveChaosOn() {
    ChaosConfig on =
        ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).netLoss(1).build();

    assertThatThrownBy(() -> GlobalChaos.get().update(on))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GlobalChaos.init");

    assertThat(GlobalChaos.get().enabled()).isFalse();
    assertThat(GlobalChaos.get().shouldInjectNetLoss()).isFalse();
    GlobalChaos.reset();
    assertThat(GlobalChaos.get().enabled()).isFalse();
    ProbabilityGateTest.assertNoScenarioFires(GlobalChaos.get(), "after reset");
  }

  @Test
  void theDefaultAcceptsUpdatesThatKeepItOff() {
    ChaosInjector d = GlobalChaos.get();

    d.update(ChaosConfig.builder().enabled(false).netLoss(0.5).build());
    d.disable("MANUAL");

    assertThat(d.enabled()).isFalse();
    assertThat(d.shouldInjectNetLoss()).isFalse();
  }

  @Test
  void resetSwitchesOffEvenWhenTheInstalledInjectorsListenersAndClockFail() {
    ChaosInjector injector =
        GlobalChaos.init(
            ChaosInjector.builder()
                .config(ProbabilityGateTest.allAtOne().burstOffSec(0).build())
                .nanoClock(new VirtualTime())
                .listener(
                    new ChaosListener() {
                      @Override
                      public void onStateChange(StateChange change) {
                        throw new AssertionError("listener bug");
                      }
                    })
                .build());

    GlobalChaos.reset();

    assertThat(injector.enabled()).isFalse();
    ProbabilityGateTest.assertNoScenarioFires(injector, "reset");
    ProbabilityGateTest.assertNoScenarioFires(GlobalChaos.get(), "reset");
  }

  @Test
  void initRejectsNull() {
    assertThatThrownBy(() -> GlobalChaos.init((ChaosInjector) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GlobalChaos.init((ChaosConfig) null))
        .isInstanceOf(NullPointerException.class);
  }
}
