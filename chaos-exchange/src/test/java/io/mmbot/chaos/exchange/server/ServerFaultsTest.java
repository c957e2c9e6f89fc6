package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-side faults that the connector tests do not already pin down. */
class ServerFaultsTest {

  @Test
  void aLatencySpikeHoldsTheAnswerBack() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.latSpikeMs(400).latSpikeProbability(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Wire w = new Wire(ex);
      long t0 = System.nanoTime();
      assertThat(w.get("/api/v3/ping").statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
    }
  }

  @Test
  void aCallerThatIgnoresStormRetryAfterIsBannedWith418() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.rateLimitStorm(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Wire w = new Wire(ex);
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> last = null;
      for (int i = 0; i < 5; i++) {
        last = w.get("/api/v3/time");
        statuses.add(last.statusCode());
      }
      // the storm's 429, three violations inside its Retry-After, the third a 418 ban
      assertThat(statuses).containsExactly(429, 429, 429, 418, 418);
      assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test
  void theSameSeedGivesTheSameFaultsForTheSameRequests() throws Exception {
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      ChaosInjector injector = Chaos.injector(b -> b.exch5xx(0.5));
      try (ExchangeServer ex = ExchangeServer.builder().seed(5).injector(injector).start()) {
        Wire w = new Wire(ex);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          statuses.add(w.get("/api/v3/ping").statusCode());
        }
        runs.add(statuses);
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    assertThat(runs.get(0)).contains(200).anyMatch(s -> s >= 500);
  }
}
