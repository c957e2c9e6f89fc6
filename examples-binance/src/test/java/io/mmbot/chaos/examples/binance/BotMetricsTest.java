package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import org.junit.jupiter.api.Test;

class BotMetricsTest {

  private final BotMetrics metrics =
      new BotMetrics(ChaosInjector.create(ChaosConfig.builder().enabled(false).build()), 210);

  @Test
  void theTickDeadlineAnd250MsAreBucketEdgesOfTheTickHistogram() {
    metrics.chaos().recordTick(205, false);
    metrics.chaos().recordTick(215, true);
    metrics.chaos().recordTick(245, true);
    String text = metrics.scrape();
    assertThat(BotProcess.sample(text, "mm_tick_total_ms_bucket{le=\"210.0\"}")).isEqualTo(1.0);
    assertThat(BotProcess.sample(text, "mm_tick_total_ms_bucket{le=\"250.0\"}")).isEqualTo(3.0);
    assertThat(BotProcess.sample(text, "mm_tick_deadline_miss_total")).isEqualTo(2.0);
  }

  @Test
  void aGuardIsActiveWhileRaisedAndCountedOncePerRaise() {
    int rate = GuardReason.RATE_LIMITED.bit();
    int stale = GuardReason.WS_STALE.bit();
    metrics.guards(rate);
    metrics.guards(rate | stale);
    metrics.guards(stale);
    metrics.guards(rate);
    String text = metrics.scrape();
    assertThat(BotProcess.sample(text, "mm_bot_guard_active{reason=\"RATE_LIMITED\"}"))
        .isEqualTo(1.0);
    assertThat(BotProcess.sample(text, "mm_bot_guard_active{reason=\"WS_STALE\"}")).isEqualTo(0.0);
    assertThat(BotProcess.sample(text, "mm_bot_guards_raised_total{reason=\"RATE_LIMITED\"}"))
        .isEqualTo(2.0);
    assertThat(BotProcess.sample(text, "mm_bot_guards_raised_total{reason=\"WS_STALE\"}"))
        .isEqualTo(1.0);
    for (GuardReason r : GuardReason.values()) {
      assertThat(text).contains("mm_bot_guard_active{reason=\"" + r + "\"}");
    }
  }
}
