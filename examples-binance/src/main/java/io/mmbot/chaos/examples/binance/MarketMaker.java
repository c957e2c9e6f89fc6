package io.mmbot.chaos.examples.binance;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.json.JSONObject;

/**
 * The bot's tick: one bid and one ask of {@value #QTY} BTC, {@value #HALF_SPREAD} USDT either side
 * of the mid, replaced when the mid has moved more than {@value #REQUOTE} USDT.
 *
 * <p><b>Resilient build.</b> Each tick raises its guards first ({@link GuardReason}) and quotes
 * only when none is raised; it sends nothing while {@code Retry-After} runs ({@link RateLimitGate})
 * or a full-jitter backoff after an unknown outcome runs ({@link Backoff}); it stops sending for
 * the tick at the first 429, 5xx, lost answer or {@code -1021}, and stops waiting for answers
 * {@value #GIVE_UP_MS} ms into the tick. It applies the user data stream's execution reports
 * ({@link UserStream}) and reconciles open orders every tick ({@link Reconciler}), and settles
 * every unknown outcome by its late answer or by a look-up by client order id before it quotes that
 * side again (at most {@value #MAX_LOOKUPS_PER_TICK} look-ups a tick); re-placing after a failure
 * takes from a retry budget ({@link TokenBucket}, one a second); cancels are rate limited; every
 * tick it measures its clock against the exchange's server time, signs with the measured offset and
 * raises {@code CLOCK_SKEW} when the offset moved more than {@value #SKEW_TOLERANCE_MS} ms.
 *
 * <p><b>Naive build.</b> The same quotes without any of that: no guards, no reconcile, no backoff,
 * no gate; an order whose answer did not say OK is forgotten.
 *
 * <p>Only the tick thread calls {@link #tick()}.
 */
final class MarketMaker {

  static final long TICK_INTERVAL_MS = 500;
  static final long TICK_DEADLINE_MS = 210;
  static final long GIVE_UP_MS = 190;
  static final long STALE_AFTER_MS = 1_000;
  static final int MAX_LOOKUPS_PER_TICK = 4;
  static final long SKEW_TOLERANCE_MS = 15;
  static final long MAX_SAMPLE_RTT_MS = 10;
  static final double HALF_SPREAD = 20.0;
  static final double REQUOTE = 4.0;
  static final String QTY = "0.001";
  private static final String[] SIDES = {"BUY", "SELL"};

  private final ExchangeCalls calls;
  private final MarketFeed feed;
  private final UserStream users;
  private final OrderTracker tracker;
  private final Reconciler reconciler;
  private final BotMetrics metrics;
  private final ChaosWiring wiring;
  private final RateLimitGate gate;
  private final Backoff backoff;
  private final TokenBucket retryBudget;
  private final TokenBucket cancelBudget;
  private final ErrorWindow errors;
  private final boolean naive;
  private final LongSupplier nanoClock;
  private final boolean[] retrying = new boolean[2];
  private boolean skewed;
  private boolean feedGap;
  private long correctionMs;
  private boolean stopped;
  private long giveUpAt;

  MarketMaker(
      ExchangeCalls calls,
      MarketFeed feed,
      UserStream users,
      OrderTracker tracker,
      BotMetrics metrics,
      ChaosWiring wiring,
      RateLimitGate gate,
      Backoff backoff,
      boolean naive,
      LongSupplier nanoClock) {
    this.calls = calls;
    this.feed = feed;
    this.users = users;
    this.tracker = tracker;
    this.reconciler = new Reconciler(tracker, metrics.chaos(), QTY, wiring.injector());
    this.metrics = metrics;
    this.wiring = wiring;
    this.gate = gate;
    this.backoff = backoff;
    this.naive = naive;
    this.nanoClock = nanoClock;
    this.retryBudget = new TokenBucket(1, 2, nanoClock);
    this.cancelBudget = new TokenBucket(4, 4, nanoClock);
    this.errors = new ErrorWindow(1_000, nanoClock);
  }

  /** One tick, measured into {@code mm_tick_total_ms} and the rollback guard. */
  void tick() {
    long start = nanoClock.getAsLong();
    giveUpAt = start + GIVE_UP_MS * 1_000_000L;
    stopped = false;
    int guards = 0;
    try {
      guards = naive ? naiveTick() : resilientTick();
    } catch (RuntimeException e) {
      // An answer the bot could not read: the tick ends; the next one starts afresh.
      errors.record();
    }
    long took = nanoClock.getAsLong() - start;
    boolean missed = took > TICK_DEADLINE_MS * 1_000_000L;
    metrics.chaos().recordTick(took / 1e6, missed);
    wiring.recordTick(took, missed);
    metrics.guards(guards);
  }

