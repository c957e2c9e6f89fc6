package io.mmbot.chaos.examples.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * How long, after each burst's end, the client was still waiting out the backoff of an attempt that
 * failed in the burst, as the wire shows it. A client whose last attempt before the burst's end
 * failed entirely (every request of the tick's batch failed: a 5xx, a 429/418, no answer, a lost
 * connection) backs off before it sends again, and it cannot know that the burst has ended. Its
 * recovery is judged from when it comes back: the first request it sends after the burst's end, but
 * no later than the declared longest backoff after the failed attempt's last answer. A client that
 * stays silent longer gets no more time; one that sends at once gets none.
 */
public final class RecoveryWaits {

  private RecoveryWaits() {}

  /**
   * Per burst end in the run (in order, those followed by at least one tick), the ticks the client
   * spent waiting after the burst's end: {@code ceil(wait / tick)}, where {@code wait} runs from
   * the burst's end to the earlier of the client's first request after it and {@code
   * backoffCapNanos} after the last answer of its failed attempt (0 when the last attempt before
   * the end got some usable answer, or there was none).
   */
  public static List<Integer> ticksAfterBursts(Evidence e, long backoffCapNanos) {
    RunFacts f = e.facts();
    List<WireLog.Request> sent = WireSearch.bySend(e.wire());
    List<Integer> out = new ArrayList<>();
    for (long end : burstEnds(e)) {
      out.add(waitTicks(sent, end, backoffCapNanos, f.tickNanos(), f.endNanos()));
    }
    return out;
  }

  /**
   * Per burst end (as {@link #ticksAfterBursts}), the ticks after it in which every WebSocket
   * endpoint of the exchange still refused connections: a fail-over that began in the burst and
   * outlasted it, before whose end no client can have its market data back.
   */
  public static List<Integer> failOverTicksAfterBursts(Evidence e) {
    long tick = e.facts().tickNanos();
    List<Integer> out = new ArrayList<>();
    for (long end : burstEnds(e)) {
      out.add(ticksCeil(e.wsAvailableFrom(end) - end, tick));
    }
    return out;
  }

  /**
   * The ends of the run's bursts, in order, that at least one tick started after; none for a
   * baseline or a run whose burst never switches off.
   */
  private static List<Long> burstEnds(Evidence e) {
    RunFacts f = e.facts();
    List<Long> out = new ArrayList<>();
    if (!f.chaos() || f.periodNanos() == f.burstOnNanos()) {
      return out;
    }
    List<TickSample> s = e.samples();
    long lastTickStart = s.isEmpty() ? Long.MIN_VALUE : s.get(s.size() - 1).startNanos();
    for (long end = f.warmupNanos() + f.burstOnNanos();
        end < lastTickStart;
        end += f.periodNanos()) {
      out.add(end);
    }
    return out;
  }

  /** {@code wait} in whole ticks, rounded up; 0 for no wait. */
  private static int ticksCeil(long wait, long tickNanos) {
    return wait <= 0 ? 0 : (int) ((wait + tickNanos - 1) / tickNanos);
  }

  private static int waitTicks(
      List<WireLog.Request> sent, long end, long capNanos, long tickNanos, long runEnd) {
    int next = WireSearch.firstSentAtOrAfter(sent, end);
    if (next == 0) {
      return 0;
    }
    // The last attempt before the end: the requests sent within ATTEMPT_GAP_NANOS of its first.
    int last = next - 1;
    int first = last;
    while (first > 0
        && sent.get(last).sentAtNanos() - sent.get(first - 1).sentAtNanos()
            < RequestRateChecks.ATTEMPT_GAP_NANOS) {
      first--;
    }
    long lastAnswer = Long.MIN_VALUE;
    for (int j = first; j <= last; j++) {
      if (sent.get(j).succeeded()) {
        return 0;
      }
      lastAnswer = Math.max(lastAnswer, sent.get(j).doneAtNanos());
    }
    long resumed = next < sent.size() ? sent.get(next).sentAtNanos() : runEnd;
    return ticksCeil(Math.min(resumed, lastAnswer + capNanos) - end, tickNanos);
  }
}
