package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ccxt (JavaScript, npm, version pinned by {@code src/test/js/package-lock.json}) against the
 * exchange: its {@code binance} class with the API URLs pointed at 127.0.0.1. Needs {@code node}
 * and {@code npm ci} in {@code src/test/js} (as {@code .ci/run} does); skipped without them, failed
 * in CI.
 */
class CcxtTest {
  private static final Path DIR = Path.of("src/test/js");
  private static Path node;

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
  void a429IsDdosProtectionANetworkError() throws Exception {
    try (ExchangeServer ex =
        ExchangeServer.builder().injector(Chaos.injector(b -> b.exch429(1.0))).start()) {
      assertThat(run(ex, "place").get(0)).startsWith("ERROR DDoSProtection NetworkError");
    }
  }

  @Test
  void aLostConnectionIsANetworkError() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(run(ex, "place").get(0)).startsWith("ERROR ").contains("NetworkError");
    }
  }

  @Test
  void a5xxIsAnOperationFailure() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(run(ex, "place").get(0)).startsWith("ERROR ").contains("OperationFailed");
    }
  }

  @Test
  void aServerClockAheadIsAnInvalidNonce() throws Exception {
    AtomicLong nanos = new AtomicLong(0);
    ChaosInjector injector =
        Chaos.injector(b -> b.clockSkewMs(30_000).clockSkewProbability(1.0), nanos);
    nanos.set(15_000_000_000L);
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      assertThat(run(ex, "place").get(0)).startsWith("ERROR InvalidNonce NetworkError");
      assertThat(ex.ledgerSize()).isZero();
    }
  }
}
