package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.exchange.Exchange;

/**
 * Runs the bot's process through a run, killing and starting it again as {@link BotRestarts} says:
 * each start is a new bot on a {@link ProcessExchange} of its own, with nothing of the previous
 * start (no tracked order, no WebSocket session, no clock offset, no backoff), against the same
 * exchange, the same account and the same metrics registry. With no restart the bot runs on the
 * exchange itself, as in any other run. Not thread-safe: the bot's thread.
 */
final class ProcessSupervisor {

  /**
   * Starts the bot's process for the {@code start}-th time (0 for the first) on {@code exchange}.
   */
  @FunctionalInterface
  interface Starter {
    /** A new bot on {@code exchange}, its process started for the {@code start}-th time. */
    Bot start(Exchange exchange, int start);
  }

  private final Exchange exchange;
  private final BotRestarts schedule;
  private final Starter starter;
  private final long[] restarts;
  private ProcessExchange process;
  private Bot bot;
  private int start;

  /**
   * Starts the first process at once (its metrics are registered before anything scrapes them);
   * {@code restarts[0]} counts the kills as they happen.
   */
  ProcessSupervisor(Exchange exchange, BotRestarts schedule, Starter starter, long[] restarts) {
    this.exchange = exchange;
    this.schedule = schedule;
    this.starter = starter;
    this.restarts = restarts;
    this.bot = startProcess();
  }

  /** The bot of the process now running. */
  Bot bot() {
    return bot;
  }

  /**
   * Runs until {@code untilNanos}, {@code listener} hearing every tick of every start; {@code
   * onRestart} runs after each new start (a scraper looks its meters up again). During a downtime
   * there is no tick, so nothing is heard: a scrape of a process that is down finds no target.
   */
  void run(long untilNanos, Bot.TickListener listener, Runnable onRestart) {
    try {
      for (BotRestarts.Restart r : schedule.restarts()) {
        if (r.atNanos() >= untilNanos) {
          break;
        }
        bot.run(r.atNanos(), listener);
        Bot dead = bot;
        bot = null;
        dead.close();
        process.kill();
        restarts[0]++;
        exchange.idleUntil(Math.min(untilNanos, exchange.nanoTime() + r.downNanos()));
        start++;
        bot = startProcess();
        onRestart.run();
      }
      bot.run(untilNanos, listener);
    } finally {
      if (bot != null) {
        bot.close();
      }
    }
  }

  private Bot startProcess() {
    if (schedule.isEmpty()) {
      return starter.start(exchange, start);
    }
    process = new ProcessExchange(exchange);
    return starter.start(process, start);
  }
}
