package io.mmbot.chaos.examples.bot;

/** Why the bot paused quoting. Each reason clears on its own when its cause is gone. */
public enum GuardReason {
  /** No fresh market data: the WebSocket is down, resyncing, or silent for too long. */
  WS_STALE,
  /** The local clock disagrees with the exchange's by more than the tolerance. */
  CLOCK_SKEW,
  /** A 429 or 418 asked the bot to wait, or the used weight is near the limit: nothing is sent. */
  RATE_LIMITED,
  /** Too many failed requests (5xx, lost connections, timeouts) in a short window. */
  EXCHANGE_ERRORS,
  /** An order's state is unknown or the exchange's view disagrees with the bot's: verifying. */
  RECONCILE_PENDING,
  /** Name resolution failed; the bot runs on a fallback address. */
  DNS_FALLBACK;

  private static final GuardReason[] VALUES = values();

  /** This reason's bit in a mask. */
  public int bit() {
    return 1 << ordinal();
  }

  /** The reasons in {@code mask}, in declaration order, joined by {@code ","} (empty for 0). */
  public static String describe(int mask) {
    StringBuilder b = new StringBuilder();
    for (GuardReason r : VALUES) {
      if ((mask & r.bit()) != 0) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(r.name());
      }
    }
    return b.toString();
  }

  /** The reasons in {@code mask}. */
  public static java.util.EnumSet<GuardReason> of(int mask) {
    java.util.EnumSet<GuardReason> s = java.util.EnumSet.noneOf(GuardReason.class);
    for (GuardReason r : VALUES) {
      if ((mask & r.bit()) != 0) {
        s.add(r);
      }
    }
    return s;
  }
}
