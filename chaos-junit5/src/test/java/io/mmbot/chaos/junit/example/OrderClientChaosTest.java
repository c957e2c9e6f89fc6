package io.mmbot.chaos.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.junit.Chaos;
import io.mmbot.chaos.junit.ChaosSeed;
import io.mmbot.chaos.junit.ChaosTest;
import io.mmbot.chaos.junit.VirtualClock;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OrderClientChaosTest {

  private LoopbackExchange exchange;

  @BeforeEach
  void startExchange() throws Exception {
    exchange = LoopbackExchange.start();
  }

  @AfterEach
  void stopExchange() {
    exchange.close();
  }

  @ChaosTest
  @ChaosSeed(7)
  @Chaos(scenario = Scenario.EXCH_5XX, intensity = 0.2)
  @Chaos(scenario = Scenario.EXCH_429, intensity = 0.2)
  void placesEveryOrderExactlyOnceThroughServerErrorsAndRateLimits(
      ChaosInjector chaos, VirtualClock clock) throws Exception {
    // The connector's HTTP client, with the test's faults; backoff waits in virtual time.
    try (ChaosHttpClient http =
        ChaosHttpClient.builder(HttpClient.newHttpClient(), chaos).nanoClock(clock).build()) {
      OrderClient client = new OrderClient(http, exchange.baseUri(), clock::advance);

      for (int i = 0; i < 100; i++) {
        assertThat(client.placeLimitOrder("BTCUSDT", "BUY", "0.001", "50000.00"))
            .contains("\"status\":\"NEW\"");
      }

      long serverErrors = chaos.injections(Scenario.EXCH_5XX);
      long rateLimited = chaos.injections(Scenario.EXCH_429);
      assertThat(serverErrors).as("5xx answers").isPositive();
      assertThat(rateLimited).as("429 answers").isPositive();
      // One retry per fault: no order given up, no retry storm.
      assertThat(client.retries()).isEqualTo(serverErrors + rateLimited);
      // Some 5xx struck after the exchange had the order; retrying with the same client order
      // id must not have placed it twice.
      assertThat(exchange.requests()).isGreaterThan(100);
      assertThat(exchange.orders()).isEqualTo(100);
      // Each 429 was waited out for its Retry-After (1 s), each 5xx for at least 100 ms.
      assertThat(clock.elapsed())
          .isGreaterThanOrEqualTo(Duration.ofSeconds(rateLimited).plusMillis(100 * serverErrors));
    }
  }
}
