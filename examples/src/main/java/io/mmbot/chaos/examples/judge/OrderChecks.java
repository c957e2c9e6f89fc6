package io.mmbot.chaos.examples.judge;

import static io.mmbot.chaos.examples.judge.WireSearch.PLACE;
import static io.mmbot.chaos.examples.judge.WireSearch.byDone;
import static io.mmbot.chaos.examples.judge.WireSearch.bySend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's orders: places sent while the exchange was failing it or while a guard was raised,
 * the exposure on the exchange (open orders, quote levels held twice) and orders it abandoned. Each
 * a pure function of the run's {@link Evidence}, defined in {@code docs/suite.md} ("The checks,
 * from outside"); the wire search they share is {@link WireSearch}.
 */
public final class OrderChecks {

  private OrderChecks() {}

  /**
   * Failures within this window, all of the client's last answers, mean "the exchange is failing".
   */
  public static final long ERROR_WINDOW_NANOS = 2_000_000_000L;

  /** Consecutive failed answers that make the exchange "failing" to this client. */
  public static final int ERRORS_IN_WINDOW = 3;

  /**
   * Places sent while the exchange was failing this client: its last {@value #ERRORS_IN_WINDOW}
   * answers (received before the place left; 429/418 are judged by the Retry-After check and not
   * counted here) all failed (5xx, no answer, lost connection) within {@link #ERROR_WINDOW_NANOS}.
   */
  public static long placesWhileFailing(WireLog w) {
    List<WireLog.Request> sent = bySend(w);
    List<WireLog.Request> done = byDone(w);
    long[] lastFail = new long[ERRORS_IN_WINDOW];
    int failStreak = 0;
    int k = 0;
    long count = 0;
    for (WireLog.Request q : sent) {
      long t = q.sentAtNanos();
      while (k < done.size() && done.get(k).doneAtNanos() <= t) {
        WireLog.Request r = done.get(k++);
        if (r.rateLimited()) {
          continue; // judged by the Retry-After check
        }
        if (r.failed()) {
          lastFail[failStreak % ERRORS_IN_WINDOW] = r.doneAtNanos();
          failStreak++;
        } else {
          failStreak = 0;
        }
      }
      if (!PLACE.equals(q.endpoint())) {
        continue;
      }
      boolean failing = false;
      if (failStreak >= ERRORS_IN_WINDOW) {
        long oldest = lastFail[failStreak % ERRORS_IN_WINDOW];
        failing = t - oldest < ERROR_WINDOW_NANOS;
      }
      if (failing) {
        count++;
      }
    }
    return count;
  }

  /** Places sent during a tick whose scrape showed a guard raised. */
  public static long placesWhileGuarded(WireLog w, List<TickSample> samples) {
    List<WireLog.Request> sent = bySend(w);
    long count = 0;
    int k = 0;
    for (TickSample s : samples) {
      long start = s.startNanos();
      while (k < sent.size() && sent.get(k).sentAtNanos() < start) {
        k++;
      }
      for (int j = k; j < sent.size() && sent.get(j).sentAtNanos() <= s.atNanos(); j++) {
        if (s.guards() != 0 && PLACE.equals(sent.get(j).endpoint())) {
          count++;
        }
      }
    }
    return count;
  }

  /** Exposure on the exchange: see {@link Exposure}. */
  public record Exposure(int maxOpen, int maxPerSide, int levelClashes) {}

  /**
   * Sweeps the exchange's orders in time: the most open at once, the most open on one side, and the
   * orders accepted while another live order of the same side stood within {@code levelTicks} (two
   * orders for one quote level: a duplicate, whatever their client ids).
   */
  public static Exposure exposure(List<OrderRecord> orders, long levelTicks) {
    List<OrderRecord> byAccept = new ArrayList<>(orders);
    byAccept.sort(Comparator.comparingLong(OrderRecord::acceptedAtNanos));
    List<OrderRecord> open = new ArrayList<>();
    int maxOpen = 0;
    int maxSide = 0;
    int clashes = 0;
    for (OrderRecord o : byAccept) {
      long t = o.acceptedAtNanos();
      open.removeIf(e -> e.closedAtNanos() <= t);
      int side = 0;
      boolean clash = false;
      for (OrderRecord e : open) {
        if (e.side() == o.side()) {
          side++;
          clash |= Math.abs(e.priceTicks() - o.priceTicks()) <= levelTicks;
        }
      }
      open.add(o);
      maxOpen = Math.max(maxOpen, open.size());
      maxSide = Math.max(maxSide, side + 1);
      if (clash) {
        clashes++;
      }
    }
    return new Exposure(maxOpen, maxSide, clashes);
  }

  /**
   * Orders the client left behind: open on the exchange {@code graceNanos} after a newer order of
   * the client on the same side was accepted, without a single cancel of them sent by then (a bot
   * that lost track of an order of its own cannot cancel it). Orders whose grace runs past the end
   * of the run are not judged.
   */
  public static int abandonedOrders(Evidence e, long graceNanos) {
    Map<String, Long> firstCancel = new HashMap<>();
    for (WireLog.Request r : e.wire().requests()) {
      if (r.endpoint().equals("CANCEL_ORDER") && r.clientOrderId() != null) {
        firstCancel.merge(r.clientOrderId(), r.sentAtNanos(), Math::min);
      }
    }
    List<OrderRecord> byAccept = new ArrayList<>(e.orders());
    byAccept.sort(Comparator.comparingLong(OrderRecord::acceptedAtNanos));
    int abandoned = 0;
    for (int i = 0; i < byAccept.size(); i++) {
      OrderRecord o = byAccept.get(i);
      for (int j = i + 1; j < byAccept.size(); j++) {
        OrderRecord n = byAccept.get(j);
        if (n.acceptedAtNanos() >= o.closedAtNanos()) {
          break;
        }
        if (n.side() == o.side() && n.acceptedAtNanos() > o.acceptedAtNanos()) {
          long deadline = n.acceptedAtNanos() + graceNanos;
          boolean cancelled =
              firstCancel.getOrDefault(o.clientOrderId(), Long.MAX_VALUE) <= deadline;
          if (deadline < e.facts().endNanos() && o.closedAtNanos() > deadline && !cancelled) {
            abandoned++;
          }
          break;
        }
      }
    }
    return abandoned;
  }
}
