package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosListener.Change;
import io.mmbot.chaos.ChaosListener.StateChange;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The kill switch and the gates do not depend on anything that can fail: a time source that throws,
 * a listener that throws (even an {@link Error}), or a logging backend that throws.
 */
class KillSwitchFailuresTest {

  /** A virtual clock that throws while {@link #failWith} is set. */
  private static final class FailingClock implements LongSupplier {
    final VirtualTime time = new VirtualTime();
    volatile Supplier<? extends Throwable> failWith;

    @Override
    public long getAsLong() {
      Supplier<? extends Throwable> f = failWith;
      if (f != null) {
        throw sneaky(f.get());
      }
      return time.getAsLong();
    }

    void fail() {
      failWith = () -> new IllegalStateException("clock source unavailable");
    }

    void recover() {
      failWith = null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /** Records the state changes it hears. */
  private static final class Recorder implements ChaosListener {
    final List<StateChange> changes = new ArrayList<>();
    int injections;

    @Override
    public void onInjection(Scenario scenario, boolean dryRun) {
      injections++;
    }

    @Override
    public void onStateChange(StateChange change) {
      changes.add(change);
    }
  }

  private static ChaosListener throwingOnStateChange(Throwable t) {
    return new ChaosListener() {
      @Override
      public void onStateChange(StateChange change) {
        throw sneaky(t);
      }
    };
  }

  private static ChaosListener throwingOnInjection(Throwable t) {
    return new ChaosListener() {
      @Override
      public void onInjection(Scenario scenario, boolean dryRun) {
        throw sneaky(t);
      }
    };
  }

  private final FailingClock clock = new FailingClock();
  private final VirtualTime logClock = new VirtualTime();

  private ChaosInjector.Builder on() {
    return ChaosInjector.builder()
        .config(ProbabilityGateTest.allAtOne().burstOffSec(0).build())
        .nanoClock(clock)
        .failureLogClock(logClock);
  }

  // ---------------------------------------------------------------- the clock

  @Test
  void disableSwitchesChaosOffWhileTheClockThrowsAndItStaysOffWhenTheClockRecovers() {
    Recorder recorder = new Recorder();
    ChaosInjector injector = on().listener(recorder).build();
    clock.fail();

    assertThatNoException().isThrownBy(() -> injector.disable("P95_TICK"));

    clock.recover();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("P95_TICK");
    ProbabilityGateTest.assertNoScenarioFires(injector, "disabled while the clock failed");
    assertThat(recorder.changes).extracting(StateChange::change).containsExactly(Change.DISABLED);
  }

  @Test
  void updateToOffSwitchesChaosOffWhileTheClockThrows() {
    ChaosInjector injector = on().build();
    clock.fail();

    assertThatNoException()
        .isThrownBy(() -> injector.update(ChaosConfig.builder().enabled(false).build()));

    clock.recover();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.CONFIG_DISABLED);
    ProbabilityGateTest.assertNoScenarioFires(injector, "updated to off while the clock failed");
  }

