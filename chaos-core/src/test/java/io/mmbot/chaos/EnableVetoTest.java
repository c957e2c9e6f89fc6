package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An enable veto keeps chaos off: enabling is refused while it holds, disabling never is. */
class EnableVetoTest {

  private final VirtualTime clock = new VirtualTime();
  private final List<ChaosListener.StateChange> changes = new ArrayList<>();
  private final ChaosInjector injector =
      ChaosInjector.builder()
          .config(ChaosConfig.builder().enabled(false).dryRun(false).netLoss(0.5).build())
          .nanoClock(clock)
          .listener(
              new ChaosListener() {
                @Override
                public void onStateChange(StateChange change) {
                  changes.add(change);
                }
              })
          .build();

  @AfterEach
  void resetGlobal() {
    GlobalChaos.reset();
  }

  @Test
  void enablingIsRefusedWithTheVetosReasonWhileItHoldsAndNothingChanges() {
    AtomicReference<String> why = new AtomicReference<>("the watched file says enabled: false");
    injector.addEnableVeto(why::get);
    ChaosConfig on = injector.config().withEnabled(true);
    assertThat(injector.enableRefusal()).isEqualTo("the watched file says enabled: false");
    assertThatThrownBy(() -> injector.update(on))
        .isInstanceOf(EnableRefusedException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the watched file says enabled: false");
    assertThat(injector.enabled()).isFalse();
    assertThat(changes).isEmpty();

    why.set(null);
    assertThat(injector.enableRefusal()).isNull();
    injector.update(on);
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void aVetoAlsoRefusesAnUpdateThatWouldKeepChaosOn() {
    injector.update(injector.config().withEnabled(true));
    injector.addEnableVeto(() -> "off by file");
    assertThatThrownBy(() -> injector.update(injector.config().toBuilder().netLoss(0.1).build()))
        .isInstanceOf(EnableRefusedException.class);
    assertThat(injector.config().netLoss()).isEqualTo(0.5);
    injector.update(injector.config().toBuilder().enabled(false).netLoss(0.1).build());
    assertThat(injector.config().netLoss()).isEqualTo(0.1);
  }

  @Test
  void disablingIsNeverVetoed() {
    injector.update(injector.config().withEnabled(true));
    injector.addEnableVeto(() -> "no");
    injector.disable(ChaosReasons.REMOTE);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
  }

  @Test
  void aVetoThatThrowsRefusesEnablingFailSafe() {
    injector.addEnableVeto(
        () -> {
          throw new IllegalStateException("broken veto");
        });
    assertThat(injector.enableRefusal()).contains("broken veto");
    assertThatThrownBy(() -> injector.update(injector.config().withEnabled(true)))
        .isInstanceOf(EnableRefusedException.class)
        .hasMessageContaining("broken veto");
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void aRemovedVetoNoLongerRefuses() {
    EnableVeto veto = () -> "no";
    injector.addEnableVeto(veto);
    injector.removeEnableVeto(veto);
    injector.update(injector.config().withEnabled(true));
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void theGlobalDefaultRefusesEnablingWithAnEnableRefusedException() {
    ChaosInjector global = GlobalChaos.get();
    assertThat(global.enableRefusal()).contains("GlobalChaos.init");
    assertThatThrownBy(() -> global.update(global.config().withEnabled(true)))
        .isInstanceOf(EnableRefusedException.class)
        .hasMessageContaining("GlobalChaos.init");
  }
}