  private int resilientTick() {
    feedGap = false;
    if (!gate.isOpen() || !backoff.ready()) {
      return guards();
    }
    // An order request of unknown outcome left by an earlier tick pauses this tick's quoting even
    // when this tick's open-orders view settles it: the bot quotes again once it has acted on the
    // view, in the next tick.
    boolean unknownAtStart = !tracker.unknown().isEmpty();
    timeCheck();
    feedGap = feed.takeResync();
    if (!stopped && feedGap) {
      Outcome o = proceed(calls.bookTicker(giveUpAt));
      if (o.ok()) {
        JSONObject t = new JSONObject(o.body());
        feed.snapshot(t.getDouble("bidPrice"), t.getDouble("askPrice"));
      }
    }
    userStream();
    if (!stopped) {
      Outcome o = proceed(calls.openOrders(giveUpAt));
      if (o.ok()) {
        reconciler.reconcile(o.body());
      }
    }
    // An unknown outcome or a discrepancy to settle pauses this tick's quoting, even when the
    // settling below resolves it at once.
    boolean unknownAfterView = !tracker.unknown().isEmpty();
    settleUnknowns();
    int guards = decisionGuards(guards(), unknownAtStart, unknownAfterView);
    if (!stopped && guards == 0) {
      quote();
    } else if (!stopped && feed.ageMs() > STALE_AFTER_MS) {
      pullQuotes();
    }
    // The tick reports the guards its quoting decision was made under; what its own requests
    // raise (a 429, an unknown outcome) governs, and is reported by, the next tick.
    return guards;
  }

  /**
   * The guards a resilient tick decides to quote under: those standing after its settling, and
   * {@code RECONCILE_PENDING} when an order request of unknown outcome was open at the tick's start
   * or after its open-orders view, though the view or a look-up settled it since.
   */
  static int decisionGuards(int standing, boolean unknownAtStart, boolean unknownAfterView) {
    return standing
        | (unknownAtStart || unknownAfterView ? GuardReason.RECONCILE_PENDING.bit() : 0);
  }

  /** Applies the user data stream's reports: an order open, or closed for good. */
  private void userStream() {
    if (users != null) {
      users.applyReports(tracker);
    }
  }

  private int guards() {
    int g = 0;
    if (!gate.isOpen()) {
      g |= GuardReason.RATE_LIMITED.bit();
    }
    if (feedGap || feed.gapPending() || feed.ageMs() > STALE_AFTER_MS) {
      g |= GuardReason.WS_STALE.bit();
    }
    if (skewed) {
      g |= GuardReason.CLOCK_SKEW.bit();
    }
    if (errors.count() >= 3) {
      g |= GuardReason.EXCHANGE_ERRORS.bit();
    }
    if (calls.onFallback()) {
      g |= GuardReason.DNS_FALLBACK.bit();
    }
    if (!tracker.unknown().isEmpty()) {
      g |= GuardReason.RECONCILE_PENDING.bit();
    }
    return g;
  }

  /** Acts on an outcome: stops the tick's sending at a 429, 5xx, lost answer or -1021. */
  private Outcome proceed(Outcome o) {
    switch (o.kind()) {
      case OK:
        backoff.succeeded();
        break;
      case RATE_LIMITED:
        gate.limited();
        stopped = true;
        break;
      case CLOCK:
        errors.record();
        skewed = true;
        stopped = true;
        break;
      case NOT_SENT:
      case NO_ADDRESS:
        stopped = true;
        break;
      case UNKNOWN:
        stopped = true;
        if (o.pending() == null) {
          errors.record();
          backoff.failed();
        }
        break;
      default:
        break;
    }
    return o;
  }

  /**
   * Estimates the offset of the exchange's clock from the bot's (server time against the middle of
   * the round trip; only round trips under {@value #MAX_SAMPLE_RTT_MS} ms count). An estimate more
   * than {@value #SKEW_TOLERANCE_MS} ms from the correction in use raises {@code CLOCK_SKEW} and
   * becomes the correction; the next estimate within the tolerance clears it.
   */
  private void timeCheck() {
    long before = calls.localMillis();
    Outcome o = proceed(calls.serverTime(giveUpAt));
    long after = calls.localMillis();
    if (o.ok() && after - before < MAX_SAMPLE_RTT_MS) {
      long server = new JSONObject(o.body()).getLong("serverTime");
      long offset = server - (before + after) / 2;
      skewed = Math.abs(offset - correctionMs) > SKEW_TOLERANCE_MS;
      if (skewed) {
        correctionMs = offset;
        calls.offsetMs(offset);
      }
    }
  }

