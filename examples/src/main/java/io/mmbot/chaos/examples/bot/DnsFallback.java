package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.dns.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution with a fallback: a failed lookup of the primary host is answered with the last
 * address that resolved, or else with the secondary host's address; only when neither exists does
 * the lookup fail. {@link #onFallback()} says whether the last lookup needed the fallback (the
 * DNS_FALLBACK guard). Not thread-safe.
 */
final class DnsFallback {
  private final HostResolver resolver;
  private final String primary;
  private final String secondary;
  private final boolean fallback;
  private InetAddress lastGood;
  private InetAddress lastGoodSecondary;
  private boolean onFallback;
  private long failures;

  /**
   * @param fallback false for a connector without fallback (the naive bot): a failed lookup fails
   */
  DnsFallback(HostResolver resolver, String primary, String secondary, boolean fallback) {
    this.resolver = resolver;
    this.primary = primary;
    this.secondary = secondary;
    this.fallback = fallback;
  }

  /** The address to use, or null when nothing resolved. */
  InetAddress resolve() {
    try {
      List<InetAddress> a = resolver.resolve(primary);
      lastGood = a.get(0);
      return lastGood;
    } catch (UnknownHostException e) {
      failures++;
      if (!fallback) {
        return null;
      }
      onFallback = true;
      if (lastGood != null) {
        return lastGood;
      }
      try {
        return resolver.resolve(secondary).get(0);
      } catch (UnknownHostException e2) {
        failures++;
        return null;
      }
    }
  }

  /** The secondary host's address (last good one if the lookup fails), or null. */
  InetAddress resolveSecondary() {
    try {
      lastGoodSecondary = resolver.resolve(secondary).get(0);
    } catch (UnknownHostException e) {
      failures++;
      onFallback = true;
    }
    return lastGoodSecondary;
  }

  /**
   * Whether a lookup of the primary host failed since the last call (the fallback was used); the
   * flag is cleared by the call, so a guard built on it holds for one tick after a failure.
   */
  boolean takeFallback() {
    boolean f = onFallback;
    onFallback = false;
    return f;
  }

  /** Lookups that failed. */
  long failures() {
    return failures;
  }
}
