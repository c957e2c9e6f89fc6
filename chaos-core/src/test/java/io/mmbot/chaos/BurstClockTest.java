package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The burst clock in virtual time: 30 s on, 90 s off, from the moment chaos is enabled. */
class BurstClockTest {

  private static final long SEC = 1_000_000_000L;

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig.Builder b) {
    return ChaosInjector.builder().config(b.build()).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder on() {
    return ChaosConfig.builder().enabled(true).dryRun(false).netLoss(1).seed(3);
  }

  @Test
  void switchesExactlyAtThirtyOneHundredTwentyAndOneHundredFiftySeconds() {
    long t0 = clock.getAsLong();
    ChaosInjector injector = injector(on());
    long[][] expectations = {
      {0, 1}, {30 * SEC - 1, 1}, {30 * SEC, 0}, {60 * SEC, 0}, {120 * SEC - 1, 0},
      {120 * SEC, 1}, {150 * SEC - 1, 1}, {150 * SEC, 0}, {240 * SEC, 1}, {270 * SEC, 0}
    };
    for (long[] e : expectations) {
      clock.advanceNanos(t0 + e[0] - clock.getAsLong());
      boolean expected = e[1] == 1;
      assertThat(injector.burstActive()).as("burst at %d ns", e[0]).isEqualTo(expected);
      assertThat(injector.shouldInjectNetLoss()).as("gate at %d ns", e[0]).isEqualTo(expected);
    }
  }

  @Test
  void aCheckAfterALongQuietSpellLandsInTheRightPhase() {
    long t0 = clock.getAsLong();
    ChaosInjector injector = injector(on());
    // Jump many cycles without any call in between.
    clock.advanceNanos(1_000 * 120 * SEC + 10 * SEC);
    assertThat(injector.burstActive()).isTrue();
    clock.advanceNanos(t0 + 1_000 * 120 * SEC + 31 * SEC - clock.getAsLong());
    assertThat(injector.burstActive()).isFalse();
  }

  @Test
  void burstOffZeroMeansContinuousChaos() {
    ChaosInjector injector = injector(on().burstOnSec(30).burstOffSec(0));
    for (int i = 0; i < 1_000; i++) {
      assertThat(injector.burstActive()).isTrue();
      clock.advance(Duration.ofSeconds(37));
    }
  }

  @Test
  void enablingLaterStartsTheCycleAtTheUpdate() {
    ChaosInjector injector = injector(on().enabled(false));
    clock.advance(Duration.ofSeconds(100));
    assertThat(injector.burstActive()).isFalse();
    injector.update(on().build());
    assertThat(injector.burstActive()).as("burst on right after enabling").isTrue();
    clock.advanceNanos(30 * SEC - 1);
    assertThat(injector.burstActive()).isTrue();
    clock.advanceNanos(1);
    assertThat(injector.burstActive()).isFalse();
    clock.advanceNanos(90 * SEC);
    assertThat(injector.burstActive()).isTrue();
  }

  @Test
  void anUpdateThatKeepsChaosOnKeepsThePhase() {
    ChaosInjector injector = injector(on());
    clock.advance(Duration.ofSeconds(20));
    injector.update(on().netLoss(0.5).build());
    clock.advance(Duration.ofSeconds(10));
    assertThat(injector.burstActive()).as("still ends at 30 s, not 50 s").isFalse();
    clock.advance(Duration.ofSeconds(90));
    assertThat(injector.burstActive()).isTrue();
  }

  @Test
  void anUpdateThatChangesThePhaseLengthsKeepsTheCycleOrigin() {
    ChaosInjector injector = injector(on());
    clock.advance(Duration.ofSeconds(40));
    assertThat(injector.burstActive()).isFalse();
    injector.update(on().burstOnSec(60).burstOffSec(60).build());
    assertThat(injector.burstActive()).as("40 s into a 60 s burst").isTrue();
    clock.advance(Duration.ofSeconds(20));
    assertThat(injector.burstActive()).isFalse();
  }

  @Test
  void turningOffAndOnAgainRestartsTheCycle() {
    ChaosInjector injector = injector(on());
    clock.advance(Duration.ofSeconds(40));
    injector.update(on().enabled(false).build());
    clock.advance(Duration.ofSeconds(1));
    injector.update(on().build());
    assertThat(injector.burstActive()).isTrue();
    clock.advance(Duration.ofSeconds(29));
    assertThat(injector.burstActive()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(injector.burstActive()).isFalse();
  }

  @Test
  void listenersHearBurstBoundariesOnce() {
    List<Change> changes = new ArrayList<>();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(on().build())
            .nanoClock(clock)
            .listener(
                new ChaosListener() {
                  @Override
                  public void onStateChange(StateChange change) {
                    changes.add(change.change());
                  }
                })
            .build();
    for (int s = 0; s <= 240; s++) {
      injector.shouldInjectNetLoss();
      injector.shouldInjectNetLoss();
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(changes)
        .containsExactly(
            Change.BURST_ENDED, Change.BURST_STARTED, Change.BURST_ENDED, Change.BURST_STARTED);
  }

  @Test
  void burstShareOverManyCyclesIsOnOverPeriod() {
    ChaosInjector injector = injector(on().burstOnSec(30).burstOffSec(90));
    int active = 0;
    int samples = 0;
    for (int ms = 0; ms < 10 * 120_000; ms += 100) {
      samples++;
      if (injector.burstActive()) {
        active++;
      }
      clock.advanceMillis(100);
    }
    assertThat(active).isEqualTo(samples / 4);
  }
}
