package io.mmbot.chaos.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChaosClockTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final VirtualTime nanos = new VirtualTime();
  private final Clock base = Clock.fixed(T0, ZoneOffset.UTC);

  private ChaosClock clock(ChaosConfig config) {
    return ChaosClock.wrap(base, ChaosInjector.builder().config(config).nanoClock(nanos).build());
  }

  private static ChaosConfig.Builder skew80() {
    return ChaosConfig.builder().enabled(true).dryRun(false).clockSkewMs(80).seed(1L);
  }

  private static long skewAt(ChaosClock clock, long secondsSinceStart) {
    return clock.millis() - T0.toEpochMilli();
  }

  @Test
  void driftsThroughPlusAndMinusTheMagnitudeDuringABurst() {
    ChaosClock clock = clock(skew80().burstOnSec(60).burstOffSec(60).build());
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli()); // t = 0: sin 0
    nanos.advance(Duration.ofMillis(7_500));
    assertThat(skewAt(clock, 7)).isEqualTo(57); // 80 sin(pi/4) = 56.57
    nanos.advance(Duration.ofMillis(7_500));
    assertThat(skewAt(clock, 15)).isEqualTo(80);
    nanos.advance(Duration.ofSeconds(30));
    assertThat(skewAt(clock, 45)).isEqualTo(-80);
  }

  @Test
  void returnsToZeroAfterTheBurstAndDriftsAgainInTheNext() {
    ChaosClock clock = clock(skew80().burstOnSec(30).burstOffSec(90).build());
    nanos.advance(Duration.ofSeconds(15));
    assertThat(skewAt(clock, 15)).isEqualTo(80);
    nanos.advance(Duration.ofSeconds(20)); // 35 s: burst over
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.instant()).isEqualTo(T0);
    nanos.advance(Duration.ofSeconds(100)); // 135 s: 15 s into the next burst
    assertThat(skewAt(clock, 135)).isEqualTo(80);
  }

  @Test
  void millisAndInstantAgree() {
    ChaosClock clock = clock(skew80().burstOffSec(0).build());
    for (int i = 0; i < 120; i++) {
      nanos.advance(Duration.ofMillis(517));
      assertThat(clock.instant().toEpochMilli()).isEqualTo(clock.millis());
    }
  }

  @Test
  void neverSkewsWhenOffOrInDryRun() {
    ChaosClock off = clock(ChaosConfig.defaults());
    ChaosClock shadow = clock(skew80().dryRun(true).build());
    nanos.advance(Duration.ofSeconds(15));
    assertThat(off.instant()).isEqualTo(T0);
    assertThat(shadow.millis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void everyReadDuringABurstCountsAsOneClockSkewInjectionAndNoOtherReadDoes() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(skew80().burstOnSec(30).burstOffSec(90).build())
            .nanoClock(nanos)
            .build();
    ChaosClock clock = ChaosClock.wrap(base, injector);
    nanos.advance(Duration.ofSeconds(5));
    for (int i = 0; i < 7; i++) {
      clock.millis();
      clock.instant();
    }
    clock.getZone();
    clock.withZone(ZoneId.of("Asia/Tokyo")).getZone();
    assertThat(injector.injections(io.mmbot.chaos.Scenario.CLOCK_SKEW)).isEqualTo(14);
    nanos.advance(Duration.ofSeconds(30)); // between bursts: reads are not skewed, not counted
    clock.millis();
    clock.instant();
    assertThat(injector.injections(io.mmbot.chaos.Scenario.CLOCK_SKEW)).isEqualTo(14);

    ChaosInjector shadow =
        ChaosInjector.builder().config(skew80().dryRun(true).build()).nanoClock(nanos).build();
    ChaosClock shadowClock = ChaosClock.wrap(base, shadow);
    for (int i = 0; i < 5; i++) {
      assertThat(shadowClock.millis()).isEqualTo(T0.toEpochMilli());
    }
    assertThat(shadow.wouldBeInjections(io.mmbot.chaos.Scenario.CLOCK_SKEW)).isEqualTo(5);
    assertThat(shadow.injections(io.mmbot.chaos.Scenario.CLOCK_SKEW)).isZero();
  }

  @Test
  void withZoneKeepsTheSkewAndChangesOnlyTheZone() {
    ChaosClock clock = clock(skew80().burstOffSec(0).build());
    nanos.advance(Duration.ofSeconds(15));
    ChaosClock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.millis()).isEqualTo(T0.toEpochMilli() + 80);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void rejectsNulls() {
    ChaosInjector injector = ChaosInjector.create(ChaosConfig.defaults());
    assertThatThrownBy(() -> ChaosClock.wrap(null, injector))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("base clock");
    assertThatThrownBy(() -> ChaosClock.wrap(base, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> ChaosClock.systemUtc(injector).withZone(null))
        .isInstanceOf(NullPointerException.class);
  }
}
