package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expiry (max_duration_sec) and blast radius (traffic_pct, instance_pct). */
class ExpiryAndBlastRadiusTest {

  private static final long SEC = 1_000_000_000L;
  private final VirtualTime clock = new VirtualTime();

  private static ChaosConfig.Builder on() {
    return ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).burstOffSec(0).seed(8);
  }

  @Test
  void chaosSwitchesItselfOffAfterMaxDurationWithReasonExpired() {
    List<ChaosListener.StateChange> changes = new ArrayList<>();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(on().maxDurationSec(900).build())
            .nanoClock(clock)
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    changes.add(change);
                  }
                })
            .build();
    clock.advanceNanos(900 * SEC - 1);
    assertThat(injector.shouldInjectNetLoss()).isTrue();
    clock.advanceNanos(1);
    assertThat(injector.shouldInjectNetLoss()).isFalse();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.EXPIRED);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).change()).isEqualTo(Change.DISABLED);
    assertThat(changes.get(0).reason()).isEqualTo("EXPIRED");
  }

  @Test
  void expiryIsNoticedByStateQueriesWithoutAnyGateCall() {
    ChaosInjector injector =
        ChaosInjector.builder().config(on().maxDurationSec(60).build()).nanoClock(clock).build();
    clock.advance(Duration.ofMinutes(5));
    assertThat(injector.config().enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.EXPIRED);
  }

  @Test
  void expiryCountsFromEnablingAndAnUpdateThatKeepsChaosOnKeepsItsOrigin() {
    ChaosInjector injector =
        ChaosInjector.builder().config(on().enabled(false).build()).nanoClock(clock).build();
    clock.advance(Duration.ofSeconds(500));
    injector.update(on().maxDurationSec(100).build());
    clock.advance(Duration.ofSeconds(60));
    injector.update(on().netLoss(0.9).maxDurationSec(100).build());
    clock.advance(Duration.ofSeconds(39));
    assertThat(injector.burstActive()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(injector.burstActive()).as("100 s after enabling, not after the update").isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.EXPIRED);
    injector.update(on().maxDurationSec(100).build());
    assertThat(injector.burstActive()).as("re-enabling starts a new expiry").isTrue();
  }

  @Test
  void expiryInsideAQuietPhaseIsStillOnTime() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(on().burstOnSec(30).burstOffSec(90).maxDurationSec(45).build())
            .nanoClock(clock)
            .build();
    clock.advance(Duration.ofSeconds(31));
    assertThat(injector.enabled()).isTrue();
    clock.advance(Duration.ofSeconds(14));
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void trafficPctScalesEveryProbabilityGate() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(on().netLoss(0.5).trafficPct(10).build())
            .nanoClock(clock)
            .build();
    int n = 200_000;
    long hits = 0;
    for (int i = 0; i < n; i++) {
      if (injector.shouldInjectNetLoss()) {
        hits++;
      }
    }
    Binomial.assertWithinBounds("net_loss 0.5 at 10% traffic", hits, n, 0.05);
  }

  @Test
  void trafficPctScalesWavesAndRates() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(
                on().netLoss(0)
                    .exch429(0.5)
                    .exch429WaveCalls(1)
                    .wsDisconnect(60)
                    .trafficPct(20)
                    .build())
            .nanoClock(clock)
            .build();
    int n = 200_000;
    long waves = 0;
    long disconnects = 0;
    for (int i = 0; i < n; i++) {
      if (injector.shouldInjectExch429()) {
        waves++;
      }
      clock.advanceMillis(1_000);
      if (injector.shouldInjectWsDisconnect()) {
        disconnects++;
      }
    }
    // wave length 1 makes the wave gate a plain coin: share 0.5 of the 20% that may be touched
    Binomial.assertWithinBounds("exch_429 at 20% traffic", waves, n, 0.1);
    double perCheck = -Math.expm1(-1.0) * 0.2;
    Binomial.assertWithinBounds("ws_disconnect at 20% traffic", disconnects, n, perCheck);
  }

  @Test
  void trafficZeroTouchesNothing() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ProbabilityGateTest.allAtOne().trafficPct(0).build())
            .nanoClock(clock)
            .build();
    for (int i = 0; i < 1_000; i++) {
      ProbabilityGateTest.assertNoScenarioFires(injector, "traffic_pct 0");
      clock.advanceMillis(10);
    }
  }

  @Test
  void instancePctSelectsAStableShareOfInstances() {
    ChaosConfig config = on().instancePct(30).build();
    int n = 20_000;
    long selected = 0;
    for (int i = 0; i < n; i++) {
      String id = "mm-bot-" + i;
      ChaosInjector a =
          ChaosInjector.builder().config(config).nanoClock(clock).instanceId(id).build();
      ChaosInjector b =
          ChaosInjector.builder().config(config).nanoClock(clock).instanceId(id).build();
      assertThat(a.instanceSelected()).as("stable for %s", id).isEqualTo(b.instanceSelected());
      assertThat(a.shouldInjectNetLoss()).isEqualTo(a.instanceSelected());
      if (a.instanceSelected()) {
        selected++;
      }
    }
    Binomial.assertWithinBounds("instances selected", selected, n, 0.3);
  }

  @Test
  void instancesOutsideTheBlastRadiusStayEnabledButNeverInject() {
    ChaosInjector injector =
        ChaosInjector.builder().config(on().instancePct(0).build()).nanoClock(clock).build();
    assertThat(injector.enabled()).isTrue();
    assertThat(injector.instanceSelected()).isFalse();
    assertThat(injector.burstActive()).isFalse();
    ProbabilityGateTest.assertNoScenarioFires(injector, "instance_pct 0");
  }

  @Test
  void rejectsABlankInstanceId() {
    assertThatThrownBy(() -> ChaosInjector.builder().instanceId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instanceId");
  }
}
