package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot jar as a process against an embedded exchange on 127.0.0.1: it quotes and
 * cancels (the exchange's ledger), serves every metric the suite reads, and ends on SIGTERM within
 * the suite's grace, cancelling its orders on the way out.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinanceBotIT {

  static final Duration READY = Duration.ofSeconds(30);
  static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path dir;

  /** The suite's placeholders filled in for {@code ex}. */
  static List<String> args(ExchangeServer ex, int metricsPort, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--rest-url",
                ex.restUri().toString(),
                "--ws-url",
                ex.wsUri().toString(),
                "--api-key",
                ex.apiKey(),
                "--api-secret",
                ex.apiSecret(),
                "--metrics-port",
                Integer.toString(metricsPort)));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void quotesBothSidesCancelsOnSigtermAndServesEveryMetricTheSuiteReads() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().seed(11).start()) {
      int metricsPort = LocalProcess.freePort();
      String metrics;
      long stopMs;
      int exit;
      try (BotProcess bot =
          BotProcess.start(
              BotProcess.javaBot(null, args(ex, metricsPort, "--run-dir", dir.toString())),
              dir,
              metricsPort,
              READY)) {
        Await.until("two orders open at the exchange", READY, () -> ex.openOrderCount() == 2);
        Await.until(
            "six ticks counted",
            READY,
            () -> {
              String m = bot.metricsOrNull();
              return m != null && BotProcess.sample(m, "mm_tick_total_ms_count") >= 6;
            });
        metrics = bot.metricsOrNull();
        stopMs = bot.terminate(GRACE);
        exit = bot.exitCode();
        assertThat(bot.output()).contains("mm-binance-bot: stopped");
      }

      assertThat(stopMs).as("ended on SIGTERM within the grace").isBetween(0L, 4_999L);
      assertThat(exit).as("exit status after SIGTERM").isEqualTo(143);
      assertThat(ex.openOrderCount()).as("open orders after exit").isZero();
      List<Ledger.Entry> ledger = ex.ledger().entries();
      assertThat(ledger).extracting(e -> e.side().name()).contains("BUY", "SELL");
      assertThat(ledger).allSatisfy(e -> assertThat(e.clientOrderId()).startsWith("bb"));
      assertThat(ledger)
          .as("every order the bot placed was cancelled by the time it exited")
          .allSatisfy(e -> assertThat(e.status().name()).isIn("CANCELED", "FILLED"));

      for (String series :
          List.of(
              "mm_tick_total_ms_bucket{le=\"210.0\"}",
              "mm_tick_total_ms_bucket{le=\"250.0\"}",
              "mm_tick_total_ms_count",
              "mm_tick_total_ms_sum",
              "mm_tick_deadline_miss_total",
              "mm_reconnect_attempts_total{kind=\"ws\"}",
              "mm_reconnect_attempts_total{kind=\"rest\"}")) {
        assertThat(BotProcess.sample(metrics, series)).as(series).isNotNaN();
      }
      for (GuardReason r : GuardReason.values()) {
        assertThat(BotProcess.sample(metrics, "mm_bot_guard_active{reason=\"" + r + "\"}"))
            .as("guard gauge " + r)
            .isIn(0.0, 1.0);
        assertThat(BotProcess.sample(metrics, "mm_bot_guards_raised_total{reason=\"" + r + "\"}"))
            .as("guard counter " + r)
            .isNotNaN();
      }
    }
  }
}
