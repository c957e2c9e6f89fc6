package io.mmbot.chaos.examples.judge;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the judge may look at for one run: the wire between bot and exchange, the exchange's
 * orders, and the scrapes of the bot's exported metrics. Nothing here comes from the bot's objects,
 * so a bot the judge did not write, in another process, can be judged on the same evidence.
 *
 * @param wire requests and WebSocket sessions as they crossed the wire
 * @param orders every order the exchange accepted from the client
 * @param samples one scrape per tick
 * @param facts the run's time frame and the bot's declared limits
 * @param outages WebSocket endpoints failing over, from the exchange's journal
 * @param wsEndpoints how many WebSocket endpoints the exchange has
 */
public record Evidence(
    WireLog wire,
    List<OrderRecord> orders,
    List<TickSample> samples,
    RunFacts facts,
    List<Outage> outages,
    int wsEndpoints) {

  /**
   * The earliest time at or after {@code t} at which some WebSocket endpoint accepts connections
   * (the exchange's journal says when each was failing over).
   */
  public long wsAvailableFrom(long t) {
    long at = t;
    for (Map<String, Long> down = downAt(at); down.size() >= wsEndpoints; down = downAt(at)) {
      at = Collections.min(down.values());
    }
    return at;
  }

  /**
   * How long, within {@code [from, to)}, every WebSocket endpoint of the exchange was refusing
   * connections at once (the exchange's journal says when each was failing over): time in which no
   * client could have reconnected, nanoseconds.
   */
  public long wsAllDownNanos(long from, long to) {
    TreeSet<Long> cuts = new TreeSet<>(List.of(from, to));
    for (Outage o : outages) {
      if (o.fromNanos() > from && o.fromNanos() < to) {
        cuts.add(o.fromNanos());
      }
      if (o.untilNanos() > from && o.untilNanos() < to) {
        cuts.add(o.untilNanos());
      }
    }
    // Between two consecutive cuts no endpoint goes down or comes back: one look per piece.
    long down = 0;
    long start = cuts.first();
    for (long cut : cuts.tailSet(start, false)) {
      if (downAt(start).size() >= wsEndpoints) {
        down += cut - start;
      }
      start = cut;
    }
    return down;
  }

  /** The endpoints failing over at {@code t}, each with when it accepts connections again. */
  private Map<String, Long> downAt(long t) {
    Map<String, Long> downUntil = new HashMap<>();
    for (Outage o : outages) {
      if (o.fromNanos() <= t && t < o.untilNanos()) {
        downUntil.merge(o.endpoint(), o.untilNanos(), Math::max);
      }
    }
    return downUntil;
  }
}
