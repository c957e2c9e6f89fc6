package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.testsupport.Binomial;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each HTTP fault's observed rate on a decorated client against a real server, within binomial
 * bounds (mean ± 4.5 sd) for a fixed seed. Waves and storms are set to runs of one call here, so
 * their calls are independent draws and the counts binomial.
 */
class FaultRatesTest {

  private static final int N = 1000;

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** What the caller saw for each of {@code n} calls: a status, or the failure's class. */
  private Map<String, Integer> outcomes(ChaosConfig config, int n) throws IOException {
    OkHttpClient http =
        fx.adapter(fx.injector(config))
            .lostResponseTimeout(Duration.ofMillis(1))
            .build()
            .decorate(fx.plainBuilder())
            .build();
    Map<String, Integer> seen = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String key;
      try {
        key = Integer.toString(Fixture.status(http, fx.get("/r/" + i)));
      } catch (ConnectException | SocketTimeoutException e) {
        key = e.getClass().getSimpleName();
      }
      seen.merge(key, 1, Integer::sum);
      fx.clock.advance(Duration.ofSeconds(2)); // honour any Retry-After: no escalation here
    }
    return seen;
  }

  private static void assertBinomial(long count, int n, double p) {
    assertThat(count)
        .as("count of %d at p=%s", n, p)
        .isBetween(Binomial.lower(n, p), Binomial.upper(n, p));
  }

  @Test
  void netLossStrikesAtItsRateAndAfterSendingAtTheUnknownOutcomeShare() throws IOException {
    Map<String, Integer> seen = outcomes(chaos().netLoss(0.3).unknownOutcomeShare(0.5).build(), N);
    int before = seen.getOrDefault("ConnectException", 0);
    int lost = seen.getOrDefault("SocketTimeoutException", 0);
    int cut = (int) fx.faults.stream().filter(f -> f.outcome() == Outcome.RESPONSE_CUT).count();
    int after = lost + cut;
    assertBinomial(before + after, N, 0.3);
    assertBinomial(after, before + after, 0.5);
    assertBinomial(cut, after, ChaosConfig.DEFAULT_NET_LOSS_CUT_SHARE);
    assertThat(fx.server.requestCount()).isEqualTo(N - before);
  }

  @Test
  void exch5xxStrikesAtItsRateWithEachStatusEquallyLikely() throws IOException {
    Map<String, Integer> seen = outcomes(chaos().exch5xx(0.1).unknownOutcomeShare(0.5).build(), N);
    int errors = 0;
    for (String status : new String[] {"500", "502", "503", "504"}) {
      errors += seen.getOrDefault(status, 0);
    }
    assertBinomial(errors, N, 0.1);
    for (String status : new String[] {"500", "502", "503", "504"}) {
      assertBinomial(seen.getOrDefault(status, 0), errors, 0.25);
    }
    long replaced =
        fx.faults.stream().filter(f -> f.outcome() == Outcome.RESPONSE_REPLACED).count();
    assertBinomial(replaced, errors, 0.5);
    assertThat(fx.server.requestCount()).isEqualTo(N - errors + (int) replaced);
  }

  @Test
  void exch429StrikesAtItsRate() throws IOException {
    Map<String, Integer> seen = outcomes(chaos().exch429(0.2).exch429WaveCalls(1).build(), N);
    assertBinomial(seen.getOrDefault("429", 0), N, 0.2);
  }

  @Test
  void rateLimitStormStrikesAtItsRate() throws IOException {
    ChaosConfig config = chaos().rateLimitStorm(0.4).rateLimitStormCalls(1).build();
    Map<String, Integer> seen = outcomes(config, N);
    assertBinomial(seen.getOrDefault("429", 0), N, 0.4);
    assertThat(seen).doesNotContainKey("418"); // the caller waited as told
  }

  @Test
  void latencySpikeStrikesAtItsProbability() throws IOException {
    ChaosInjector injector = fx.injector(chaos().latSpikeMs(200).latSpikeProbability(0.25).build());
    OkHttpClient http = fx.adapter(injector).build().decorate(fx.plainBuilder()).build();
    for (int i = 0; i < N; i++) {
      assertThat(Fixture.status(http, fx.get("/lat"))).isEqualTo(200);
    }
    assertBinomial(fx.timing.sleeps().size(), N, 0.25);
    assertThat(fx.timing.sleeps()).containsOnly(200L);
    assertThat(injector.injections(Scenario.LAT_SPIKE)).isEqualTo(fx.timing.sleeps().size());
  }

  @Test
  void theInjectorCountsExactlyTheFaultsApplied() throws IOException {
    ChaosInjector injector =
        fx.injector(
            chaos().netLoss(0.1).exch429(0.1).exch5xx(0.1).unknownOutcomeShare(0.5).build());
    OkHttpClient http =
        fx.adapter(injector)
            .lostResponseTimeout(Duration.ofMillis(1))
            .build()
            .decorate(fx.plainBuilder())
            .build();
    for (int i = 0; i < 400; i++) {
      try {
        Fixture.status(http, fx.get("/c"));
      } catch (IOException e) {
        // a loss
      }
      fx.clock.advance(Duration.ofSeconds(2));
    }
    for (Scenario s : new Scenario[] {Scenario.NET_LOSS, Scenario.EXCH_429, Scenario.EXCH_5XX}) {
      assertThat(fx.faults.stream().filter(f -> f.scenario() == s).count())
          .as("%s applied", s)
          .isEqualTo(injector.injections(s))
          .isPositive();
    }
  }
}
