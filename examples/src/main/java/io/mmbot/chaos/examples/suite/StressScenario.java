package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;

/**
 * Scenarios beside the seed's ten (which stay the acceptance), pushed to where a bot's resilience
 * features matter: each a library scenario at an intensity far above the seed's, with its own
 * expected guards and, where the stress makes the seed's bound meaningless, its own bound. Reported
 * under their own heading. Reasons in {@code docs/suite.md}.
 */
public enum StressScenario {
  /** Every request answered 5xx during the bursts (half of them executed): a sustained outage. */
  SUSTAINED_OUTAGE(
      "sustained_outage",
      Scenario.EXCH_5XX,
      1.0,
      120,
      mask(GuardReason.EXCHANGE_ERRORS),
      mask(GuardReason.EXCHANGE_ERRORS, GuardReason.RECONCILE_PENDING),
      true,
      false),
  /** Nine requests and frames in ten lost: the feed goes silent while the connection stays up. */
  HEAVY_LOSS(
      "heavy_loss",
      Scenario.NET_LOSS,
      0.9,
      120,
      mask(GuardReason.WS_STALE, GuardReason.EXCHANGE_ERRORS),
      mask(GuardReason.WS_STALE, GuardReason.EXCHANGE_ERRORS, GuardReason.RECONCILE_PENDING),
      true,
      false),
  /**
   * Abnormal closes at 30 a minute of burst: both endpoints are often failing over at once, so a
   * reconnect may have to wait for one to come back.
   */
  WS_STORM(
      "ws_storm",
      Scenario.WS_DISCONNECT,
      30,
      120,
      mask(GuardReason.WS_STALE),
      mask(GuardReason.WS_STALE, GuardReason.RECONCILE_PENDING),
      false,
      true),
  /** Abnormal closes at 6 a minute of burst, one endpoint at a time as a rule. */
  WS_FLAP(
      "ws_flap",
      Scenario.WS_DISCONNECT,
      6,
      120,
      mask(GuardReason.WS_STALE),
      mask(GuardReason.WS_STALE, GuardReason.RECONCILE_PENDING),
      false,
      false),
  /** The local clock off by up to ±2 s: beyond the exchange's 1 s tolerance ahead. */
  CLOCK_BEYOND_WINDOW(
      "clock_beyond_window",
      Scenario.CLOCK_SKEW,
      2_000,
      120,
      mask(GuardReason.CLOCK_SKEW),
      mask(GuardReason.CLOCK_SKEW, GuardReason.RECONCILE_PENDING),
      false,
      false),
  /** Three lookups in ten fail. */
  DNS_OUTAGE(
      "dns_outage",
      Scenario.DNS_FLAP,
      0.3,
      120,
      mask(GuardReason.DNS_FALLBACK),
      mask(GuardReason.DNS_FALLBACK, GuardReason.RECONCILE_PENDING),
      false,
      false),
  /** Three open-orders views in ten perturbed. */
  MISMATCH_HEAVY(
      "mismatch_heavy",
      Scenario.RECONCILE_MISMATCH,
      0.3,
      120,
      mask(GuardReason.RECONCILE_PENDING),
      mask(GuardReason.RECONCILE_PENDING),
      false,
      false),
  /**
   * Another client behind the same IP uses 20 weight a second during the burst (the limit is per
   * IP): the client's own weight plus it runs the minute over the limit, so only a client that
   * reads the used weight in every answer stays clear of the exchange's 429. No library fault: the
   * load is the stress, and its requests count as the run's injections.
   */
  WEIGHT_NEAR_LIMIT(
      "weight_near_limit",
      Scenario.EXCH_429,
      0,
      120,
      mask(GuardReason.RATE_LIMITED),
      mask(GuardReason.RATE_LIMITED, GuardReason.RECONCILE_PENDING),
      false,
      false,
      20,
      false,
      false),
  /**
   * The exchange's price filter refuses every new order during the burst (HTTP 400, -1013): a place
   * known not to have been placed, which a bot may retry only within its declared retry budget. No
   * library fault: the refusals are the stress, and count as the run's injections.
   */
  ORDERS_REFUSED(
      "orders_refused",
      Scenario.EXCH_5XX,
      0,
      120,
      0,
      mask(GuardReason.RECONCILE_PENDING),
      false,
      false,
      0,
      true,
      false),
  /**
   * Two calls in five answered 429 during the bursts, in the library's waves, each with a {@code
   * Retry-After} of 1.000 to 1.499 s to the millisecond: the deadline falls at any phase of a 500
   * ms tick, so a bot that comes back a fraction of a second early is seen doing it. 360 s, three
   * bursts: enough 429s that a wait 100 ms short is caught on about nine seeds in ten.
   */
  RETRY_AFTER_MS(
      "retry_after_ms",
      Scenario.EXCH_429,
      0.4,
      360,
      mask(GuardReason.RATE_LIMITED),
      mask(GuardReason.RATE_LIMITED, GuardReason.RECONCILE_PENDING),
      false,
      false,
      0,
      false,
      true),
  /**
   * The bot's process is killed three times during the burst, and started again after 1–3 s, with
   * nothing of its memory (tracked orders, WebSocket session, clock offset, backoffs), against the
   * same exchange and account: its quotes stay open on the book meanwhile, and the new process must
   * take them over or cancel them. No library fault: the restarts are the stress, and count as the
   * run's injections; what the exchange sees of a killed process is its WebSocket closing and its
   * requests stopping, hence the scenario it drives.
   */
  BOT_RESTART(
      "bot_restart",
      Scenario.WS_DISCONNECT,
      0,
      120,
      0,
      mask(GuardReason.RECONCILE_PENDING, GuardReason.WS_STALE),
      false,
      false);

