package io.mmbot.chaos.examples.judge;

import static io.mmbot.chaos.examples.judge.WireSearch.CANCEL;
import static io.mmbot.chaos.examples.judge.WireSearch.OPEN_ORDERS;
import static io.mmbot.chaos.examples.judge.WireSearch.PLACE;
import static io.mmbot.chaos.examples.judge.WireSearch.QUERY;
import static io.mmbot.chaos.examples.judge.WireSearch.bySend;
import static io.mmbot.chaos.examples.judge.WireSearch.firstSentAtOrAfter;
import static io.mmbot.chaos.examples.judge.WireSearch.orderAnswered;

import java.util.List;

/**
 * The reconcile under a perturbed open-orders view: perturbations detected in quiet ticks, and
 * counted discrepancies followed by a query by client order id. Each a pure function of the run's
 * {@link Evidence}, defined in {@code docs/suite.md} ("The checks, from outside"); the wire search
 * they share is {@link WireSearch}.
 */
public final class ReconcileChecks {

  private ReconcileChecks() {}

  /**
   * How the client reconciled.
   *
   * @param undetected injections in quiet ticks that did not raise the discrepancy counter
   * @param notQueried ticks with a counted discrepancy whose next tick that sends anything sends no
   *     query
   * @param detected ticks in which the discrepancy counter rose
   * @param maxTicksToQuery the most ticks from a counted discrepancy to the client's next query by
   *     client order id (0 without discrepancies; settled ones count 1)
   */
  public record Reconcile(int undetected, int notQueried, int detected, int maxTicksToQuery) {}

  /**
   * The reconcile under a perturbed open-orders view. Detection: an injection in a quiet tick (no
   * place, cancel or query by client order id sent in it or the tick before, no fill reported since
   * the tick before began, and orders of the client open on the exchange), where the view the
   * client got can differ from the truth only by the perturbation, must raise the bot's discrepancy
   * counter ({@code mm_reconcile_discrepancies_total}) in the same tick. Resolution: after every
   * tick in which the counter rose, the next tick that sends anything must send a query by client
   * order id (ticks that send nothing, under a backoff or a Retry-After, are passed over), unless a
   * fill report or the answer to a place or cancel of the same tick settled the question (an order
   * filled or cancelled after the view was taken is missing from it).
   */
  public static Reconcile reconcile(Evidence e) {
    List<WireLog.Request> sent = bySend(e.wire());
    List<TickSample> s = e.samples();
    int undetected = 0;
    int notQueried = 0;
    int detectedTicks = 0;
    int maxTicks = 0;
    for (int i = 2; i < s.size(); i++) {
      TickSample t = s.get(i);
      boolean injected = t.injections() > s.get(i - 1).injections();
      boolean detected = t.discrepancies() > s.get(i - 1).discrepancies();
      if (injected && !detected && t.exchangeOpen() > 0) {
        long from = s.get(i - 1).startNanos();
        boolean quiet = !e.wire().anyExecutionBetween(from, t.atNanos());
        for (int j = firstSentAtOrAfter(sent, from);
            j < sent.size() && sent.get(j).sentAtNanos() <= t.atNanos();
            j++) {
          String ep = sent.get(j).endpoint();
          // A query by client order id: an order is under verification, and a perturbation of
          // it is already being asked about (the view cannot tell which order it struck).
          quiet &= !PLACE.equals(ep) && !CANCEL.equals(ep) && !QUERY.equals(ep);
        }
        if (quiet) {
          undetected++;
        }
      }
      if (!detected) {
        continue; // what follows asks how a counted discrepancy was settled
      }
      boolean settled =
          i + 1 < s.size()
              && (e.wire().anyExecutionBetween(t.startNanos(), s.get(i + 1).atNanos())
                  || orderAnswered(sent, t));
      detectedTicks++;
      maxTicks = Math.max(maxTicks, settled ? 1 : ticksToQuery(sent, s, i));
      if (i + 1 < s.size()
          && !settled
          && !queriedOnNextSendingTick(sent, s, i, e.facts().lossesUnseen())) {
        notQueried++;
      }
    }
    return new Reconcile(undetected, notQueried, detectedTicks, maxTicks);
  }

