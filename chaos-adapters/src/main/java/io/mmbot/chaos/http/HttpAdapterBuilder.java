package io.mmbot.chaos.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The settings that every mm-chaos HTTP client adapter's builder takes, described once here: the
 * JDK client's {@link ChaosHttpClient.Builder} and the OkHttp adapter's builder both implement it,
 * so code that configures either adapter can be written once. Each setting is validated when set,
 * with a message naming it and its allowed range.
 *
 * @param <B> the builder itself, returned by every setter for chaining
 */
public interface HttpAdapterBuilder<B extends HttpAdapterBuilder<B>> {

  /** Default {@code Retry-After} of a synthetic 429: 1 s. */
  Duration DEFAULT_RETRY_AFTER = RequestFaults.Builder.DEFAULT_RETRY_AFTER;

  /** Default ban length for a caller that ignores storm 429s: 2 minutes. */
  Duration DEFAULT_BAN_DURATION = RequestFaults.Builder.DEFAULT_BAN_DURATION;

  /** Default number of consecutive Retry-After violations that earns a ban: 3. */
  int DEFAULT_VIOLATIONS_TO_BAN = RequestFaults.Builder.DEFAULT_VIOLATIONS_TO_BAN;

  /** Default wait before a lost response fails, when nothing else ends it first: 10 s. */
  Duration DEFAULT_LOST_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The nanosecond time source of the escalation rule ({@code Retry-After} windows and bans) and,
   * where the adapter handles WebSockets, of message gaps and disconnect checks; {@link
   * System#nanoTime()} by default. Pass the injector's own source (a virtual clock in tests). See
   * {@link io.mmbot.chaos.time} for the library's time model.
   */
  B nanoClock(LongSupplier nanoClock);

  /** {@code Retry-After} of a synthetic 429, whole seconds from 1 s to 1 h (default 1 s). */
  B retryAfter(Duration retryAfter);

  /** How long a ban lasts, from 1 s to 3 days (default 2 min). */
  B banDuration(Duration banDuration);

  /**
   * Consecutive requests inside a storm 429's Retry-After that earn a ban, 1 to 1000 (default 3).
   */
  B violationsToBan(int violations);

  /**
   * How long a lost response keeps a call waiting when neither the request nor the client sets a
   * timeout that would end it first, from 1 ms to 10 min (default 10 s).
   */
  B lostResponseTimeout(Duration timeout);
}
