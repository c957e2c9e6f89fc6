package io.mmbot.chaos;

/** How a {@link Scenario#RECONCILE_MISMATCH} perturbs the bot's view of its open orders. */
public enum MismatchType {
  /** An order the exchange has open is missing from the view. */
  MISSING_ORDER("missing"),
  /** The view holds an order the exchange does not have. */
  GHOST_ORDER("ghost"),
  /** An order's status is out of date (for example still open although filled). */
  STALE_STATUS("stale_status"),
  /** An order's remaining quantity differs from the exchange's. */
  QTY_DIFF("qty_diff");

  private final String key;

  MismatchType(String key) {
    this.key = key;
  }

  /** The lower-case key used as the {@code type} metric label, for example {@code "ghost"}. */
  public String key() {
    return key;
  }
}
