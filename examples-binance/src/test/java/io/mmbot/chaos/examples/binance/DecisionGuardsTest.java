package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The guards a resilient tick quotes under. Under NET_LOSS a place whose answer was lost is often
 * settled by the next tick's open-orders view (the order is there, or not); the tick still pauses
 * its quoting under {@code RECONCILE_PENDING}, as the suite expects of a bot that had an order of
 * unknown outcome (two runs of this bot raised no guard at all that way).
 */
class DecisionGuardsTest {

  private static final int PENDING = GuardReason.RECONCILE_PENDING.bit();

  @Test
  void anUnknownOutcomeTheViewSettledStillPausesTheTick() {
    assertThat(MarketMaker.decisionGuards(0, true, false)).isEqualTo(PENDING);
  }

  @Test
  void anUnknownOutcomeLeftAfterTheViewPausesTheTick() {
    assertThat(MarketMaker.decisionGuards(0, false, true)).isEqualTo(PENDING);
  }

  @Test
  void withoutAnUnknownOutcomeOnlyTheStandingGuardsCount() {
    int stale = GuardReason.WS_STALE.bit();
    assertThat(MarketMaker.decisionGuards(stale, false, false)).isEqualTo(stale);
    assertThat(MarketMaker.decisionGuards(0, false, false)).isZero();
  }
}
