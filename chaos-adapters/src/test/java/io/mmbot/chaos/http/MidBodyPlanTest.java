package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's share of connections cut mid-response among NET_LOSS faults, with a fixed seed. */
class MidBodyPlanTest {

  private final VirtualTime clock = new VirtualTime();

  private RequestFaults faults(ChaosConfig.Builder config, long seed) {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(config.enabled(true).dryRun(false).burstOffSec(0).seed(seed).build())
            .nanoClock(clock)
            .build();
    return RequestFaults.builder(injector).nanoClock(clock).build();
  }

  @Test
  void cutsAreTheConfiguredShareOfTheLossesAfterSending() {
    RequestFaults faults =
        faults(ChaosConfig.builder().netLoss(0.3).unknownOutcomeShare(0.5).netLossCutShare(0.5), 9);
    int n = 60_000;
    Map<Outcome, Long> losses = new EnumMap<>(Outcome.class);
    for (int i = 0; i < n; i++) {
      FaultPlan plan = faults.next();
      if (plan != null) {
        assertThat(plan.scenario()).isEqualTo(Scenario.NET_LOSS);
        assertThat(plan.isCut()).isEqualTo(plan.outcome() == Outcome.RESPONSE_CUT);
        if (plan.isCut()) {
          assertThat(plan.isLoss()).isTrue();
          assertThat(plan.reachesServer()).isTrue();
          assertThat(plan.status()).isZero();
        }
        losses.merge(plan.outcome(), 1L, Long::sum);
      }
    }
    Binomial.assertWithinBounds("cut", losses.get(Outcome.RESPONSE_CUT), n, 0.3 * 0.5 * 0.5);
    Binomial.assertWithinBounds("lost", losses.get(Outcome.RESPONSE_LOST), n, 0.3 * 0.5 * 0.5);
    Binomial.assertWithinBounds("not sent", losses.get(Outcome.NOT_SENT), n, 0.3 * 0.5);
  }

  @Test
  void aCutShareOfZeroKeepsEveryOtherDecisionOfTheSeed() {
    ChaosConfig.Builder mixed =
        ChaosConfig.builder().netLoss(0.3).exch5xx(0.2).exch429(0.1).netLossCutShare(0.5);
    List<String> withCuts = plans(faults(mixed, 17), 5_000);
    List<String> without = plans(faults(mixed.netLossCutShare(0), 17), 5_000);
    for (int i = 0; i < withCuts.size(); i++) {
      assertThat(withCuts.get(i).replace("RESPONSE_CUT", "RESPONSE_LOST"))
          .as("plan %d", i)
          .isEqualTo(without.get(i));
    }
    assertThat(withCuts).anyMatch(p -> p.contains("RESPONSE_CUT"));
  }

  private static List<String> plans(RequestFaults faults, int n) {
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(String.valueOf(faults.next()));
    }
    return l;
  }
}
