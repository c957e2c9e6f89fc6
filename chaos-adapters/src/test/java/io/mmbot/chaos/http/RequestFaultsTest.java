package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport-neutral plan, without any transport, in virtual time. */
class RequestFaultsTest {

  private final VirtualTime clock = new VirtualTime();

  private RequestFaults faults(ChaosConfig.Builder config) {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(config.enabled(true).dryRun(false).burstOffSec(0).seed(7L).build())
            .nanoClock(clock)
            .build();
    return RequestFaults.builder(injector).nanoClock(clock).build();
  }

  @Test
  void chaosOffPlansNothing() {
    ChaosInjector off = ChaosInjector.builder().nanoClock(clock).build();
    RequestFaults faults = RequestFaults.of(off);
    for (int i = 0; i < 1000; i++) {
      assertThat(faults.next()).isNull();
    }
  }

  @Test
  void netLossTakesPrecedenceOverEveryOtherFault() {
    RequestFaults faults =
        faults(ChaosConfig.builder().netLoss(1.0).exch429(1.0).exch5xx(1.0).rateLimitStorm(1.0));
    for (int i = 0; i < 100; i++) {
      FaultPlan plan = faults.next();
      assertThat(plan.scenario()).isEqualTo(Scenario.NET_LOSS);
      assertThat(plan.isLoss()).isTrue();
      assertThat(plan.status()).isZero();
      assertThat(plan.reachesServer()).isEqualTo(plan.outcome() != Outcome.NOT_SENT);
      assertThat(plan.isCut()).isEqualTo(plan.outcome() == Outcome.RESPONSE_CUT);
    }
    assertThat(faults.injector().injections(Scenario.EXCH_429)).isZero();
    assertThat(faults.injector().injections(Scenario.EXCH_5XX)).isZero();
  }

  @Test
  void serverErrorsCarryAStatusAndSometimesReachTheServer() {
    RequestFaults faults = faults(ChaosConfig.builder().exch5xx(1.0));
    int reached = 0;
    for (int i = 0; i < 400; i++) {
      FaultPlan plan = faults.next();
      assertThat(plan.scenario()).isEqualTo(Scenario.EXCH_5XX);
      assertThat(plan.status()).isIn(500, 502, 503, 504);
      assertThat(plan.isLoss()).isFalse();
      if (plan.reachesServer()) {
        assertThat(plan.outcome()).isEqualTo(Outcome.RESPONSE_REPLACED);
        reached++;
      }
    }
    // unknown_outcome_share defaults to 0.5: 400 draws, 6 sigma = 60
    assertThat(reached).isBetween(140, 260);
  }

  @Test
  void ignoringStormRetryAfterEarnsA418ThatLiftsAfterTheBan() {
    RequestFaults faults =
        RequestFaults.builder(
                ChaosInjector.builder()
                    .config(
                        ChaosConfig.builder()
                            .enabled(true)
                            .dryRun(false)
                            .burstOffSec(0)
                            .rateLimitStorm(1.0)
                            .seed(1L)
                            .build())
                    .nanoClock(clock)
                    .build())
            .nanoClock(clock)
            .retryAfter(Duration.ofSeconds(2))
            .banDuration(Duration.ofSeconds(60))
            .build();
    FaultPlan first = faults.next();
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.retryAfterSeconds()).isEqualTo(2);
    assertThat(faults.next().status()).isEqualTo(429);
    assertThat(faults.next().status()).isEqualTo(429);
    FaultPlan ban = faults.next();
    assertThat(ban.status()).isEqualTo(418);
    assertThat(ban.retryAfterSeconds()).isEqualTo(60);
    clock.advance(Duration.ofSeconds(59));
    assertThat(faults.next().status()).isEqualTo(418);
    clock.advance(Duration.ofSeconds(2));
    assertThat(faults.next().status()).isEqualTo(429);
  }

  @Test
  void aCallerThatWaitsAsToldIsNeverBanned() {
    RequestFaults faults = faults(ChaosConfig.builder().rateLimitStorm(1.0));
    for (int i = 0; i < 500; i++) {
      FaultPlan plan = faults.next();
      assertThat(plan.status()).isEqualTo(429);
      clock.advance(Duration.ofSeconds(plan.retryAfterSeconds()));
    }
  }

  @Test
  void latencyOnlyPlansSendUntouchedAfterTheDelay() {
    RequestFaults faults = faults(ChaosConfig.builder().latSpikeMs(200).latSpikeProbability(1.0));
    FaultPlan plan = faults.next();
    assertThat(plan.delayMs()).isEqualTo(200);
    assertThat(plan.scenario()).isNull();
    assertThat(plan.reachesServer()).isTrue();
  }

  @Test
  void settingsOutOfRangeAreRefusedByName() {
    ChaosInjector off = ChaosInjector.builder().nanoClock(clock).build();
    assertThatThrownBy(() -> RequestFaults.builder(off).retryAfter(Duration.ofMillis(1500)))
        .hasMessageContaining("retryAfter");
    assertThatThrownBy(() -> RequestFaults.builder(off).violationsToBan(0))
        .hasMessageContaining("violationsToBan");
  }
}
