package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.external.PromText;
import io.mmbot.chaos.examples.external.Scrape;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The bot's tick histogram ({@code mm_tick_total_ms_bucket{le}}) between scrapes: the increase of
 * each cumulative bucket over the scrape intervals chosen (e.g. those in bursts), and quantiles
 * from it. A quantile q is read as Prometheus' {@code histogram_quantile} does: the rank q·N falls
 * in the first bucket whose cumulative count reaches it, and the value is interpolated linearly
 * between that bucket's lower and upper edge (the lowest bucket starts at 0; a rank in the +Inf
 * bucket gives the highest finite edge).
 */
final class TickHistogram {

  static final String BUCKET = "mm_tick_total_ms_bucket";

  private final TreeMap<Double, Double> cumulative = new TreeMap<>();

  private TickHistogram() {}

  /**
   * The increase over the intervals between consecutive scrapes whose midpoint {@code include}
   * accepts.
   */
  static TickHistogram of(List<Scrape> scrapes, LongPredicate include) {
    TickHistogram h = new TickHistogram();
    Map<Double, Double> prev = null;
    long prevAt = 0;
    for (Scrape s : scrapes) {
      Map<Double, Double> now = buckets(s);
      if (now.isEmpty()) {
        continue;
      }
      if (prev != null && include.test((prevAt + s.atNanos()) / 2)) {
        for (Map.Entry<Double, Double> e : now.entrySet()) {
          double before = prev.getOrDefault(e.getKey(), 0.0);
          h.cumulative.merge(e.getKey(), Math.max(0, e.getValue() - before), Double::sum);
        }
      }
      prev = now;
      prevAt = s.atNanos();
    }
    return h;
  }

  /** The edges the bot exports (le values, +Inf included), from any scrape that has them. */
  static TreeMap<Double, Double> buckets(Scrape s) {
    TreeMap<Double, Double> out = new TreeMap<>();
    for (PromText.Sample x : s.samples()) {
      if (x.name().equals(BUCKET)) {
        String le = x.labels().get("le");
        if (le != null) {
          double edge = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
          out.merge(edge, x.value(), Double::sum);
        }
      }
    }
    return out;
  }

  /** Whether {@code ms} is one of the exported edges. */
  static boolean hasEdge(List<Scrape> scrapes, double ms) {
    for (Scrape s : scrapes) {
      TreeMap<Double, Double> b = buckets(s);
      if (!b.isEmpty()) {
        return b.keySet().stream().anyMatch(e -> Math.abs(e - ms) < 1e-9);
      }
    }
    return false;
  }

  /** Ticks counted. */
  double count() {
    return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
  }

  /** Ticks above {@code edgeMs} (an exported edge). */
  double above(double edgeMs) {
    Double atOrBelow = cumulative.get(edgeMs);
    return atOrBelow == null ? Double.NaN : count() - atOrBelow;
  }

  /** The q-quantile, ms; NaN without ticks. */
  double quantile(double q) {
    double n = count();
    if (n <= 0) {
      return Double.NaN;
    }
    double rank = q * n;
    double lower = 0;
    double below = 0;
    for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
      double edge = e.getKey();
      double c = e.getValue();
      if (c >= rank) {
        if (Double.isInfinite(edge)) {
          return lower;
        }
        double inBucket = c - below;
        return inBucket <= 0 ? edge : lower + (edge - lower) * (rank - below) / inBucket;
      }
      lower = edge;
      below = c;
    }
    return lower;
  }
}
