package io.mmbot.chaos;

import java.util.concurrent.atomic.LongAdder;

/**
 * An exact counter that is cheap for the threads that use it. The first thread to count owns the
 * counter's own cell; other threads find a cell of their own by thread id and claim it the first
 * time they count. An owner bumps its cell with a plain (opaque) store, with no atomic
 * read-modify-write; a thread whose cell belongs to someone else counts into a {@link LongAdder}.
 * {@link #sum()} adds everything.
 *
 * <p>Design note: a market maker calls its hooks from one or a few threads, and on this kind of
 * machine an atomic increment costs several times a random draw, so a gate that counts through a
 * {@code LongAdder} alone spends most of its time counting. With one writer per cell no update is
 * lost, so the count stays exact; a reader sees an owner's latest store a moment later at worst.
 * Cells keep their owner for good, so a pool that replaces its threads ends up on the {@code
 * LongAdder}, which is still exact. Owners add 0 as cheaply as 1, so the gate that calls {@link
 * #add} need not branch on its random outcome. Safe for concurrent use.
 */
final class InjectionCounter extends PaddedCell {

  private static final int CELLS = 8; // a power of two

  private final Cell[] cells = new Cell[CELLS];
  private final LongAdder others = new LongAdder();

  InjectionCounter() {
    for (int i = 0; i < CELLS; i++) {
      cells[i] = new Cell();
    }
  }

  /** Adds {@code n} (0 or more). */
  void add(long n) {
    Thread me = Thread.currentThread();
    if (ownedBy(me)) {
      addOwned(n);
      return;
    }
    addElsewhere(me, n);
  }

  private void addElsewhere(Thread me, long n) {
    // Thread ids are sequential, so neighbouring threads land in different cells. (The identity
    // hash would do too, but it takes a slow path while someone holds the thread's monitor.)
    Cell c = cells[(int) me.getId() & (CELLS - 1)];
    if (c.ownedBy(me)) {
      c.addOwned(n);
      return;
    }
    if (n == 0) {
      return;
    }
    if (claim(me)) {
      addOwned(n);
    } else if (c.claim(me)) {
      c.addOwned(n);
    } else {
      others.add(n);
    }
  }

  /** The exact total. */
  long sum() {
    long total = owned() + others.sum();
    for (Cell c : cells) {
      total += c.owned();
    }
    return total;
  }

  static final class Cell extends PaddedCell {}
}