  /** Shortest sub-second {@code Retry-After} of {@link #RETRY_AFTER_MS}, ms. */
  public static final long SUB_SECOND_RETRY_AFTER_FROM_MS = 1_000;

  /** Spread of its values above the shortest, ms: one full tick of 500 ms. */
  public static final long SUB_SECOND_RETRY_AFTER_SPREAD_MS = 500;

  private final String key;
  private final Scenario scenario;
  private final double intensity;
  private final long durationSec;
  private final int required;
  private final int allowed;
  private final boolean recoveryAfterBackoff;
  private final boolean reconnectAfterFailover;
  private final int weightOfAnotherClientPerSec;
  private final boolean refuseNewOrders;
  private final boolean subSecondRetryAfter;

  StressScenario(
      String key,
      Scenario scenario,
      double intensity,
      long durationSec,
      int required,
      int allowed,
      boolean recoveryAfterBackoff,
      boolean reconnectAfterFailover) {
    this(
        key,
        scenario,
        intensity,
        durationSec,
        required,
        allowed,
        recoveryAfterBackoff,
        reconnectAfterFailover,
        0,
        false,
        false);
  }

  StressScenario(
      String key,
      Scenario scenario,
      double intensity,
      long durationSec,
      int required,
      int allowed,
      boolean recoveryAfterBackoff,
      boolean reconnectAfterFailover,
      int weightOfAnotherClientPerSec,
      boolean refuseNewOrders,
      boolean subSecondRetryAfter) {
    this.subSecondRetryAfter = subSecondRetryAfter;
    this.weightOfAnotherClientPerSec = weightOfAnotherClientPerSec;
    this.refuseNewOrders = refuseNewOrders;
    this.key = key;
    this.scenario = scenario;
    this.intensity = intensity;
    this.durationSec = durationSec;
    this.required = required;
    this.allowed = allowed | required;
    this.recoveryAfterBackoff = recoveryAfterBackoff;
    this.reconnectAfterFailover = reconnectAfterFailover;
  }

  /** Its key in reports. */
  public String key() {
    return key;
  }

  /** The library scenario it drives. */
  public Scenario scenario() {
    return scenario;
  }

  /** Its intensity, in the scenario's unit. */
  public double intensity() {
    return intensity;
  }

  /** Run length, virtual seconds after the warm-up. */
  public long durationSec() {
    return durationSec;
  }

  /** Guard reasons that must be seen. */
  public int requiredGuards() {
    return required;
  }

  /** Guard reasons that may be seen. */
  public int allowedGuards() {
    return allowed;
  }

  /**
   * Whether every request fails for a whole burst, so that recovery may take the bot's declared
   * longest backoff beyond the 3 ticks (a bot waiting out its backoff sends nothing).
   */
  public boolean recoveryAfterBackoff() {
    return recoveryAfterBackoff;
  }

  /**
   * Whether both WebSocket endpoints may be failing over at once, so that a reconnect may take the
   * longest failover (5 s) plus the longest reconnect wait (800 ms) beyond the 3 ticks.
   */
  public boolean reconnectAfterFailover() {
    return reconnectAfterFailover;
  }

  /**
   * Request weight per second that another client behind the same IP uses during the burst (0: no
   * such client). Recovery may then wait for the minute's end, when the weight frees.
   */
  public int weightOfAnotherClientPerSec() {
    return weightOfAnotherClientPerSec;
  }

  /** Whether the exchange refuses every new order during the burst (price filter, -1013). */
  public boolean refuseNewOrders() {
    return refuseNewOrders;
  }

  /**
   * Whether every 429/418 of the simulated exchange carries a {@code Retry-After} with milliseconds
   * (from {@link #SUB_SECOND_RETRY_AFTER_FROM_MS}, spread over {@link
   * #SUB_SECOND_RETRY_AFTER_SPREAD_MS}) instead of whole seconds.
   */
  public boolean subSecondRetryAfter() {
    return subSecondRetryAfter;
  }

  /**
   * Whether the bot's process is killed and started again during the burst ({@link BotRestarts}).
   */
  public boolean restartsTheBot() {
    return this == BOT_RESTART;
  }

  /** The run plan of seed {@code seed} for {@code bot}. */
  public RunPlan plan(long seed, String bot) {
    return plan(seed, durationSec, bot);
  }

  /** The run plan of seed {@code seed} for {@code bot}, lasting {@code durationSec}. */
  public RunPlan plan(long seed, long durationSec, String bot) {
    return new RunPlan(scenario, seed, intensity, durationSec, bot, "sim", this);
  }

  /** The stress scenario of key {@code key} (as in reports and run records), or null. */
  public static StressScenario fromKey(String key) {
    for (StressScenario s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }

  private static int mask(GuardReason... reasons) {
    int m = 0;
    for (GuardReason r : reasons) {
      m |= r.bit();
    }
    return m;
  }
}
