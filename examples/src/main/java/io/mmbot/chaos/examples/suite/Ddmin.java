package io.mmbot.chaos.examples.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin): narrows a failing list to a 1-minimal failing sublist (removing
 * any one element makes the test pass), keeping the elements' order. Each call of the test counts
 * against a budget; when it is spent the smallest failing list found so far is returned and {@link
 * #complete()} is false.
 *
 * @param <T> the elements
 */
final class Ddmin<T> {

  private final Predicate<List<T>> fails;
  private int budget;
  private boolean complete;

  /**
   * @param fails whether a sublist still fails (called at most {@code budget} times)
   * @param budget test calls allowed
   */
  Ddmin(Predicate<List<T>> fails, int budget) {
    this.fails = fails;
    this.budget = budget;
  }

  /** Whether the last {@link #minimize} ran to its end (its result is 1-minimal). */
  boolean complete() {
    return complete;
  }

  /** A 1-minimal failing sublist of {@code failing}, which must fail. */
  List<T> minimize(List<T> failing) {
    complete = false;
    List<T> c = new ArrayList<>(failing);
    int n = 2;
    while (c.size() >= 2) {
      List<List<T>> chunks = split(c, Math.min(n, c.size()));
      boolean reduced = false;
      for (List<T> chunk : chunks) {
        if (!spend()) {
          return c;
        }
        if (fails.test(chunk)) {
          c = chunk;
          n = 2;
          reduced = true;
          break;
        }
      }
      if (!reduced && chunks.size() > 2) {
        for (int i = 0; i < chunks.size(); i++) {
          List<T> complement = complement(chunks, i);
          if (!spend()) {
            return c;
          }
          if (fails.test(complement)) {
            c = complement;
            n = Math.max(n - 1, 2);
            reduced = true;
            break;
          }
        }
      }
      if (!reduced) {
        if (chunks.size() >= c.size()) {
          break; // every single element tried: 1-minimal
        }
        n = Math.min(c.size(), 2 * chunks.size());
      }
    }
    if (c.size() == 1) {
      if (!spend()) {
        return c;
      }
      if (fails.test(List.of())) {
        c = List.of();
      }
    }
    complete = true;
    return c;
  }

  private boolean spend() {
    if (budget <= 0) {
      return false;
    }
    budget--;
    return true;
  }

  private static <T> List<List<T>> split(List<T> c, int n) {
    List<List<T>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (c.size() - start) / (n - i);
      out.add(new ArrayList<>(c.subList(start, end)));
      start = end;
    }
    return out;
  }

  private static <T> List<T> complement(List<List<T>> chunks, int skip) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      if (i != skip) {
        out.addAll(chunks.get(i));
      }
    }
    return out;
  }
}
