package io.mmbot.chaos.examples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.DepthLevels;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;
import org.junit.jupiter.api.Test;

/** The bot's local book from a depth snapshot plus depth diffs, with and without the resync. */
class BookSyncTest {

  private static final long T0 = SimExchange.START_EPOCH_MS;
  private static final long SPREAD = 100;

  /** The diff of the step at {@code stepMs} after T0 that moves the best bid from a to b. */
  private static DepthDiff step(long stepMs, long fromBid, long toBid) {
    long id = DepthLevels.updateIdAt(T0 + stepMs);
    DepthDiff d = new DepthDiff(0).reset(id, id, T0 + stepMs);
    DepthLevels.change(fromBid, toBid, true, d);
    DepthLevels.change(fromBid + SPREAD, toBid + SPREAD, false, d);
    return d;
  }

  private static void assertBookAt(LocalBook book, long bid) {
    assertThat(book.bestBid()).isEqualTo(bid);
    assertThat(book.bestAsk()).isEqualTo(bid + SPREAD);
    assertThat(book.levels(true)).isEqualTo(DepthLevels.LEVELS);
    assertThat(book.levels(false)).isEqualTo(DepthLevels.LEVELS);
  }

  @Test
  void diffsAfterTheSnapshotKeepTheBookEqualToTheExchangesAndOlderOnesAreDropped() {
    BookSync s = new BookSync(true);
    s.connected();
    s.diff(step(100, 3_000, 2_900)); // buffered, older than the snapshot: dropped on replay
    s.diff(step(200, 2_900, 2_950)); // buffered, applied on replay
    assertThat(s.synced()).isFalse();
    s.snapshot(2_900, 3_000, T0 + 150);
    assertThat(s.synced()).isTrue();
    assertBookAt(s.book(), 2_950);
    s.diff(step(300, 2_950, 3_120));
    assertBookAt(s.book(), 3_120);
  }

  @Test
  void aGapInTheUpdateIdsUnsyncsTheBookUntilANewSnapshot() {
    BookSync s = new BookSync(true);
    s.connected();
    s.snapshot(3_000, 3_100, T0 + 50);
    s.diff(step(100, 3_000, 2_900));
    assertThat(s.synced()).isTrue();
    // step 200 (2_900 -> 2_500) is lost
    s.diff(step(300, 2_500, 2_400));
    assertThat(s.synced()).isFalse();
    assertThat(s.wantsSnapshot()).isTrue();
    assertThat(s.awaitingAfterConnect()).isFalse();
    s.snapshot(2_400, 2_500, T0 + 350);
    assertThat(s.synced()).isTrue();
    assertBookAt(s.book(), 2_400);
  }

  @Test
  void aSnapshotOlderThanTheBufferedDiffsLeavesTheBookUnsynced() {
    BookSync s = new BookSync(true);
    s.connected();
    s.diff(step(300, 2_500, 2_400));
    s.snapshot(2_900, 3_000, T0 + 150); // holds id 1, the buffered diff starts at id 3
    assertThat(s.synced()).isFalse();
  }

  @Test
  void withoutTheResyncALevelWhoseRemovalWasMissedStaysAndSkewsTheMid() {
    BookSync s = new BookSync(false);
    s.diff(step(100, 3_000, 3_000 - 1_000)); // the first diff lays down every level at 2_000
    s.diff(step(200, 2_000, 3_000)); // bids up at 3_000
    // step 300 (3_000 -> 1_000) is missed during a disconnect: its removals never arrive
    s.diff(step(400, 1_000, 990));
    assertThat(s.synced()).isTrue();
    LocalBook b = s.book();
    assertThat(b.bestBid()).isEqualTo(3_000); // stale: the exchange's best bid is 990
    assertThat(b.bestAsk()).isEqualTo(990 + SPREAD);
    assertThat((b.bestBid() + b.bestAsk()) / 2).isEqualTo(2_045); // the true mid is 1_040
  }

  @Test
  void withTheResyncTheSameMissedStepLeavesNoStaleLevel() {
    BookSync s = new BookSync(true);
    s.connected();
    s.snapshot(2_000, 2_100, T0 + 150);
    s.diff(step(200, 2_000, 3_000));
    s.connected(); // the disconnect, then a new connection
    s.diff(step(400, 1_000, 990));
    s.snapshot(990, 1_090, T0 + 450);
    assertBookAt(s.book(), 990);
  }
}
