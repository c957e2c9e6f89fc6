package io.mmbot.chaos.examples.judge;

import java.util.List;

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
    java.util.Map<String, Long> downUntil = new java.util.HashMap<>();
    long at = t;
    for (boolean moved = true; moved; ) {
      moved = false;
      downUntil.clear();
      for (Outage o : outages) {
        if (o.fromNanos() <= at && at < o.untilNanos()) {
          downUntil.merge(o.endpoint(), o.untilNanos(), Math::max);
        }
      }
      if (downUntil.size() >= wsEndpoints) {
        at = downUntil.values().stream().mapToLong(Long::longValue).min().orElse(at);
        moved = true;
      }
    }
    return at;
  }

  /**
   * How long, within {@code [from, to)}, every WebSocket endpoint of the exchange was refusing
   * connections at once (the exchange's journal says when each was failing over): time in which no
   * client could have reconnected, nanoseconds.
   */
  public long wsAllDownNanos(long from, long to) {
    java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
    cuts.add(from);
    cuts.add(to);
    for (Outage o : outages) {
      if (o.fromNanos() > from && o.fromNanos() < to) {
        cuts.add(o.fromNanos());
      }
      if (o.untilNanos() > from && o.untilNanos() < to) {
        cuts.add(o.untilNanos());
      }
    }
    long down = 0;
    java.util.Set<String> endpoints = new java.util.HashSet<>();
    Long start = null;
    for (long cut : cuts) {
      if (start != null) {
        endpoints.clear();
        for (Outage o : outages) {
          if (o.fromNanos() <= start && start < o.untilNanos()) {
            endpoints.add(o.endpoint());
          }
        }
        if (endpoints.size() >= wsEndpoints) {
          down += cut - start;
        }
      }
      start = cut;
    }
    return down;
  }
}
