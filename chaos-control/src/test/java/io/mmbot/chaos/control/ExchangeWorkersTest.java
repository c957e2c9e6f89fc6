package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules of the control server's executor in virtual time: the test owns the clock and calls the
 * sweep itself; the exchanges are stand-ins that block until interrupted, as a read from a stalled
 * client does.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExchangeWorkersTest {

  static final long MS = 1_000_000L;
  static final long TIMEOUT = 2_000 * MS;

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final ExchangeWorkers workers = new ExchangeWorkers(TIMEOUT, now::get, true);
  private final List<Stalled> all = new ArrayList<>();

  @AfterEach
  void tearDown() {
    all.forEach(Stalled::release);
    workers.shutdown();
  }

  /** An exchange that blocks until interrupted (or released), in a phase of its choice. */
  class Stalled implements Runnable {
    final boolean authenticated;
    final boolean critical;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    volatile boolean interrupted;
    volatile boolean released;

    Stalled(boolean authenticated, boolean critical) {
      this.authenticated = authenticated;
      this.critical = critical;
      all.add(this);
    }

    @Override
    public void run() {
      if (authenticated) {
        ExchangeWorkers.authenticated();
      }
      try {
        if (critical) {
          ExchangeWorkers.critical(
              () -> {
                block();
                return null;
              });
        } else {
          block();
        }
      } finally {
        ended.countDown();
      }
    }

    private void block() {
      started.countDown();
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!released && System.nanoTime() - giveUp < 0) {
        if (Thread.currentThread().isInterrupted()) {
          interrupted = true;
          return;
        }
        LockSupport.parkNanos(MS);
      }
    }

    void release() {
      released = true;
    }

    boolean endedByInterrupt() throws InterruptedException {
      return ended.await(10, TimeUnit.SECONDS) && interrupted;
    }
  }

  private Stalled start(boolean authenticated, boolean critical) throws InterruptedException {
    Stalled s = new Stalled(authenticated, critical);
    workers.execute(s);
    assertThat(s.started.await(10, TimeUnit.SECONDS)).isTrue();
    return s;
  }

  @Test
  void aRequestIsClosedAtItsReadTimeoutAndNotOneNanosecondBefore() throws Exception {
    Stalled s = start(false, false);
    now.addAndGet(TIMEOUT - 1);
    assertThat(workers.sweep(now.get())).isZero();
    assertThat(s.interrupted).isFalse();
    now.addAndGet(1);
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(s.endedByInterrupt()).isTrue();
  }

  @Test
  void anAuthenticatedRequestHasTheSameDeadline() throws Exception {
    Stalled s = start(true, false);
    now.addAndGet(TIMEOUT);
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(s.endedByInterrupt()).isTrue();
  }

  @Test
  void aStateChangeIsNeverInterrupted() throws Exception {
    Stalled s = start(true, true);
    now.addAndGet(10 * TIMEOUT);
    assertThat(workers.sweep(now.get())).isZero();
    assertThat(s.interrupted).isFalse();
    s.release();
    assertThat(s.ended.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(s.interrupted).isFalse();
  }

  @Test
  void withEveryWorkerBusyTheLongestReadingRequestsMakeRoomUnauthenticatedFirst() throws Exception {
    List<Stalled> busy = new ArrayList<>();
    long first = now.get();
    for (int i = 0; i < ExchangeWorkers.MAX_WORKERS; i++) {
      // One a millisecond; every fourth one authenticated, the oldest among them.
      busy.add(start(i % 4 == 0, false));
      now.addAndGet(MS);
    }
    Stalled waitingA = new Stalled(false, false);
    Stalled waitingB = new Stalled(false, false);
    workers.execute(waitingA);
    workers.execute(waitingB);
    assertThat(workers.waiting()).isEqualTo(2);

    // Nobody has been reading for the minimum age yet: no one is closed for room.
    now.set(first + ExchangeWorkers.MIN_AGE_MILLIS * MS - 1);
    assertThat(workers.sweep(now.get())).isEqualTo(0);

    // Now the three oldest have (0, 1 and 2; 0, authenticated, not long enough); two are needed.
    now.set(first + ExchangeWorkers.MIN_AGE_MILLIS * MS + 2 * MS);
    assertThat(workers.sweep(now.get())).isEqualTo(2);
    // The two oldest unauthenticated ones (1 and 2; 0 is authenticated) made room.
    assertThat(busy.get(1).endedByInterrupt()).isTrue();
    assertThat(busy.get(2).endedByInterrupt()).isTrue();
    assertThat(busy.get(0).interrupted).isFalse();
    assertThat(waitingA.started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(waitingB.started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(busy.get(3).interrupted).isFalse();
  }

  @Test
  void authenticatedRequestsMakeRoomOnlyWhenNoUnauthenticatedOneCan() throws Exception {
    List<Stalled> busy = new ArrayList<>();
    for (int i = 0; i < ExchangeWorkers.MAX_WORKERS; i++) {
      busy.add(start(true, false));
      now.addAndGet(MS);
    }
    Stalled waiting = new Stalled(false, false);
    workers.execute(waiting);
    long first = now.get() - ExchangeWorkers.MAX_WORKERS * MS;
    // An authenticated request gets longer before it may be closed to make room.
    now.set(first + ExchangeWorkers.AUTHENTICATED_MIN_AGE_MILLIS * MS - 1);
    assertThat(workers.sweep(now.get())).isZero();
    now.set(first + ExchangeWorkers.AUTHENTICATED_MIN_AGE_MILLIS * MS);
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(busy.get(0).endedByInterrupt()).isTrue();
    assertThat(waiting.started.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anAnsweredRequestGetsOnlyAShortGraceForTheRestOfItsBody() throws Exception {
    Stalled s =
        new Stalled(false, false) {
          @Override
          public void run() {
            ExchangeWorkers.drainBriefly(); // answered; the server now drains the body
            super.run();
          }
        };
    workers.execute(s);
    assertThat(s.started.await(10, TimeUnit.SECONDS)).isTrue();
    now.addAndGet(ExchangeWorkers.DRAIN_GRACE_MILLIS * MS - 1);
    assertThat(workers.sweep(now.get())).isZero();
    now.addAndGet(1);
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(s.endedByInterrupt()).isTrue();
  }

  /** An authenticated exchange whose request has arrived whole, then takes its time to answer. */
  private Stalled startAnswering() throws InterruptedException {
    Stalled s =
        new Stalled(true, false) {
          @Override
          public void run() {
            ExchangeWorkers.authenticated();
            ExchangeWorkers.bodyRead(); // the whole request is in: only the answer is left
            super.run();
          }
        };
    workers.execute(s);
    assertThat(s.started.await(10, TimeUnit.SECONDS)).isTrue();
    return s;
  }

  @Test
  void aRequestThatArrivedWholeIsNotClosedAtTheReadTimeoutButWithinTheAnswerBound()
      throws Exception {
    // A worker descheduled for a while on a loaded machine must not lose an answer (the client
    // would see a reset after its disable took effect): the read timeout is for arriving.
    Stalled s = startAnswering();
    now.addAndGet(TIMEOUT);
    assertThat(workers.sweep(now.get())).isZero();
    assertThat(s.interrupted).isFalse();
    now.addAndGet(ExchangeWorkers.ANSWER_BOUND_MILLIS * MS - TIMEOUT);
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(s.endedByInterrupt()).isTrue();
  }

  @Test
  void aRequestThatArrivedWholeIsNotClosedToMakeRoom() throws Exception {
    List<Stalled> busy = new ArrayList<>();
    for (int i = 0; i < ExchangeWorkers.MAX_WORKERS; i++) {
      busy.add(i == 0 ? startAnswering() : start(true, false));
      now.addAndGet(MS);
    }
    Stalled waiting = new Stalled(false, false);
    workers.execute(waiting);
    now.addAndGet(ExchangeWorkers.AUTHENTICATED_MIN_AGE_MILLIS * MS);
    // the oldest is the answering one; the room is made by the next oldest still reading
    assertThat(workers.sweep(now.get())).isEqualTo(1);
    assertThat(busy.get(0).interrupted).isFalse();
    assertThat(busy.get(1).endedByInterrupt()).isTrue();
    assertThat(waiting.started.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void noRoomIsMadeWhileNobodyWaits() throws Exception {
    Stalled s = start(false, false);
    now.addAndGet(TIMEOUT - 1);
    assertThat(workers.sweep(now.get())).isZero();
    assertThat(s.interrupted).isFalse();
  }
}
