package io.mmbot.chaos;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exact counter that is cheap for the thread that uses it most: the first thread to count owns a
 * single-writer cell that it bumps with a plain (opaque) store, with no atomic read-modify-write;
 * every other thread counts into a {@link LongAdder}. {@link #sum()} adds both.
 *
 * <p>Design note: a market maker usually calls its hooks from one tick thread, and on this kind of
 * machine an atomic increment costs several times a random draw, so a gate that counts through a
 * {@code LongAdder} alone spends most of its time counting. With one writer per cell, no update can
 * be lost, so the count stays exact; a reader sees the owner's latest store a moment later at
 * worst. The owner never changes, so a short-lived first thread only means all later counts take
 * the {@code LongAdder} path. Safe for concurrent use.
 */
final class InjectionCounter {

  private static final VarHandle OWNED;
  private static final VarHandle OWNER;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      OWNED = l.findVarHandle(InjectionCounter.class, "owned", long.class);
      OWNER = l.findVarHandle(InjectionCounter.class, "owner", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through OWNER
  private volatile Thread owner;

  private long owned;
  private final LongAdder others = new LongAdder();

  /** Adds {@code n} (0 or more); adding 0 costs the owner no more than adding 1. */
  void add(long n) {
    if (Thread.currentThread() == owner) {
      // single writer: a plain read of its own last store, then an opaque (atomic, coherent) store
      OWNED.setOpaque(this, owned + n);
      return;
    }
    addSlow(n);
  }

  private void addSlow(long n) {
    if (n == 0) {
      return;
    }
    Thread me = Thread.currentThread();
    if (owner == null && OWNER.compareAndSet(this, null, me)) {
      OWNED.setOpaque(this, owned + n);
      return;
    }
    others.add(n);
  }

  /** The exact total. */
  long sum() {
    return (long) OWNED.getOpaque(this) + others.sum();
  }
}