  private void settleUnknowns() {
    int lookUps = 0;
    for (String ghost : reconciler.takeForeign()) {
      if (stopped || ++lookUps > MAX_LOOKUPS_PER_TICK) {
        return;
      }
      proceed(calls.query(ghost, giveUpAt));
    }
    for (OrderTracker.Tracked t : tracker.unknown()) {
      if (t.inFlight != null) {
        if (!t.inFlight.isDone()) {
          continue;
        }
        Outcome late = OrderTracker.lateOutcome(t.inFlight);
        t.inFlight = null;
        if (tracker.settle(t, late)) {
          continue;
        }
      }
      if (stopped || ++lookUps > MAX_LOOKUPS_PER_TICK) {
        return;
      }
      reconciler.lookUp(t, proceed(calls.query(t.clientId, giveUpAt)));
    }
  }

  private void quote() {
    double mid = feed.mid();
    if (Double.isNaN(mid)) {
      return;
    }
    for (int s = 0; s < 2 && !stopped; s++) {
      String side = SIDES[s];
      double target = round2(s == 0 ? mid - HALF_SPREAD : mid + HALF_SPREAD);
      List<OrderTracker.Tracked> on = tracker.side(side);
      if (on.stream().anyMatch(t -> t.state == OrderTracker.State.UNKNOWN)) {
        continue;
      }
      for (int i = 1; i < on.size() && !stopped; i++) {
        cancel(on.get(i));
      }
      if (on.size() == 1) {
        if (Math.abs(on.get(0).price - target) > REQUOTE) {
          cancel(on.get(0));
        }
      } else if (on.isEmpty() && (!retrying[s] || retryBudget.tryTake())) {
        retrying[s] = !place(side, target);
      }
    }
  }

  private void pullQuotes() {
    for (OrderTracker.Tracked t : tracker.all()) {
      if (!stopped && t.state == OrderTracker.State.LIVE) {
        cancel(t);
      }
    }
  }

  /** Places one order; true when the exchange confirmed it. */
  private boolean place(String side, double price) {
    String id = tracker.nextId();
    tracker.put(id, side, price, OrderTracker.State.UNKNOWN);
    Outcome o = proceed(calls.place(id, side, price(price), QTY, giveUpAt));
    OrderTracker.Tracked t = tracker.get(id);
    switch (o.kind()) {
      case OK:
        t.state = OrderTracker.State.LIVE;
        t.confirmed = true;
        return true;
      case UNKNOWN:
        t.inFlight = o.pending();
        return false;
      default:
        tracker.remove(id);
        return false;
    }
  }

  private void cancel(OrderTracker.Tracked t) {
    if (!cancelBudget.tryTake()) {
      return;
    }
    Outcome o = proceed(calls.cancel(t.clientId, giveUpAt));
    switch (o.kind()) {
      case OK:
      case NOT_FOUND:
        tracker.remove(t.clientId);
        break;
      case UNKNOWN:
        t.state = OrderTracker.State.UNKNOWN;
        t.cancelling = true;
        t.inFlight = o.pending();
        break;
      default:
        break;
    }
  }

  private int naiveTick() {
    double mid = feed.mid();
    if (Double.isNaN(mid)) {
      return 0;
    }
    for (int s = 0; s < 2; s++) {
      String side = SIDES[s];
      double target = round2(s == 0 ? mid - HALF_SPREAD : mid + HALF_SPREAD);
      List<OrderTracker.Tracked> on = tracker.side(side);
      if (on.isEmpty()) {
        String id = tracker.nextId();
        if (calls.place(id, side, price(target), QTY, 0).ok()) {
          tracker.put(id, side, target, OrderTracker.State.LIVE);
        }
      } else if (Math.abs(on.get(0).price - target) > REQUOTE) {
        calls.cancel(on.get(0).clientId, 0);
        tracker.remove(on.get(0).clientId);
      }
    }
    return 0;
  }

  /**
   * Cancels every open order of the symbol (at shutdown); true when the exchange confirmed it. The
   * resilient build sends nothing while {@code Retry-After} runs: its orders then stay open, as the
   * exchange asked.
   */
  boolean cancelAll() {
    if (!naive && !gate.isOpen()) {
      return false;
    }
    return calls.cancelAll(nanoClock.getAsLong() + 1_000_000_000L).ok();
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String price(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