  /**
   * {@link Reconcile#notQueried()} for a bot whose tick boundaries are estimated from outside (from
   * scrapes, within half a scrape period): a query by client order id counts when it goes out in
   * the tick that counted the discrepancy, after that tick's open-orders request, as well as on the
   * next tick that sends anything. A bot that looks a discrepancy up at once has reconciled no
   * later than the next tick; its look-up lands on either side of the estimated end of the tick, so
   * the next-tick rule alone would fail it now and then. The other readings are those of {@link
   * #reconcile}.
   */
  public static int discrepanciesNotQueriedSameOrNextTick(Evidence e) {
    List<WireLog.Request> sent = bySend(e.wire());
    List<TickSample> s = e.samples();
    int notQueried = 0;
    for (int i = 2; i + 1 < s.size(); i++) {
      TickSample t = s.get(i);
      if (!(t.discrepancies() > s.get(i - 1).discrepancies())) {
        continue;
      }
      boolean settled =
          e.wire().anyExecutionBetween(t.startNanos(), s.get(i + 1).atNanos())
              || orderAnswered(sent, t);
      if (settled || queriedAfterView(sent, s.get(i - 1).atNanos(), t.atNanos())) {
        continue;
      }
      if (!queriedOnNextSendingTick(sent, s, i, e.facts().lossesUnseen())) {
        notQueried++;
      }
    }
    return notQueried;
  }

  /** Whether a query by client order id went out after an open-orders request in (from, to]. */
  private static boolean queriedAfterView(List<WireLog.Request> sent, long from, long to) {
    boolean viewed = false;
    for (int j = firstSentAtOrAfter(sent, from + 1);
        j < sent.size() && sent.get(j).sentAtNanos() <= to;
        j++) {
      String ep = sent.get(j).endpoint();
      if (OPEN_ORDERS.equals(ep)) {
        viewed = true;
      } else if (viewed && QUERY.equals(ep)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the first tick after tick {@code i} that sends any request sends a query by client
   * order id. Ticks that send nothing (a failed-tick backoff, a {@code Retry-After} being honoured)
   * are passed over: the question is what the client asks first when it asks anything. A run that
   * ends before the client sends again has nothing to judge. When losses can be unseen (faults
   * injected inside the client, the wire seen at the exchange), a tick in which the client's
   * injector counted an injection and no query is seen is passed over too: its query may have been
   * lost before it left.
   */
  private static boolean queriedOnNextSendingTick(
      List<WireLog.Request> sent, List<TickSample> s, int i, boolean lossesUnseen) {
    for (int n = i + 1; n < s.size(); n++) {
      boolean any = false;
      boolean queried = false;
      for (int j = firstSentAtOrAfter(sent, s.get(n - 1).atNanos());
          j < sent.size() && sent.get(j).sentAtNanos() <= s.get(n).atNanos();
          j++) {
        any = true;
        queried |= QUERY.equals(sent.get(j).endpoint());
      }
      boolean injected = s.get(n).injections() > s.get(n - 1).injections();
      if (any && (queried || !(lossesUnseen && injected))) {
        return queried;
      }
    }
    return true;
  }

  /** Ticks after tick {@code i} until one sends a query by client order id (to the run's end). */
  private static int ticksToQuery(List<WireLog.Request> sent, List<TickSample> s, int i) {
    for (int n = i + 1; n < s.size(); n++) {
      for (int j = firstSentAtOrAfter(sent, s.get(n - 1).atNanos());
          j < sent.size() && sent.get(j).sentAtNanos() <= s.get(n).atNanos();
          j++) {
        if (QUERY.equals(sent.get(j).endpoint())) {
          return n - i;
        }
      }
    }
    return s.size() - i;
  }
}
