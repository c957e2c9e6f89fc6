package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript bot ({@code src/main/js/bot.mjs}, ccxt pinned by its {@code package-lock.json}) as
 * a process against an embedded exchange on 127.0.0.1: it quotes both sides (the exchange's
 * ledger), serves the metrics the suite reads, and ends on SIGTERM, cancelling its orders. Skipped
 * when {@code node} is not installed, or ccxt not yet ({@code npm ci} in {@code src/main/js}, as
 * {@code .ci/run} does); failed for either in CI.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CcxtBotIT {

  private static final Path JS = JsBot.DIR;

  @TempDir Path dir;

  @Test
  void quotesBothSidesServesTheSuitesMetricsAndCancelsOnSigterm() throws Exception {
    Path node = JsBot.requireNodeAndCcxt();
    try (ExchangeServer ex = ExchangeServer.builder().seed(21).start()) {
      int metricsPort = LocalProcess.freePort();
      List<String> command =
          List.of(
              node.toString(),
              JS.resolve("bot.mjs").toAbsolutePath().toString(),
              "--rest-url",
              ex.restUri().toString(),
              "--ws-url",
              ex.wsUri().toString(),
              "--api-key",
              ex.apiKey(),
              "--api-secret",
              ex.apiSecret(),
              "--metrics-port",
              Integer.toString(metricsPort),
              "--run-dir",
              dir.toString());
      String metrics;
      long stopMs;
      try (BotProcess bot = BotProcess.start(command, dir, metricsPort, BinanceBotIT.READY)) {
        Await.until("two orders open", BinanceBotIT.READY, () -> ex.openOrderCount() == 2);
        Await.until(
            "four ticks counted",
            BinanceBotIT.READY,
            () -> {
              String m = bot.metricsOrNull();
              return m != null && BotProcess.sample(m, "mm_tick_total_ms_count") >= 4;
            });
        metrics = bot.metricsOrNull();
        stopMs = bot.terminate(BinanceBotIT.GRACE);
        assertThat(bot.output()).contains("ccxt-bot: stopped on SIGTERM");
      }
      assertThat(stopMs).as("ended on SIGTERM within the grace").isBetween(0L, 4_999L);
      assertThat(ex.openOrderCount()).as("open orders after exit").isZero();
      List<Ledger.Entry> ledger = ex.ledger().entries();
      assertThat(ledger).extracting(e -> e.side().name()).contains("BUY", "SELL");
      assertThat(ledger).allSatisfy(e -> assertThat(e.clientOrderId()).startsWith("js"));
      for (String series :
          List.of(
              "mm_tick_total_ms_bucket{le=\"210.0\"}",
              "mm_tick_total_ms_bucket{le=\"250.0\"}",
              "mm_tick_total_ms_count",
              "mm_tick_deadline_miss_total",
              "mm_reconnect_attempts_total{kind=\"ws\"}",
              "mm_bot_guard_active{reason=\"RATE_LIMITED\"}",
              "mm_bot_guards_raised_total{reason=\"WS_STALE\"}")) {
        assertThat(BotProcess.sample(metrics, series)).as(series).isNotNaN();
      }
    }
  }
}
