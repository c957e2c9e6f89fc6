package io.mmbot.chaos.http;

/**
 * Hears each fault a {@link ChaosHttpClient} applies, for tests, logs and duplicate/orphan checks.
 *
 * <p>Called on the thread that applies the fault (the caller's for {@code send}, a pool thread for
 * {@code sendAsync}); must be quick and safe for concurrent use. An exception it throws is logged
 * and ignored: it never reaches the bot's network code.
 */
@FunctionalInterface
public interface HttpFaultListener {

  /** A fault was applied. */
  void onFault(HttpFault fault);
}
