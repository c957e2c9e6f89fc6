package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a connector applies once a gate fired: delays, offsets, status codes, mismatch types. */
class MagnitudeAndChoiceTest {

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig.Builder b) {
    return ChaosInjector.builder().config(b.seed(21).build()).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder on() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0);
  }

  @Test
  void latencyToAddIsTheSpikeWhenTheGateFiresAndZeroOtherwise() {
    ChaosInjector injector = injector(on().latSpikeMs(200).latSpikeProbability(0.1));
    int n = 100_000;
    long spikes = 0;
    for (int i = 0; i < n; i++) {
      long ms = injector.latencyToAddMs();
      assertThat(ms).isIn(0L, 200L);
      if (ms == 200) {
        spikes++;
      }
    }
    Binomial.assertWithinBounds("spikes", spikes, n, 0.1);
    assertThat(injector.injections(Scenario.LAT_SPIKE)).isEqualTo(spikes);
  }

  @Test
  void wsLagToAddIsTheLagWhenTheGateFires() {
    ChaosInjector injector = injector(on().wsLagMs(150).wsLagProbability(1));
    assertThat(injector.wsLagToAddMs()).isEqualTo(150);
    injector.update(injector.config().toBuilder().wsLagMs(0).build());
    assertThat(injector.wsLagToAddMs()).isZero();
  }

  @Test
  void clockSkewDriftsWithinItsBoundDuringTheBurstAndIsZeroAfter() {
    ChaosInjector injector = injector(on().clockSkewMs(80).burstOnSec(120).burstOffSec(60));
    assertThat(injector.clockSkewOffsetMs()).as("starts at 0").isZero();
    clock.advance(Duration.ofSeconds(15));
    assertThat(injector.clockSkewOffsetMs()).isEqualTo(80);
    clock.advance(Duration.ofSeconds(15));
    assertThat(injector.clockSkewOffsetMs()).isZero();
    clock.advance(Duration.ofSeconds(15));
    assertThat(injector.clockSkewOffsetMs()).isEqualTo(-80);
    long min = 0;
    long max = 0;
    for (int ms = 0; ms < 75_000; ms += 10) {
      long off = injector.clockSkewOffsetMs();
      min = Math.min(min, off);
      max = Math.max(max, off);
      clock.advanceMillis(10);
    }
    assertThat(min).isEqualTo(-80);
    assertThat(max).isEqualTo(80);
    assertThat(injector.burstActive()).isFalse();
    assertThat(injector.clockSkewOffsetMs()).as("back to 0 after the burst").isZero();
  }

  @Test
  void synthetic5xxStatusesAreEquallyLikely() {
    ChaosInjector injector = injector(on().exch5xx(1));
    Map<Integer, Long> counts = new HashMap<>();
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      counts.merge(injector.synthetic5xxStatus(), 1L, Long::sum);
    }
    assertThat(counts).containsOnlyKeys(500, 502, 503, 504);
    counts.forEach((code, c) -> Binomial.assertWithinBounds("status " + code, c, n, 0.25));
  }

  @Test
  void faultsStrikeAfterSendingAtTheUnknownOutcomeShare() {
    ChaosInjector injector = injector(on().unknownOutcomeShare(0.3));
    int n = 100_000;
    long after = 0;
    for (int i = 0; i < n; i++) {
      if (injector.strikesAfterSend()) {
        after++;
      }
    }
    Binomial.assertWithinBounds("after send", after, n, 0.3);
    ChaosInjector never = injector(on().unknownOutcomeShare(0));
    for (int i = 0; i < 10_000; i++) {
      assertThat(never.strikesAfterSend()).isFalse();
    }
  }

  @Test
  void reconcileMismatchPicksEachTypeEquallyWhenItFires() {
    ChaosInjector injector = injector(on().reconcileMismatch(0.5));
    Map<MismatchType, Long> counts = new EnumMap<>(MismatchType.class);
    int n = 80_000;
    long none = 0;
    for (int i = 0; i < n; i++) {
      MismatchType t = injector.reconcileMismatchOrNull();
      if (t == null) {
        none++;
      } else {
        counts.merge(t, 1L, Long::sum);
      }
    }
    Binomial.assertWithinBounds("no mismatch", none, n, 0.5);
    long fired = n - none;
    assertThat(counts).containsOnlyKeys(MismatchType.values());
    counts.forEach((t, c) -> Binomial.assertWithinBounds(t.key(), c, fired, 0.25));
    assertThat(injector.injections(Scenario.RECONCILE_MISMATCH)).isEqualTo(fired);
  }
}
