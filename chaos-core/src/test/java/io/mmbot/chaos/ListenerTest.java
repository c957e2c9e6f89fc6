package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.ChaosListener.StateChange;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerTest {

  private final VirtualTime clock = new VirtualTime();

  private static final ChaosListener THROWING =
      new ChaosListener() {
        @Override
        public void onInjection(Scenario scenario, boolean dryRun) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void onStateChange(StateChange change) {
          throw new IllegalStateException("listener bug");
        }
      };

  private static final class Recorder implements ChaosListener {
    final List<Scenario> injections = new ArrayList<>();
    final List<StateChange> changes = new ArrayList<>();

    @Override
    public void onInjection(Scenario scenario, boolean dryRun) {
      injections.add(scenario);
    }

    @Override
    public void onStateChange(StateChange change) {
      changes.add(change);
    }
  }

  @Test
  void aThrowingListenerDoesNotBreakTheGateNorOtherListeners() {
    Recorder recorder = new Recorder();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).seed(1).build())
            .nanoClock(clock)
            .listener(THROWING)
            .listener(recorder)
            .build();
    for (int i = 0; i < 100; i++) {
      assertThat(injector.shouldInjectNetLoss()).isTrue();
    }
    assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(100);
    assertThat(recorder.injections).hasSize(100).containsOnly(Scenario.NET_LOSS);
    injector.disable("P95_TICK");
    assertThat(injector.enabled()).isFalse();
    assertThat(recorder.changes).extracting(StateChange::change).containsExactly(Change.DISABLED);
  }

  @Test
  void stateChangesCarryReasonAndConfig() {
    Recorder recorder = new Recorder();
    ChaosInjector injector = ChaosInjector.builder().nanoClock(clock).listener(recorder).build();
    ChaosConfig on = ChaosConfig.builder().enabled(true).netLoss(0.1).build();
    injector.update(on);
    injector.update(on.toBuilder().netLoss(0.2).build());
    injector.disable("  DEADLINE_MISS ");
    injector.disable("AGAIN");
    injector.update(on);
    injector.update(on.withEnabled(false));
    injector.disable(null);
    assertThat(recorder.changes)
        .extracting(StateChange::change, StateChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Change.ENABLED, ""),
            org.assertj.core.groups.Tuple.tuple(Change.UPDATED, ""),
            org.assertj.core.groups.Tuple.tuple(Change.DISABLED, "DEADLINE_MISS"),
            org.assertj.core.groups.Tuple.tuple(Change.ENABLED, ""),
            org.assertj.core.groups.Tuple.tuple(Change.DISABLED, ChaosReasons.CONFIG_DISABLED));
    assertThat(recorder.changes.get(1).config().netLoss()).isEqualTo(0.2);
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.CONFIG_DISABLED);
  }

  @Test
  void disableWithoutReasonRecordsManual() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(true).build())
            .nanoClock(clock)
            .build();
    injector.disable(" ");
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.MANUAL);
  }

  @Test
  void stateOnlyAndInjectionListenersEachHearWhatTheyOverride() {
    List<StateChange> heard = new ArrayList<>();
    ChaosListener stateOnly =
        new ChaosListener() {
          @Override
          public void onStateChange(StateChange change) {
            heard.add(change);
          }
        };
    Recorder both = new Recorder();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).build())
            .nanoClock(clock)
            .listener(stateOnly)
            .build();
    injector.addListener(both);
    assertThat(injector.shouldInjectNetLoss()).isTrue();
    assertThat(both.injections).containsExactly(Scenario.NET_LOSS);
    injector.removeListener(both);
    assertThat(injector.shouldInjectNetLoss()).isTrue();
    assertThat(both.injections).hasSize(1);
    injector.disable("P95_TICK");
    assertThat(heard).extracting(StateChange::reason).containsExactly("P95_TICK");
    assertThat(both.changes).isEmpty();
  }

  @Test
  void removedListenersHearNothingMore() {
    Recorder recorder = new Recorder();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).build())
            .nanoClock(clock)
            .build();
    injector.addListener(recorder);
    injector.shouldInjectNetLoss();
    injector.removeListener(recorder);
    injector.removeListener(recorder);
    injector.shouldInjectNetLoss();
    assertThat(recorder.injections).hasSize(1);
    assertThatThrownBy(() -> injector.addListener(null)).isInstanceOf(NullPointerException.class);
  }
}
