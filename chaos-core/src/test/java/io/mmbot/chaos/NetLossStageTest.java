package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a NET_LOSS strikes: before sending, a lost response, or a connection cut mid-response. */
class NetLossStageTest {

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig.Builder b, long seed) {
    return ChaosInjector.builder().config(b.seed(seed).build()).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder on() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).netLoss(1.0);
  }

  @Test
  void cutsAreTheirShareOfTheLossesAfterSending() {
    ChaosInjector injector = injector(on().unknownOutcomeShare(0.6).netLossCutShare(0.4), 7);
    int n = 100_000;
    Map<NetLossStage, Long> counts = new EnumMap<>(NetLossStage.class);
    for (int i = 0; i < n; i++) {
      counts.merge(injector.netLossStage(), 1L, Long::sum);
    }
    Binomial.assertWithinBounds("before send", counts.get(NetLossStage.BEFORE_SEND), n, 0.4);
    Binomial.assertWithinBounds("cut", counts.get(NetLossStage.RESPONSE_CUT), n, 0.6 * 0.4);
    Binomial.assertWithinBounds("lost", counts.get(NetLossStage.RESPONSE_LOST), n, 0.6 * 0.6);
  }

  @Test
  void theDefaultCutsHalfOfTheLossesAfterSending() {
    assertThat(ChaosConfig.builder().build().netLossCutShare()).isEqualTo(0.5);
    ChaosInjector injector = injector(on(), 11);
    int n = 40_000;
    long cut = 0;
    for (int i = 0; i < n; i++) {
      if (injector.netLossStage() == NetLossStage.RESPONSE_CUT) {
        cut++;
      }
    }
    Binomial.assertWithinBounds("cut at the defaults", cut, n, 0.25);
  }

  @Test
  void theEndsOfTheRangeGiveOnlyOneKind() {
    ChaosInjector allCut = injector(on().unknownOutcomeShare(1).netLossCutShare(1), 3);
    ChaosInjector noCut = injector(on().unknownOutcomeShare(1).netLossCutShare(0), 3);
    ChaosInjector noneAfter = injector(on().unknownOutcomeShare(0).netLossCutShare(1), 3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(allCut.netLossStage()).isEqualTo(NetLossStage.RESPONSE_CUT);
      assertThat(noCut.netLossStage()).isEqualTo(NetLossStage.RESPONSE_LOST);
      assertThat(noneAfter.netLossStage()).isEqualTo(NetLossStage.BEFORE_SEND);
    }
  }

  @Test
  void theSameSeedGivesTheSameStagesAndTheSameBeforeOrAfterDecisions() {
    List<NetLossStage> a = stages(injector(on(), 42), 5_000);
    assertThat(stages(injector(on(), 42), 5_000)).isEqualTo(a);
    // one draw per decision, as strikesAfterSend makes: only lost responses turn into cuts
    ChaosInjector before = injector(on(), 42);
    for (NetLossStage s : a) {
      assertThat(s != NetLossStage.BEFORE_SEND).isEqualTo(before.strikesAfterSend());
    }
  }

  @Test
  void anOutOfRangeShareIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> ChaosConfig.builder().netLossCutShare(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chaos.net_loss.cut_share")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> ChaosConfig.builder().netLossCutShare(-0.1).build())
        .hasMessageContaining("chaos.net_loss.cut_share");
    assertThatThrownBy(() -> ChaosConfig.builder().netLossCutShare(Double.NaN).build())
        .hasMessageContaining("chaos.net_loss.cut_share");
  }

  private static List<NetLossStage> stages(ChaosInjector injector, int n) {
    List<NetLossStage> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(injector.netLossStage());
    }
    return l;
  }
}
