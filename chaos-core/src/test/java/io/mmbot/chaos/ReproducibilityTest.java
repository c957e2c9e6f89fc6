package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.fixtures.SeedConfig;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With a fixed seed, the same calls at the same times give the same decisions. */
class ReproducibilityTest {

  private static ChaosConfig config(long seed) {
    // The seed's configuration, with disconnects frequent enough to show up in a short trace.
    return SeedConfig.builder().dryRun(false).wsDisconnect(6).seed(seed).build();
  }

  private static List<Object> trace(ChaosConfig config, boolean alsoDns) {
    VirtualTime clock = new VirtualTime(5);
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(clock).build();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      out.add(injector.shouldInjectNetLoss());
      out.add(injector.shouldInjectExch429());
      out.add(injector.shouldInjectRateLimitStorm());
      out.add(injector.shouldInjectWsDisconnect());
      out.add(injector.latencyToAddMs());
      out.add(injector.wsLagToAddMs());
      out.add(injector.clockSkewOffsetMs());
      out.add(injector.reconcileMismatchOrNull());
      if (injector.shouldInjectExch5xx()) {
        out.add(injector.synthetic5xxStatus());
        out.add(injector.strikesAfterSend());
      }
      if (alsoDns) {
        injector.shouldInjectDnsFlap();
      }
      clock.advanceMillis(17);
    }
    return out;
  }

  @Test
  void sameSeedAndTimesGiveTheSameDecisions() {
    assertThat(trace(config(42), false)).isEqualTo(trace(config(42), false));
  }

  @Test
  void anotherSeedGivesOtherDecisions() {
    assertThat(trace(config(42), false)).isNotEqualTo(trace(config(43), false));
  }

  @Test
  void callsOfOneScenarioDoNotShiftTheDrawsOfAnother() {
    List<Object> without = trace(config(42), false);
    List<Object> with = trace(config(42), true);
    assertThat(with).isEqualTo(without);
  }

  @Test
  void builderSeedAppliesWhenTheConfigHasNone() {
    ChaosConfig unseeded = config(0).toBuilder().noSeed().build();
    VirtualTime c1 = new VirtualTime();
    VirtualTime c2 = new VirtualTime();
    ChaosInjector a = ChaosInjector.builder().config(unseeded).nanoClock(c1).seed(9).build();
    ChaosInjector b = ChaosInjector.builder().config(config(9)).nanoClock(c2).build();
    for (int i = 0; i < 5_000; i++) {
      assertThat(a.shouldInjectNetLoss()).isEqualTo(b.shouldInjectNetLoss());
    }
  }
}
