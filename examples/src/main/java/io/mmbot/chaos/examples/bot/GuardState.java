package io.mmbot.chaos.examples.bot;

import static io.mmbot.chaos.examples.bot.GuardReason.CLOCK_SKEW;
import static io.mmbot.chaos.examples.bot.GuardReason.DNS_FALLBACK;
import static io.mmbot.chaos.examples.bot.GuardReason.EXCHANGE_ERRORS;
import static io.mmbot.chaos.examples.bot.GuardReason.RATE_LIMITED;
import static io.mmbot.chaos.examples.bot.GuardReason.RECONCILE_PENDING;
import static io.mmbot.chaos.examples.bot.GuardReason.WS_STALE;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The resilient bot's guards: which {@link GuardReason}s are raised at a tick's start, read from
 * the state that causes each (market data, clock skew, Retry-After and used weight, recent exchange
 * errors, orders awaiting the truth, the DNS fallback), and which of them pause quoting. Not
 * thread-safe: the bot's thread; allocates nothing.
 */
final class GuardState {

  private static final long MS = 1_000_000L;

  private final BotConfig cfg;
  private final WsSession ws;
  private final SkewGuard skew;
  private final Clock clock;
  private final UsedWeight usedWeight;
  private final ExchangeWaits waits;
  private final Set<String> toQuery;
  private final Map<String, TrackedOrder> orders;
  private final DnsFallback dns;

  GuardState(
      BotConfig cfg,
      WsSession ws,
      SkewGuard skew,
      Clock clock,
      UsedWeight usedWeight,
      ExchangeWaits waits,
      Set<String> toQuery,
      Map<String, TrackedOrder> orders,
      DnsFallback dns) {
    this.cfg = cfg;
    this.ws = ws;
    this.skew = skew;
    this.clock = clock;
    this.usedWeight = usedWeight;
    this.waits = waits;
    this.toQuery = toQuery;
    this.orders = orders;
    this.dns = dns;
  }

  /** The guards that stop quoting under {@code cfg} (RATE_LIMITED always does). */
  static int pausing(BotConfig cfg) {
    int p = RATE_LIMITED.bit();
    p |= cfg.has(ResilienceFeature.PAUSE_ON_WS_STALE) ? WS_STALE.bit() : 0;
    p |= cfg.has(ResilienceFeature.PAUSE_ON_CLOCK_SKEW) ? CLOCK_SKEW.bit() : 0;
    p |= cfg.has(ResilienceFeature.PAUSE_ON_EXCHANGE_ERRORS) ? EXCHANGE_ERRORS.bit() : 0;
    p |= cfg.has(ResilienceFeature.PAUSE_ON_RECONCILE_PENDING) ? RECONCILE_PENDING.bit() : 0;
    p |= cfg.has(ResilienceFeature.PAUSE_ON_DNS_FALLBACK) ? DNS_FALLBACK.bit() : 0;
    return p;
  }

  /** The guards raised at {@code now} (a mask); takes the DNS fallback's flag. */
  int raised(long now) {
    int g = 0;
    boolean silent =
        cfg.has(ResilienceFeature.STALE_DATA_TIMEOUT)
            && now - ws.lastMessageNanos() > cfg.staleAfterMs() * MS;
    if (ws.down() || silent) {
      g |= WS_STALE.bit();
    }
    if (skew.raised()) {
      g |= CLOCK_SKEW.bit();
    }
    long minute = (clock.millis() + skew.correctionMs()) / 60_000;
    boolean nearLimit =
        cfg.has(ResilienceFeature.USED_WEIGHT_GUARD) && usedWeight.nearLimit(minute);
    if (waits.rateLimited(now) || nearLimit) {
      g |= RATE_LIMITED.bit();
    }
    if (cfg.has(ResilienceFeature.ERROR_WINDOW) && waits.errorsRaised(now)) {
      g |= EXCHANGE_ERRORS.bit();
    }
    if (!toQuery.isEmpty() || anyPending()) {
      g |= RECONCILE_PENDING.bit();
    }
    if (dns.takeFallback()) {
      g |= DNS_FALLBACK.bit();
    }
    return g;
  }

  private boolean anyPending() {
    for (Iterator<TrackedOrder> it = orders.values().iterator(); it.hasNext(); ) {
      if (it.next().pending()) {
        return true;
      }
    }
    return false;
  }
}
