package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.ExternalProgram;
import io.mmbot.chaos.time.VirtualTime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ccxt (JavaScript, npm, version pinned by {@code src/test/js/package-lock.json}) against the
 * exchange: its {@code binance} class with the API URLs pointed at 127.0.0.1. Needs {@code node}
 * and {@code npm ci} in {@code src/test/js} (as {@code .ci/run} does); skipped without them, failed
 * in CI.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CcxtTest {
  private static final Path DIR = Path.of("src/test/js");
  private static Path node;
  private static final ChaosConfig LOST_AFTER =
      Chaos.config(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));

  @BeforeAll
  static void needsNodeAndCcxt() {
    node = ExternalProgram.require("node", "apt-get install -y nodejs");
    if (!Files.isDirectory(DIR.resolve("node_modules/ccxt"))) {
      String why = "ccxt is not installed: run npm ci in chaos-exchange/src/test/js";
      if (ExternalProgram.inCi()) {
        fail(why + "; CI=true requires it");
      }
      Assumptions.abort(why);
    }
  }

  private static List<String> run(ExchangeServer ex, String mode) throws Exception {
    ExternalProgram.Result r =
        ExternalProgram.run(
            DIR,
            null,
            Duration.ofSeconds(60),
            node.toString(),
            "ccxt-check.mjs",
            ex.restUri().toString(),
            ex.apiKey(),
            ex.apiSecret(),
            mode);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.lines();
  }

  /**
   * Runs {@code mode} with the markets loaded while chaos is off, then switches {@code faults} on
   * and lets the script go on: the faults meet the trading calls, not the start-up.
   */
  private static List<String> runArmed(
      ExchangeServer ex, ChaosInjector injector, ChaosConfig faults, String mode) throws Exception {
    Process p =
        new ProcessBuilder(
                node.toString(),
                "ccxt-check.mjs",
                ex.restUri().toString(),
                ex.apiKey(),
                ex.apiSecret(),
                "armed-" + mode)
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(out.readLine()).isEqualTo("ready");
      injector.update(faults);
      in.write("go\n");
      in.flush();
      List<String> lines = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
      return lines;
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void createsFetchesAndCancelsAnOrderAndReadsTheBook() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      assertThat(run(ex, "operations"))
          .containsExactly(
              "created 1 open",
              "fetched 1 open 20000 0.01",
              "open 1",
              "cancelled 1 canceled",
              "book 5 true");
      assertThat(ex.openOrderCount()).isZero();
    }
  }

  @Test
  void a429IsDdosProtectionANetworkErrorAndNothingExecutes() throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(runArmed(ex, injector, Chaos.config(b -> b.exch429(1.0)), "place").get(0))
          .startsWith("ERROR DDoSProtection NetworkError")
          .contains("binance 429 ");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aConnectionResetBeforeExecutionIsANetworkErrorAndNothingExecutes() throws Exception {
    ChaosInjector injector = Chaos.off();
    ChaosConfig lostBefore = Chaos.config(b -> b.netLoss(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(runArmed(ex, injector, lostBefore, "place").get(0))
          .startsWith("ERROR NetworkError ")
          .contains("ECONNRESET");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void a5xxBeforeExecutionIsAnOperationFailureAndNothingExecutes() throws Exception {
    ChaosInjector injector = Chaos.off();
    ChaosConfig before = Chaos.config(b -> b.exch5xx(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      // -1000 and -1001 are OperationFailed in ccxt's table, -1007 (on a 504) RequestTimeout
      assertThat(runArmed(ex, injector, before, "place").get(0))
          .startsWith("ERROR ")
          .contains("OperationFailed")
          .containsPattern("\"code\":-100[017]");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void a5xxAfterExecutionIsTheSameOperationFailureButTheOrderExists() throws Exception {
    ChaosInjector injector = Chaos.off();
    ChaosConfig after = Chaos.config(b -> b.exch5xx(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(runArmed(ex, injector, after, "place").get(0))
          .startsWith("ERROR ")
          .contains("OperationFailed");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aServerClockAheadIsAnInvalidNonce() throws Exception {
    VirtualTime nanos = new VirtualTime();
    ChaosInjector injector =
        Chaos.injector(b -> b.clockSkewMs(30_000).clockSkewProbability(1.0), nanos);
    nanos.advanceNanos(15_000_000_000L);
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(run(ex, "place").get(0)).startsWith("ERROR InvalidNonce NetworkError");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void anAnswerCutOffMidBodyIsAPlainErrorOutsideCcxtsClassesAndTheOrderExists() throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.CUT_BODY))
            .start()) {
      // undici's length check escapes ccxt's error mapping: a plain Error, no ccxt class at all
      assertThat(runArmed(ex, injector, LOST_AFTER, "place").get(0))
          .isEqualTo("ERROR  :: Response body length does not match content-length header");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aSilentAnswerIsARequestTimeoutANetworkError() throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.SILENCE))
            .silenceMaxMs(20_000)
            .start()) {
      assertThat(runArmed(ex, injector, LOST_AFTER, "place").get(0))
          .startsWith("ERROR RequestTimeout NetworkError ")
          .contains("request timed out (3000 ms)");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aResetAfterExecutionIsANetworkErrorAndTheOrderExists() throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.RESET))
            .start()) {
      assertThat(runArmed(ex, injector, LOST_AFTER, "place").get(0))
          .startsWith("ERROR NetworkError ")
          .contains("ECONNRESET");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aStormNotBackedOffFromEndsInA418BanBothDdosProtectionNeverRateLimitExceeded()
      throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      List<String> lines =
          runArmed(ex, injector, Chaos.config(b -> b.rateLimitStorm(1.0)), "storm");
      // ccxt's binance class maps 418 and 429 to DDoSProtection before it reads -1003, so its
      // subclass RateLimitExceeded never comes out of an HTTP answer
      assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("ERROR DDoSProtection NetworkError"));
      assertThat(lines.get(0)).contains("binance 429 ");
      assertThat(lines.get(3)).contains("binance 418 ");
    }
  }
}
