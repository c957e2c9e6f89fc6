package io.mmbot.chaos.examples.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders judged against the exchange's own mid at acceptance, from a crafted ledger. */
class QuoteChecksTest {

  private static final long MID = 3_000_000;
  private static final long QUOTE = 2_000;
  private static final long ALLOW = QuoteChecks.allowanceTicks(1_000);

  private static OrderRecord order(char side, long price, long mid) {
    return new OrderRecord("o", side, price, 0, Long.MAX_VALUE, mid);
  }

  @Test
  void theAllowanceIsSixSigmasOfTheMidOverTwoSecondsPlusTheGrid() {
    // 6 x 60 ticks x sqrt(20 steps) = 1,609.97, rounded up, plus the 10-tick grid
    assertThat(ALLOW).isEqualTo(1_620);
  }

  @Test
  void quotesAtTheDeclaredDistanceGivenTheMidsMovePass() {
    List<OrderRecord> ledger =
        List.of(
            order('B', MID - QUOTE, MID),
            order('S', MID + QUOTE, MID),
            order('B', MID - QUOTE - ALLOW, MID),
            order('S', MID + QUOTE - ALLOW, MID),
            order('B', MID - 10, 0)); // no mid recorded: not judged
    assertThat(QuoteChecks.offMid(ledger, QUOTE, ALLOW)).isZero();
  }

  @Test
  void aQuoteOnTheWrongSideOfTheMidOrBeyondTheAllowanceFails() {
    List<OrderRecord> ledger =
        List.of(
            order('B', MID, MID), // a bid at the mid
            order('S', MID - 5, MID), // an ask below it
            order('B', MID - QUOTE - ALLOW - 1, MID), // too far below
            order('S', MID + QUOTE + ALLOW + 1, MID),
            order('S', MID + QUOTE, MID));
    assertThat(QuoteChecks.offMid(ledger, QUOTE, ALLOW)).isEqualTo(4);
    assertThat(QuoteChecks.worstStrayTicks(ledger, QUOTE)).isEqualTo(QUOTE + 5);
  }

  @Test
  void withoutADeclaredDistanceOnlyTheSideIsJudged() {
    List<OrderRecord> ledger =
        List.of(order('B', MID - QUOTE - ALLOW - 1, MID), order('S', MID + 1, MID));
    assertThat(QuoteChecks.offMid(ledger, 0, ALLOW)).isZero();
    assertThat(QuoteChecks.offMid(List.of(order('B', MID + 1, MID)), 0, ALLOW)).isEqualTo(1);
  }
}
