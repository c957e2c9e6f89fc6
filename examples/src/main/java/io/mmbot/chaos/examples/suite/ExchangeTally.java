package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;

/**
 * What the exchange counted over a run, beside the wire and the orders: the injections per
 * scenario, the bans and refusals it answered with, and a hash of its event log.
 *
 * @param injections injections per scenario, in {@link Scenario} order (copied in and out)
 * @param bans418 HTTP 418 bans earned
 * @param timestampRejections requests rejected for their timestamp (-1021)
 * @param weightRefusals requests refused because the weight of the minute was used up (-1003)
 * @param eventLogHash a hash of the exchange's event log
 */
public record ExchangeTally(
    long[] injections,
    long bans418,
    long timestampRejections,
    long weightRefusals,
    long eventLogHash) {

  /** Copies {@code injections}: the tally does not change after it is made. */
  public ExchangeTally {
    injections = injections.clone();
  }

  /** Injections per scenario, a copy. */
  @Override
  public long[] injections() {
    return injections.clone();
  }

  /** Injections of scenario {@code s}. */
  public long injections(Scenario s) {
    return injections[s.ordinal()];
  }
}
