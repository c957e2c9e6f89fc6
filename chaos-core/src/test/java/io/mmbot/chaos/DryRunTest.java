package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Shadow mode: every gate is evaluated and counted, nothing is perturbed. */
class DryRunTest {

  @Test
  void dryRunNeverInjectsButCountsWouldBeInjectionsAtTheGateRate() {
    VirtualTime clock = new VirtualTime();
    AtomicLong heardDryRun = new AtomicLong();
    AtomicLong heardReal = new AtomicLong();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(
                ProbabilityGateTest.allAtOne()
                    .dryRun(true)
                    .netLoss(0.3)
                    .burstOffSec(0)
                    .seed(77)
                    .build())
            .nanoClock(clock)
            .listener(
                new ChaosListener() {
                  @Override
                  public void onInjection(Scenario scenario, boolean dryRun) {
                    (dryRun ? heardDryRun : heardReal).incrementAndGet();
                  }
                })
            .build();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      assertThat(injector.shouldInjectNetLoss()).isFalse();
      clock.advanceMillis(1);
    }
    Binomial.assertWithinBounds(
        "would-be net_loss", injector.wouldBeInjections(Scenario.NET_LOSS), n, 0.3);
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
    ProbabilityGateTest.assertNoScenarioFires(injector, "dry run");
    for (Scenario s : Scenario.values()) {
      assertThat(injector.injections(s)).as(s.key()).isZero();
    }
    assertThat(injector.wouldBeInjections(Scenario.DNS_FLAP))
        .as("dns_flap at p=1 counted")
        .isPositive();
    long wouldBe = 0;
    for (Scenario s : Scenario.values()) {
      wouldBe += injector.wouldBeInjections(s);
    }
    assertThat(heardDryRun.get()).isEqualTo(wouldBe);
    assertThat(heardReal.get()).isZero();
  }

  @Test
  void leavingDryRunStartsInjectingWithTheSamePhase() {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(ChaosConfig.builder().enabled(true).netLoss(1).seed(1).build())
            .nanoClock(clock)
            .build();
    assertThat(injector.config().dryRun()).as("dry-run is the default").isTrue();
    assertThat(injector.shouldInjectNetLoss()).isFalse();
    injector.update(injector.config().toBuilder().dryRun(false).build());
    assertThat(injector.shouldInjectNetLoss()).isTrue();
    assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(1);
    assertThat(injector.wouldBeInjections(Scenario.NET_LOSS)).isEqualTo(1);
  }
}
