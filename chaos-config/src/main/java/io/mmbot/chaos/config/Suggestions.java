package io.mmbot.chaos.config;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for unknown keys: the known key nearest by edit distance, when it is near enough
 * to be a plausible typo. Stateless; safe for concurrent use.
 */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code key}, or null when none is within the typo budget (a third of
   * the longer name, at least 2 edits). Case and camelCase are ignored, so {@code netLoss} and
   * {@code NET_LOSS} both find {@code net_loss}.
   */
  static String nearest(String key, Collection<String> candidates) {
    String k = normalize(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(k, c, bestDistance);
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    int budget = Math.max(2, Math.max(k.length(), best.length()) / 3);
    return bestDistance <= budget ? best : null;
  }

  /** Lower case, with camelCase humps and dashes turned into underscores. */
  static String normalize(String key) {
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length() && b.length() < 64; i++) {
      char ch = key.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
        b.append('_');
      }
      b.append(ch == '-' || ch == ' ' ? '_' : ch);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Levenshtein distance between {@code a} and {@code b}; stops early and returns a value above
   * {@code limit} once the distance must exceed it.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
