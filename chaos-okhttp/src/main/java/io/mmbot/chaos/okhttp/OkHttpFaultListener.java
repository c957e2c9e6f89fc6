package io.mmbot.chaos.okhttp;

/**
 * Hears each fault the OkHttp adapter applies, for tests, logs and duplicate/orphan checks.
 *
 * <p>Called on the thread that applies the fault (the caller's for {@code execute}, a dispatcher
 * thread for {@code enqueue}); must be quick and safe for concurrent use. An exception it throws is
 * logged and ignored: it never reaches the bot's network code.
 */
@FunctionalInterface
public interface OkHttpFaultListener {

  /** A fault was applied. */
  void onFault(OkHttpFault fault);
}
