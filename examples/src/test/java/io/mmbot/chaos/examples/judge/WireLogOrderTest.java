package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wire log's sorted views are exactly what a stable sort by time gives, ties included. */
class WireLogOrderTest {

  private static WireLog.Request request(long sent, long done, int id) {
    return new WireLog.Request(
        sent, done, "QUERY_ORDER", WireLog.Outcome.ANSWERED, 200, 0, 0, "id" + id, (char) 0, 0);
  }

  private static List<WireLog.Request> stable(List<WireLog.Request> l, boolean bySend) {
    List<WireLog.Request> s = new ArrayList<>(l);
    s.sort(
        bySend
            ? Comparator.comparingLong(WireLog.Request::sentAtNanos)
            : Comparator.comparingLong(WireLog.Request::doneAtNanos));
    return s;
  }

  @Test
  void sortedViewsEqualAStableSortForNearlySortedAndShuffledLogs() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(0, 2_000);
      boolean shuffled = round % 3 == 0;
      List<WireLog.Request> l = new ArrayList<>();
      long t = 0;
      for (int i = 0; i < n; i++) {
        // batches of up to three sent together, answered in any order; ties on purpose
        t += shuffled ? random.nextLong(-1_000, 1_000) : random.nextInt(0, 3) * 500;
        l.add(request(t, t + random.nextInt(0, 4) * 100, i));
      }
      for (boolean bySend : new boolean[] {true, false}) {
        List<WireLog.Request> actual = WireLog.stableSort(l, bySend);
        List<WireLog.Request> expected = stable(l, bySend);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i)).as("round %d at %d", round, i).isSameAs(expected.get(i));
        }
      }
    }
  }

  @Test
  void aViewIsRebuiltWhenARequestIsAdded() {
    WireLog w = new WireLog();
    w.request(request(10, 40, 1));
    assertThat(w.allBySend()).hasSize(1);
    w.request(request(5, 20, 2));
    assertThat(w.allBySend()).extracting(WireLog.Request::sentAtNanos).containsExactly(5L, 10L);
    assertThat(w.allByDone()).extracting(WireLog.Request::doneAtNanos).containsExactly(20L, 40L);
    w.request(
        new WireLog.Request(1, 1, "PLACE_ORDER", WireLog.Outcome.NOT_SENT, 0, 0, 0, "x", 'B', 1));
    assertThat(w.allBySend()).hasSize(3);
    assertThat(w.sentBySend()).extracting(WireLog.Request::sentAtNanos).containsExactly(5L, 10L);
  }
}
