package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --bot-limits market_data=ws|rest}: where the bot takes its market data from. */
class BotLimitsFeedTest {

  @Test
  void theStreamIsTheDefaultAndTheSpecIsUnchanged() {
    assertThat(BotLimits.DEFAULTS.restMarketData()).isFalse();
    assertThat(BotLimits.parse("tick_ms=500").restMarketData()).isFalse();
    assertThat(BotLimits.DEFAULTS.spec()).doesNotContain("market_data");
  }

  @Test
  void restIsDeclaredAndSaidInTheSpec() {
    BotLimits b = BotLimits.parse("market_data=rest,deadline_ms=300");
    assertThat(b.restMarketData()).isTrue();
    assertThat(b.deadlineMs()).isEqualTo(300);
    assertThat(b.spec()).endsWith(",market_data=rest");
    assertThat(BotLimits.parse(b.spec())).isEqualTo(b);
    assertThat(BotLimits.parse("market_data=WS").restMarketData()).isFalse();
  }

  @Test
  void anythingElseIsBadInput() {
    assertThatThrownBy(() -> BotLimits.parse("market_data=fix"))
        .hasMessage("market_data: 'fix' is not ws or rest");
    assertThatThrownBy(() -> BotLimits.parse("market_data=rest,market_data=ws"))
        .hasMessage("market_data given twice");
  }
}
