package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void initRejectsNull() {
    assertThatThrownBy(() -> GlobalChaos.init((ChaosInjector) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GlobalChaos.init((ChaosConfig) null))
        .isInstanceOf(NullPointerException.class);
  }
}
