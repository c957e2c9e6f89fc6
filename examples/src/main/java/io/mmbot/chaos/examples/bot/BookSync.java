package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.DepthLevels;
import java.util.ArrayDeque;

/**
 * Keeps the {@link LocalBook} in step with the exchange from a depth snapshot plus the depth diffs
 * of the stream, by Binance's rules: events whose final update id is not past the snapshot's last
 * update id are dropped; the first one applied must cover the id right after it; after that each
 * event must start right after the previous one's final id. A gap in the ids, or a new connection,
 * leaves the book unsynced: the events that arrive are buffered (at most {@value #MAX_BUFFERED})
 * until a new snapshot comes, then replayed onto it. An event is read during its callback and
 * copied only to be buffered.
 *
 * <p>With {@code resync} off (a bot without snapshot resync), the book is never rebuilt: every
 * event is applied as it comes, onto whatever the book held, whatever its ids, so levels removed by
 * events missed during a disconnect or a lost message stay in the book. Not thread-safe.
 */
final class BookSync {

  static final int MAX_BUFFERED = 64;

  private final boolean resync;
  private final LocalBook book = new LocalBook();
  private final ArrayDeque<DepthDiff> buffered = new ArrayDeque<>();
  private boolean synced;
  private boolean reconnected;
  private long lastUpdateId;

  BookSync(boolean resync) {
    this.resync = resync;
  }

  /** A new connection: events may have been missed, so the book waits for a new snapshot. */
  void connected() {
    if (resync) {
      synced = false;
      reconnected = true;
      buffered.clear();
    }
  }

  /** Applies {@code d}, or buffers it while the book waits for a snapshot. */
  void diff(DepthDiff d) {
    if (!resync) {
      apply(d);
      return;
    }
    if (!synced) {
      if (buffered.size() == MAX_BUFFERED) {
        buffered.removeFirst();
      }
      buffered.addLast(d.copy());
      return;
    }
    if (!step(d)) {
      buffered.clear(); // events were missed: rebuild from a new snapshot
      buffered.addLast(d.copy());
    }
  }

  /**
   * A depth snapshot answered at server time {@code serverMs} with best bid {@code bid} and best
   * ask {@code ask}: the book is rebuilt from its levels and the buffered events after it are
   * replayed. The book stays unsynced if they do not join up with it.
   */
  void snapshot(long bid, long ask, long serverMs) {
    if (!resync || bid <= 0 || ask <= 0) {
      return;
    }
    book.clear();
    book.apply(DepthLevels.bids(bid), true);
    book.apply(DepthLevels.asks(ask), false);
    lastUpdateId = DepthLevels.updateIdAt(serverMs);
    reconnected = false;
    synced = true;
    while (!buffered.isEmpty()) {
      if (!step(buffered.removeFirst())) {
        buffered.clear(); // the snapshot is older than the events kept: another one is needed
        return;
      }
    }
  }

  /** Whether the book is in step with the exchange (always, without resync). */
  boolean synced() {
    return !resync || synced;
  }

  /** Whether the book waits for a snapshot since a new connection (rather than after a gap). */
  boolean awaitingAfterConnect() {
    return resync && !synced && reconnected;
  }

  /** Whether a snapshot is wanted. */
  boolean wantsSnapshot() {
    return resync && !synced;
  }

  /** The book (read it only when {@link #synced()}). */
  LocalBook book() {
    return book;
  }

  /**
   * One event onto a book in step: dropped when the book already holds its ids, applied when it
   * starts right after them; on a gap the book is no longer in step and false is returned.
   */
  private boolean step(DepthDiff d) {
    if (d.finalUpdateId() <= lastUpdateId) {
      return true;
    }
    if (d.firstUpdateId() > lastUpdateId + 1) {
      synced = false;
      return false;
    }
    apply(d);
    return true;
  }

  private void apply(DepthDiff d) {
    book.apply(d, true);
    book.apply(d, false);
    lastUpdateId = d.finalUpdateId();
  }
}
