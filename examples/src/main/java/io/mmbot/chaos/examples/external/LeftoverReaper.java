package io.mmbot.chaos.examples.external;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills, when the JVM shuts down, every bot process not stopped by then (and what it started), so
 * that a suite ended by Ctrl-C or SIGTERM leaves no bot behind. A bot in a session of its own gets
 * no signal from the terminal, so this is what ends it then. Nothing is waited for: the JVM is on
 * its way out.
 */
final class LeftoverReaper {

  private static final Set<BotProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  private LeftoverReaper() {}

  static void register(BotProcess bot) {
    hook();
    LIVE.add(bot);
  }

  static void unregister(BotProcess bot) {
    LIVE.remove(bot);
  }

  private static synchronized void hook() {
    if (hooked) {
      return;
    }
    Thread t = new Thread(LeftoverReaper::reap, "bot-leftover-reaper");
    try {
      Runtime.getRuntime().addShutdownHook(t);
      hooked = true;
    } catch (IllegalStateException shuttingDown) {
      // too late to hook: the JVM is already on its way out
    }
  }

  private static void reap() {
    for (BotProcess bot : LIVE) {
      try {
        bot.killNow();
      } catch (RuntimeException ignored) {
        // the next bot is still killed
      }
    }
  }
}