  @Test
  void updateToOnWhileTheClockThrowsIsRefusedAndLeavesChaosOff() {
    ChaosInjector injector = ChaosInjector.builder().nanoClock(clock).build();
    clock.fail();

    assertThatThrownBy(() -> injector.update(ProbabilityGateTest.allAtOne().build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nanoClock")
        .hasCauseInstanceOf(IllegalStateException.class);

    clock.recover();
    assertThat(injector.enabled()).isFalse();
    ProbabilityGateTest.assertNoScenarioFires(injector, "an enabling update failed");
  }

  @Test
  void everyGateReturnsFalseWhileTheClockThrowsAndFiresAgainWhenItRecovers() {
    ChaosInjector injector = on().build();
    clock.fail();

    ProbabilityGateTest.assertNoScenarioFires(injector, "the clock throws");
    assertThat(injector.shouldInjectWsDisconnect(60_000_000_000L)).isFalse();
    assertThat(injector.burstActive()).isFalse();
    assertThat(injector.enabled()).as("a failing clock is no rollback").isTrue();
    assertThat(injector.config().netLoss()).isEqualTo(1.0);

    clock.recover();
    assertThat(injector.shouldInjectNetLoss()).isTrue();
    assertThat(injector.burstActive()).isTrue();
  }

  @Test
  void clockErrorsOtherThanVirtualMachineErrorsAreContainedToo() {
    ChaosInjector injector = on().build();
    clock.failWith = () -> new AssertionError("clock bug");

    ProbabilityGateTest.assertNoScenarioFires(injector, "the clock throws an Error");
    assertThatNoException().isThrownBy(() -> injector.disable("MANUAL"));
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void aFailingClockIsLoggedAtABoundedRateMeasuredWithoutThatClock() {
    try (CapturedLog log = CapturedLog.capture()) {
      ChaosInjector injector = on().build();
      clock.fail();

      for (int i = 0; i < 10_000; i++) {
        assertThat(injector.shouldInjectNetLoss()).isFalse();
      }
      assertThat(log.warningsContaining("nanoClock")).isEqualTo(1);

      logClock.advance(java.time.Duration.ofSeconds(9));
      injector.shouldInjectExch5xx();
      assertThat(log.warningsContaining("nanoClock")).isEqualTo(1);

      logClock.advance(java.time.Duration.ofSeconds(1));
      injector.shouldInjectExch5xx();
      assertThat(log.warningsContaining("nanoClock")).isEqualTo(2);
      assertThat(log.records.get(log.records.size() - 1).getParameters())
          .as("the line counts the failures so far")
          .contains(10_002L);
    }
  }

  // ---------------------------------------------------------------- listeners

  @Test
  void anErrorFromOnInjectionDoesNotEscapeTheGateNorChangeItsDecision() {
    Recorder later = new Recorder();
    ChaosInjector injector =
        on().listener(throwingOnInjection(new AssertionError("listener bug")))
            .listener(later)
            .build();

    for (int i = 0; i < 100; i++) {
      assertThat(injector.shouldInjectNetLoss()).isTrue();
    }

    assertThat(injector.injections(Scenario.NET_LOSS)).isEqualTo(100);
    assertThat(later.injections).isEqualTo(100);
  }

  @Test
  void anErrorFromOnStateChangeDoesNotEscapeDisableAndLaterListenersStillHearDisabled() {
    Recorder later = new Recorder();
    ChaosInjector injector =
        on().listener(throwingOnStateChange(new AssertionError("listener bug")))
            .listener(throwingOnStateChange(new LinkageError("listener bug")))
            .listener(later)
            .build();

    assertThatNoException().isThrownBy(() -> injector.disable("P95_TICK"));

    assertThat(injector.enabled()).isFalse();
    assertThat(later.changes)
        .extracting(StateChange::change, StateChange::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.DISABLED, "P95_TICK"));
  }

  @Test
  void aVirtualMachineErrorFromAListenerIsRethrownOnlyAfterChaosIsOffAndEveryListenerHeard() {
    Recorder later = new Recorder();
    ChaosInjector injector =
        on().listener(throwingOnStateChange(new OutOfMemoryError("simulated")))
            .listener(later)
            .build();

    assertThatThrownBy(() -> injector.disable("P95_TICK")).isInstanceOf(OutOfMemoryError.class);

    assertThat(injector.enabled()).isFalse();
    assertThat(injector.shouldInjectNetLoss()).isFalse();
    assertThat(later.changes).extracting(StateChange::change).containsExactly(Change.DISABLED);
  }

  @Test
  void aListenerThatSneaksOutAnInterruptKeepsTheThreadsInterruptFlag() {
    ChaosInjector injector =
        on().listener(throwingOnStateChange(new InterruptedException("sneaky"))).build();

    injector.disable("MANUAL");

    assertThat(Thread.interrupted()).isTrue(); // and clears it for the next test
    assertThat(injector.enabled()).isFalse();
  }

  // ---------------------------------------------------------------- the logger

  @Test
  void disableSwitchesChaosOffAndTellsEveryListenerWhenTheLoggerThrows() {
    try (CapturedLog log = CapturedLog.throwing()) {
      Recorder recorder = new Recorder();
      ChaosInjector injector =
          on().listener(throwingOnStateChange(new IllegalStateException("listener bug")))
              .listener(recorder)
              .build();

      assertThatNoException().isThrownBy(() -> injector.disable("DEADLINE_MISS"));

      assertThat(injector.enabled()).isFalse();
      assertThat(recorder.changes).extracting(StateChange::change).containsExactly(Change.DISABLED);
      assertThat(log.records).as("the logger was called").isNotEmpty();
    }
  }

  @Test
  void gatesNeverThrowWhenTheLoggerThrows() {
    try (CapturedLog log = CapturedLog.throwing()) {
      ChaosInjector shadow =
          ChaosInjector.builder()
              .config(ProbabilityGateTest.allAtOne().dryRun(true).burstOffSec(0).build())
              .nanoClock(clock)
              .failureLogClock(logClock)
              .build();
      ChaosInjector live = on().listener(throwingOnInjection(new RuntimeException())).build();

      assertThatNoException()
          .isThrownBy(() -> ProbabilityGateTest.assertNoScenarioFires(shadow, "shadow mode"));
      assertThat(shadow.wouldBeInjections(Scenario.NET_LOSS)).isEqualTo(1);
      assertThat(live.shouldInjectNetLoss()).isTrue();
      clock.fail();
      assertThat(live.shouldInjectNetLoss()).isFalse();
      assertThat(log.records).as("the logger was called").isNotEmpty();
    }
  }
}
