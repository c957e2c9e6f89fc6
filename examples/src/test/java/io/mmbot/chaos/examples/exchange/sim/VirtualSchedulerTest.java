package io.mmbot.chaos.examples.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  @Test
  void eventsRunInTimeOrderThenInTheOrderTheyWereScheduledEachAtItsOwnTime() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> log = new ArrayList<>();
    s.at(30, () -> log.add("c@" + s.now()));
    s.at(10, () -> log.add("a@" + s.now()));
    s.at(10, () -> log.add("b@" + s.now()));
    s.at(50, () -> log.add("late"));
    s.runUntil(40);
    assertThat(log).containsExactly("a@10", "b@10", "c@30");
    assertThat(s.now()).isEqualTo(40);
  }

  @Test
  void anEventScheduledInThePastRunsNowAfterTheEventsDue() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> log = new ArrayList<>();
    s.runUntil(100);
    s.at(5, () -> log.add("past@" + s.now()));
    s.at(100, () -> log.add("due@" + s.now()));
    s.runUntil(100);
    assertThat(log).containsExactly("past@100", "due@100");
  }
}
