package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DdminTest {

  private static List<Integer> upTo(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  @Test
  void narrowsToTheElementsThatTogetherCauseTheFailureKeepingTheirOrder() {
    Predicate<List<Integer>> fails = l -> l.contains(3) && l.contains(17) && l.contains(40);
    Ddmin<Integer> dd = new Ddmin<>(fails, 10_000);
    assertThat(dd.minimize(upTo(64))).containsExactly(3, 17, 40);
    assertThat(dd.complete()).isTrue();
  }

  @Test
  void theResultIsOneMinimalWhenTheFailureHasSeveralCauses() {
    // Fails with {5} alone or with {10, 20} together: either answer is 1-minimal.
    Predicate<List<Integer>> fails = l -> l.contains(5) || (l.contains(10) && l.contains(20));
    Ddmin<Integer> dd = new Ddmin<>(fails, 10_000);
    List<Integer> min = dd.minimize(upTo(30));
    assertThat(fails.test(min)).isTrue();
    for (int i = 0; i < min.size(); i++) {
      List<Integer> less = new ArrayList<>(min);
      less.remove(i);
      assertThat(fails.test(less)).as("without %s", min.get(i)).isFalse();
    }
  }

  @Test
  void aFailureWithoutAnyElementShrinksToTheEmptyList() {
    Ddmin<Integer> dd = new Ddmin<>(l -> true, 100);
    assertThat(dd.minimize(upTo(8))).isEmpty();
  }

  @Test
  void aSpentBudgetReturnsTheSmallestFailingListSoFarAndSaysSo() {
    int[] calls = {0};
    Predicate<List<Integer>> fails =
        l -> {
          calls[0]++;
          return l.contains(3) && l.contains(17) && l.contains(40);
        };
    Ddmin<Integer> dd = new Ddmin<>(fails, 5);
    List<Integer> out = dd.minimize(upTo(64));
    assertThat(calls[0]).isLessThanOrEqualTo(5);
    assertThat(dd.complete()).isFalse();
    assertThat(out).contains(3, 17, 40);
  }
}
