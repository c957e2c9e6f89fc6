package io.mmbot.chaos;

/**
 * Where a NET_LOSS fault strikes one request: before it was sent, or after the exchange received
 * (and executed) it, with its response then either never arriving or cut off on its way. Drawn by
 * {@link ChaosInjector#netLossStage()} from {@code unknown_outcome_share} and {@code
 * net_loss.cut_share}.
 */
public enum NetLossStage {
  /** The connection is lost before the request is sent: the exchange never sees it. */
  BEFORE_SEND,
  /** The request is executed and its response never arrives: the caller waits for its timeout. */
  RESPONSE_LOST,
  /**
   * The request is executed and the connection breaks while the response is on its way: a body cut
   * short, or a reset before the first byte of the answer, as each client meets it.
   */
  RESPONSE_CUT
}
