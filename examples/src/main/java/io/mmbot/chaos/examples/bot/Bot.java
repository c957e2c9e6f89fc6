package io.mmbot.chaos.examples.bot;

import io.mmbot.chaos.examples.exchange.Exchange;

/**
 * A market maker's control loop: a tick every {@link BotConfig#tickIntervalMs()}, quoting a bid and
 * an ask around the mid. {@link #run} drives the ticks on the exchange's clock; subclasses say what
 * one tick does. Not thread-safe: one bot, one thread.
 */
public abstract class Bot {

  /** Prefix of every client order id this bot makes. */
  public static final String ID_PREFIX = "mm";

  /** Hears every tick. */
  @FunctionalInterface
  public interface TickListener {
    /** Called after each tick with its report (overwritten by the next tick). */
    void onTick(TickReport report);
  }

  protected final Exchange exchange;
  protected final BotConfig cfg;
  protected final TickReport report = new TickReport();
  private final String intentPrefix;
  private long intentSeq;

  protected Bot(Exchange exchange, BotConfig cfg) {
    this(exchange, cfg, 0);
  }

  /**
   * A bot in the {@code start}-th start of its process (0 for the first): the client order ids of a
   * later start carry the start number after {@link #ID_PREFIX}, so that they never collide with
   * the ids of an earlier start's orders still open on the exchange, while every id still begins
   * with the prefix.
   */
  protected Bot(Exchange exchange, BotConfig cfg, int start) {
    if (start < 0) {
      throw new IllegalArgumentException("start " + start + " is negative");
    }
    this.exchange = exchange;
    this.cfg = cfg;
    this.intentPrefix = start == 0 ? ID_PREFIX : ID_PREFIX + 'r' + start;
  }

  /** Runs ticks until the exchange's clock reaches {@code untilNanos}. */
  public final void run(long untilNanos, TickListener listener) {
    long interval = cfg.tickIntervalMs() * 1_000_000L;
    start();
    long next = exchange.nanoTime() + interval;
    while (next < untilNanos) {
      exchange.idleUntil(next);
      report.reset(next);
      tick(report);
      report.durationNanos = exchange.nanoTime() - next;
      report.deadlineMissed = report.durationNanos > cfg.tickDeadlineMs() * 1_000_000L;
      afterTick(report);
      listener.onTick(report);
      next += interval;
      while (next <= exchange.nanoTime()) {
        next += interval;
      }
    }
    exchange.idleUntil(untilNanos);
  }

  /** Opens connections before the first tick. */
  protected abstract void start();

  /** One tick: decide, send, digest the answers. */
  protected abstract void tick(TickReport r);

  /** After the tick's duration is known (metrics). */
  protected abstract void afterTick(TickReport r);

  /** Whether the bot knows about the order with this client order id (tracks or verifies it). */
  public abstract boolean knows(String clientOrderId);

  /** The guard reasons raised at least once (a {@link GuardReason} mask). */
  public abstract int guardsSeen();

  /**
   * The most ticks a reconcile discrepancy stayed unresolved (from the tick that found it to the
   * tick whose query settled it); 0 for a bot that does not verify discrepancies.
   */
  public int maxResolveTicks() {
    return 0;
  }

  /** Releases what the bot registered (its guard metrics); the bot is not used afterwards. */
  public void close() {}

  /** A short name: {@code resilient} or {@code naive}. */
  public abstract String kind();

  /** The settings. */
  public BotConfig config() {
    return cfg;
  }

  /**
   * A client order id for a new intent: {@code mm<side><n>} in the first start of the process,
   * {@code mmr<start><side><n>} in a later one (the side letter ends the start number, so no two
   * starts share an id).
   */
  protected final String newIntent(char side) {
    return intentPrefix + side + (++intentSeq);
  }

  /** The client order id of attempt {@code attempt} of {@code intent}. */
  protected static String attemptId(String intent, int attempt) {
    return intent + '-' + attempt;
  }

  /** The intent part of a client order id (what the suite groups duplicates by). */
  public static String intentOf(String clientOrderId) {
    int dash = clientOrderId.lastIndexOf('-');
    return dash < 0 ? clientOrderId : clientOrderId.substring(0, dash);
  }
}
