package io.mmbot.chaos;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single-writer counting cell: one owner thread, claimed once with a compare-and-set, bumps the
 * count with a plain read and an opaque store; anyone may read it.
 *
 * <p>Design note: superclass fields are laid out before subclass fields, so the padding classes
 * keep {@code owner} (read by every counting thread) and {@code count} (written by the owner) on
 * different cache lines, and both away from neighbouring objects. Without this, a second thread's
 * ownership check would keep stealing the line the owner writes.
 */
abstract class PaddedCell extends CellPadAfterCount {

  private static final VarHandle COUNT;
  private static final VarHandle OWNER;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      COUNT = l.findVarHandle(CellCountField.class, "count", long.class);
      OWNER = l.findVarHandle(CellOwnerField.class, "owner", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Whether {@code t} owns this cell. */
  final boolean ownedBy(Thread t) {
    return owner == t;
  }

  /** Claims a free cell for {@code me}; false if another thread owns it. */
  final boolean claim(Thread me) {
    return owner == null && OWNER.compareAndSet(this, null, me);
  }

  /** Adds {@code n}; only the owner may call this. */
  final void addOwned(long n) {
    COUNT.setOpaque(this, count + n);
  }

  /** The count as last stored by the owner. */
  final long owned() {
    return (long) COUNT.getOpaque(this);
  }
}

// The layout classes below are used only by PaddedCell.

abstract class CellOwnerField {
  volatile Thread owner;
}

@SuppressWarnings("unused")
abstract class CellPadAfterOwner extends CellOwnerField {
  long p1, p2, p3, p4, p5, p6, p7, p8;
}

abstract class CellCountField extends CellPadAfterOwner {
  long count;
}

@SuppressWarnings("unused")
abstract class CellPadAfterCount extends CellCountField {
  long q1, q2, q3, q4, q5, q6, q7, q8;
}
