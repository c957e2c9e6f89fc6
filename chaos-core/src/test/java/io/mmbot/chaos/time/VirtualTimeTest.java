package io.mmbot.chaos.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

  private final VirtualTime clock = new VirtualTime(100);
  private final List<String> fired = new ArrayList<>();
  private final Executor direct = Runnable::run;

  private Future<?> at(long delay, String name) {
    return clock.schedule(delay, direct, () -> fired.add(name + "@" + clock.nanoTime()));
  }

  @Test
  void movesOnlyWhenAdvancedFromItsStart() {
    assertThat(new VirtualTime().nanoTime()).isZero();
    assertThat(clock.getAsLong()).isEqualTo(100);
    assertThat(clock.nanoTime()).isEqualTo(100);

    assertThat(clock.advanceNanos(5)).isEqualTo(105);
    assertThat(clock.advanceMillis(1)).isEqualTo(1_000_105);
    assertThat(clock.advance(Duration.ofSeconds(1))).isEqualTo(1_001_000_105);

    assertThat(clock.getAsLong()).isEqualTo(1_001_000_105);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofNanos(1_001_000_005));
    assertThat(clock).hasToString("VirtualTime{PT1.001000005S}");
  }

  @Test
  void refusesToGoBackwards() {
    assertThatThrownBy(() -> clock.advanceNanos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a virtual clock only moves forward: advanceNanos(-1)");
    assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advanceMillis(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.nanoTime()).isEqualTo(100);
  }

  @Test
  void timersFireInDueOrderWithTheClockAtTheirDueTime() {
    at(30, "c");
    at(10, "a");
    at(50, "late");
    at(20, "b");

    assertThat(clock.advanceNanos(40)).isEqualTo(140);

    assertThat(fired).containsExactly("a@110", "b@120", "c@130");
    assertThat(clock.pending()).isEqualTo(1);
  }

  @Test
  void timersDueTogetherFireInTheOrderTheyWereSet() {
    for (int i = 0; i < 20; i++) {
      at(10, "t" + i);
    }

    clock.advanceNanos(10);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("t" + i + "@110");
    }
    assertThat(fired).containsExactlyElementsOf(expected);
  }

  @Test
  void aTimerFiresOnlyWhenAnAdvanceReachesItsDueTime() {
    at(10, "a");

    clock.advanceNanos(9);
    assertThat(fired).isEmpty();
    assertThat(clock.pending()).isEqualTo(1);

    clock.advanceNanos(1);
    assertThat(fired).containsExactly("a@110");
    assertThat(clock.pending()).isZero();
  }

  @Test
  void aZeroOrNegativeDelayFiresAtTheNextAdvanceNotWhenSet() {
    at(0, "zero");
    at(-5, "negative");

    assertThat(fired).as("nothing runs inside schedule").isEmpty();
    clock.advanceNanos(0);

    assertThat(fired).containsExactly("zero@100", "negative@100");
  }

  @Test
  void aCancelledTimerNeverFires() {
    at(10, "kept");
    Future<?> dropped = at(5, "dropped");

    assertThat(dropped.cancel(false)).isTrue();
    assertThat(clock.pending()).isEqualTo(1);
    clock.advanceNanos(20);

    assertThat(fired).containsExactly("kept@110");
    assertThat(dropped.isCancelled()).isTrue();
    assertThat(dropped.isDone()).isTrue();
    assertThat(dropped.cancel(false)).isFalse();
  }

  @Test
  void aFiredTimerCannotBeCancelledAndReportsItsDelay() {
    Future<?> timer = at(10, "a");
    assertThat(((java.util.concurrent.ScheduledFuture<?>) timer).getDelay(TimeUnit.NANOSECONDS))
        .isEqualTo(10);

    clock.advanceNanos(10);

    assertThat(timer.isDone()).isTrue();
    assertThat(timer.isCancelled()).isFalse();
    assertThat(timer.cancel(false)).isFalse();
  }

  @Test
  void aTimerSetByAFiringTimerFiresInTheSameAdvanceWhenDue() {
    clock.schedule(10, direct, () -> at(5, "second"));
    clock.schedule(10, direct, () -> at(50, "beyond"));

    clock.advanceNanos(20);

    assertThat(fired).containsExactly("second@115");
    assertThat(clock.nanoTime()).isEqualTo(120);
    assertThat(clock.pending()).isEqualTo(1);
  }

  @Test
  void aTimerSetWithZeroDelayByAFiringTimerRunsAfterItInTheSameAdvance() {
    clock.schedule(
        10,
        direct,
        () -> {
          at(0, "follow-up");
          fired.add("first@" + clock.nanoTime());
        });

    clock.advanceNanos(10);

    assertThat(fired).containsExactly("first@110", "follow-up@110");
  }

  @Test
  void aTaskThatAdvancesTheClockNeverTakesItBackwards() {
    clock.schedule(10, direct, () -> clock.advanceNanos(100));
    at(20, "b");

    assertThat(clock.advanceNanos(30)).isEqualTo(210);
    assertThat(fired).containsExactly("b@120");
  }

  @Test
  void anExceptionFromATaskStopsTheAdvanceAtItsDueTimeAndLeavesLaterTimersSet() {
    clock.schedule(
        10,
        direct,
        () -> {
          throw new IllegalStateException("boom");
        });
    at(20, "later");

    assertThatThrownBy(() -> clock.advanceNanos(30)).hasMessage("boom");

    assertThat(clock.nanoTime()).isEqualTo(110);
    assertThat(clock.pending()).isEqualTo(1);
    clock.advanceNanos(20);
    assertThat(fired).containsExactly("later@120");
  }

  @Test
  void timersBeyondTheWrapOfTheNanoRangeStillFireInOrder() {
    VirtualTime nearWrap = new VirtualTime(Long.MAX_VALUE - 5);
    List<Long> seen = new ArrayList<>();
    nearWrap.schedule(10, direct, () -> seen.add(nearWrap.nanoTime() - (Long.MAX_VALUE - 5)));
    nearWrap.schedule(3, direct, () -> seen.add(nearWrap.nanoTime() - (Long.MAX_VALUE - 5)));

    nearWrap.advanceNanos(20);

    assertThat(seen).containsExactly(3L, 10L);
    assertThat(nearWrap.elapsed()).isEqualTo(Duration.ofNanos(20));
  }

  @Test
  void readersOnOtherThreadsNeverSeeTimeGoBackwardsOrAdvancesLost() throws Exception {
    VirtualTime shared = new VirtualTime(1_000);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong backwards = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Thread[] readers = new Thread[3];
    for (int r = 0; r < readers.length; r++) {
      readers[r] =
          new Thread(
              () -> {
                long last = shared.nanoTime();
                for (int i = 0; i < 5_000_000 && !done.get(); i++) {
                  long t = shared.getAsLong();
                  if (t < last) {
                    backwards.incrementAndGet();
                  }
                  last = t;
                }
              });
      readers[r].setUncaughtExceptionHandler((t, e) -> failures.add(e));
      readers[r].start();
    }
    Thread[] advancers = new Thread[2];
    for (int a = 0; a < advancers.length; a++) {
      advancers[a] =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  shared.schedule(1, direct, () -> {});
                  shared.advanceNanos(3);
                }
              });
      advancers[a].setUncaughtExceptionHandler((t, e) -> failures.add(e));
      advancers[a].start();
    }
    for (Thread t : advancers) {
      t.join(60_000);
    }
    done.set(true);
    for (Thread t : readers) {
      t.join(60_000);
    }

    assertThat(failures).isEmpty();
    assertThat(backwards.get()).isZero();
    assertThat(shared.nanoTime()).isEqualTo(1_000 + 2 * 20_000 * 3);
    assertThat(shared.pending()).isZero();
  }

  @Test
  void awaitPendingReturnsOnceAnotherThreadHasSetTheTimers() throws Exception {
    Thread setter = new Thread(() -> at(5, "from-other-thread"));
    setter.start();

    clock.awaitPending(1, Duration.ofSeconds(30));
    setter.join(30_000);
    clock.advanceNanos(5);

    assertThat(fired).containsExactly("from-other-thread@105");
  }

  @Test
  void awaitPendingGivesUpAfterItsTimeout() {
    assertThatThrownBy(() -> clock.awaitPending(1, Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("timed out after PT0.001S waiting for 1 pending timers, have 0");
  }
}
