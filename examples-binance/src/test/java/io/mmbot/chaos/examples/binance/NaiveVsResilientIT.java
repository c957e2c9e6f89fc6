package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.exchange.ExchangeJournal;
import io.mmbot.chaos.exchange.server.ExchangeServer;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two builds of the same jar under one exchange fault, judged from the exchange's own journal:
 * a request weight limit of 1 a minute, so the exchange answers 429 with {@code Retry-After} (the
 * seconds to the end of the minute) almost at once. A request that arrives after a 429 or 418 and
 * before its {@code Retry-After} ran out is a violation. The naive build commits them (and earns a
 * 418 ban); the resilient build, reading {@code Retry-After} off the wire, commits none.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NaiveVsResilientIT {

  @TempDir Path dir;

  @Test
  void theNaiveBuildSendsInsideRetryAfterAndTheResilientBuildDoesNot() throws Exception {
    Run naive = run(true);
    Run resilient = run(false);

    assertThat(naive.limited).as("429/418 answers the naive build met").isPositive();
    assertThat(naive.violations).as("naive requests sent inside Retry-After").isPositive();
    assertThat(resilient.limited).as("429/418 answers the resilient build met").isPositive();
    assertThat(resilient.violations)
        .as("resilient requests sent inside Retry-After; the exchange's log: %s", resilient.log)
        .isZero();
  }

  private record Run(long limited, long violations, List<ExchangeJournal.Request> log) {}

  private Run run(boolean naive) throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().seed(5).weightLimitPerMinute(1).start()) {
      ex.readRules(
          r -> {
            r.journal().start();
            return null;
          });
      int metricsPort = LocalProcess.freePort();
      List<String> args =
          naive
              ? BinanceBotIT.args(ex, metricsPort, "--naive")
              : BinanceBotIT.args(ex, metricsPort);
      try (BotProcess bot =
          BotProcess.start(
              BotProcess.javaBot(null, args),
              dir.resolve(naive ? "naive" : "resilient"),
              metricsPort,
              BinanceBotIT.READY)) {
        Await.until(
            "a 429 from the exchange",
            Duration.ofSeconds(30),
            () -> ex.readRules(r -> r.rateLimitedAnswers() + r.bans()) > 0);
        // Four more seconds of trading while Retry-After runs (at least to the minute's end).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        Await.until("four seconds more", Duration.ofSeconds(10), () -> System.nanoTime() > until);
        bot.terminate(BinanceBotIT.GRACE);
      }
      List<ExchangeJournal.Request> log = ex.readRules(r -> List.copyOf(r.journal().requests()));
      long limited = log.stream().filter(q -> q.retryUntilMs() > 0).count();
      return new Run(limited, violations(log), log);
    }
  }

  /** Requests that arrived after a 429/418 and before its Retry-After ran out. */
  static long violations(List<ExchangeJournal.Request> log) {
    long until = Long.MIN_VALUE;
    long count = 0;
    for (ExchangeJournal.Request q : log) {
      if (q.atMs() < until) {
        count++;
      }
      until = Math.max(until, q.retryUntilMs());
    }
    return count;
  }
}
