package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InjectionCounterTest {

  @Test
  void ownerAndOtherThreadsTogetherCountExactly() throws Exception {
    InjectionCounter counter = new InjectionCounter();
    counter.add(1); // the test thread becomes the owner
    int threads = 4;
    int perThread = 1_000_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < perThread; i++) {
                  counter.add(i % 2);
                  counter.add(1);
                }
              });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (int i = 0; i < perThread; i++) {
      counter.add(1);
    }
    for (Thread w : workers) {
      w.join(60_000);
      assertThat(w.isAlive()).isFalse();
    }
    assertThat(counter.sum()).isEqualTo(1 + perThread + threads * (perThread + perThread / 2L));
  }

  @Test
  void addingZeroChangesNothingAndDoesNotClaimOwnership() throws Exception {
    InjectionCounter counter = new InjectionCounter();
    Thread other = new Thread(() -> counter.add(0));
    other.start();
    other.join(10_000);
    assertThat(other.isAlive()).isFalse();

    // Had the zero claimed the counter's own cell, the other thread would own it now.
    assertThat(counter.ownedBy(other)).isFalse();
    counter.add(2);
    counter.add(0);
    assertThat(counter.ownedBy(Thread.currentThread()))
        .as("the first thread to add more than 0 owns the counter")
        .isTrue();
    assertThat(counter.sum()).isEqualTo(2);
  }
}
