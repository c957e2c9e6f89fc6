package io.mmbot.chaos.examples.external;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one scrape of a bot's {@code /metrics} saw.
 *
 * @param atNanos when, on the poller's clock (the middle of the request's round trip)
 * @param samples every sample, in the order served
 */
public record Scrape(long atNanos, List<PromText.Sample> samples) {

  /** Copies {@code samples}. */
  public Scrape {
    samples = List.copyOf(samples);
  }

  /** The value of the sample {@code name} whose labels are exactly {@code labels}; NaN if none. */
  public double value(String name, Map<String, String> labels) {
    for (PromText.Sample s : samples) {
      if (s.name().equals(name) && s.labels().equals(labels)) {
        return s.value();
      }
    }
    return Double.NaN;
  }

  /** The sum of the samples named {@code name} over all their label sets; NaN if there are none. */
  public double sum(String name) {
    return sum(name, Map.of());
  }

  /**
   * The sum of the samples named {@code name} whose labels include every entry of {@code match}
   * (other labels, such as a registry's common tags, may be there too); NaN if there are none.
   */
  public double sum(String name, Map<String, String> match) {
    double sum = 0;
    boolean found = false;
    for (PromText.Sample s : samples) {
      if (s.name().equals(name) && includes(s.labels(), match)) {
        sum += s.value();
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }

  /**
   * The samples named {@code name}, summed by the value of their label {@code label} (samples
   * without it are left out), in the order first served: e.g. guard reason to value.
   */
  public Map<String, Double> byLabel(String name, String label) {
    Map<String, Double> by = new LinkedHashMap<>();
    for (PromText.Sample s : samples) {
      String v = s.labels().get(label);
      if (v != null && s.name().equals(name)) {
        by.merge(v, s.value(), Double::sum);
      }
    }
    return by;
  }

  /**
   * The cumulative buckets of the classic histogram {@code name}: upper bound ({@code le}, {@code
   * +Inf} included) to count, summed over the histogram's other label sets. Empty if the histogram
   * is absent; a bucket whose {@code le} is not a number is an {@link IllegalArgumentException}.
   */
  public NavigableMap<Double, Double> buckets(String name) {
    NavigableMap<Double, Double> buckets = new TreeMap<>();
    String bucketName = name + "_bucket";
    for (PromText.Sample s : samples) {
      if (!s.name().equals(bucketName)) {
        continue;
      }
      String le = s.labels().get("le");
      if (le == null) {
        throw new IllegalArgumentException(bucketName + " has a sample without an le label");
      }
      buckets.merge(upperBound(bucketName, le), s.value(), Double::sum);
    }
    return buckets;
  }

  /**
   * True if this scrape has a sample named {@code name}, or {@code name} is a histogram or summary
   * whose {@code _bucket}, {@code _count} or {@code _sum} samples are here.
   */
  public boolean has(String name) {
    for (PromText.Sample s : samples) {
      String n = s.name();
      if (n.equals(name) || (n.startsWith(name) && isFamilySuffix(n.substring(name.length())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFamilySuffix(String suffix) {
    return suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_bucket");
  }

  private static boolean includes(Map<String, String> labels, Map<String, String> match) {
    for (Map.Entry<String, String> e : match.entrySet()) {
      if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static double upperBound(String name, String le) {
    switch (le) {
      case "+Inf", "Inf", "+inf", "inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(le);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " has a bucket with le=\"" + le + "\"", e);
        }
      }
    }
  }
}
