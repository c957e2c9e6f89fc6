package io.mmbot.chaos.examples.judge;

/**
 * One order as the exchange's ledger has it.
 *
 * @param clientOrderId its client order id
 * @param side 'B' or 'S'
 * @param priceTicks its limit price
 * @param acceptedAtNanos when the exchange accepted it, harness nanoseconds
 * @param closedAtNanos when it was filled or cancelled; {@link Long#MAX_VALUE} while open
 * @param midAtAcceptTicks the exchange's own mid price when it accepted the order; 0 when the
 *     exchange does not know it
 */
public record OrderRecord(
    String clientOrderId,
    char side,
    long priceTicks,
    long acceptedAtNanos,
    long closedAtNanos,
    long midAtAcceptTicks) {

  /** Whether it was open at {@code t}. */
  public boolean openAt(long t) {
    return acceptedAtNanos <= t && t < closedAtNanos;
  }
}
