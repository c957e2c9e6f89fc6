package io.mmbot.chaos.examples.bot;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bot's settings. The defaults are the example bot's: a tick every 500 ms with a 210 ms
 * deadline, quotes 2,000 ticks (about 6.7 bps) either side of the mid.
 *
 * @param tickIntervalMs time between tick starts
 * @param tickDeadlineMs a tick taking longer misses its deadline ({@code tick_deadline_ms})
 * @param giveUpMs the resilient bot stops waiting for answers this long after the tick started
 * @param accountEverySec the account refresh runs every this many seconds
 * @param accountGiveUpMs on an account-refresh tick the bot waits up to this long (it is allowed to
 *     overrun the deadline: the planned miss)
 * @param halfSpreadTicks distance of each quote from the mid
 * @param requoteTicks a live quote further than this from its target is replaced
 * @param qty quantity per quote, in lots
 * @param maxOpenOrders the bot's own limit on open orders (below the exchange's)
 * @param staleAfterMs market data older than this raises WS_STALE
 * @param skewToleranceMs clock offset drift beyond this raises CLOCK_SKEW
 * @param cancelsPerSecond cancel rate limit (token bucket of the same capacity)
 * @param retriesPerSecond retry budget (token bucket of twice the capacity)
 * @param naiveTimeoutMs the naive bot's plain HTTP timeout
 * @param disabled the resilient bot's defences switched off (empty: all on)
 */
public record BotConfig(
    long tickIntervalMs,
    long tickDeadlineMs,
    long giveUpMs,
    long accountEverySec,
    long accountGiveUpMs,
    long halfSpreadTicks,
    long requoteTicks,
    long qty,
    int maxOpenOrders,
    long staleAfterMs,
    long skewToleranceMs,
    double cancelsPerSecond,
    double retriesPerSecond,
    long naiveTimeoutMs,
    Set<ResilienceFeature> disabled) {

  /** Copies {@code disabled}. */
  public BotConfig {
    disabled =
        disabled.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(ResilienceFeature.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(disabled));
  }

  /** The example bot's settings. */
  public static BotConfig defaults() {
    return new BotConfig(
        500, 210, 205, 60, 245, 2_000, 400, 1, 4, 1_000, 30, 4, 1, 1_000, Set.of());
  }

  /** The same settings with another tick deadline. */
  public BotConfig withTickDeadlineMs(long ms) {
    return new BotConfig(
        tickIntervalMs,
        ms,
        giveUpMs,
        accountEverySec,
        accountGiveUpMs,
        halfSpreadTicks,
        requoteTicks,
        qty,
        maxOpenOrders,
        staleAfterMs,
        skewToleranceMs,
        cancelsPerSecond,
        retriesPerSecond,
        naiveTimeoutMs,
        disabled);
  }

  /** The same settings with {@code feature} switched off as well. */
  public BotConfig without(ResilienceFeature feature) {
    EnumSet<ResilienceFeature> d = EnumSet.of(feature);
    d.addAll(disabled);
    return new BotConfig(
        tickIntervalMs,
        tickDeadlineMs,
        giveUpMs,
        accountEverySec,
        accountGiveUpMs,
        halfSpreadTicks,
        requoteTicks,
        qty,
        maxOpenOrders,
        staleAfterMs,
        skewToleranceMs,
        cancelsPerSecond,
        retriesPerSecond,
        naiveTimeoutMs,
        d);
  }

  /** Whether {@code feature} is on (not switched off). */
  public boolean has(ResilienceFeature feature) {
    return !disabled.contains(feature);
  }
}
