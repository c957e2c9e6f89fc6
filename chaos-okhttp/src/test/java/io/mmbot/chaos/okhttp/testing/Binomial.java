package io.mmbot.chaos.okhttp.testing;

/** Bounds for binomial counts: mean ± 4.5 standard deviations (false alarm below 1e-5). */
public final class Binomial {
  private Binomial() {}

  public static long lower(int n, double p) {
    return (long) Math.floor(n * p - 4.5 * Math.sqrt(n * p * (1 - p)));
  }

  public static long upper(int n, double p) {
    return (long) Math.ceil(n * p + 4.5 * Math.sqrt(n * p * (1 - p)));
  }
}
