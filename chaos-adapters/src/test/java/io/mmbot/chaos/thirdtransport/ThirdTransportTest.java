package io.mmbot.chaos.thirdtransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A third transport built on the public API only ({@link UrlConnectionTransport}: {@code
 * RequestFaults}, {@code FaultPlan}, {@code SyntheticAnswer}) answers each synthetic status with
 * the same status, headers and body as {@link ChaosHttpClient}, against one loopback server.
 */
class ThirdTransportTest {

  private LoopbackHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackHttpServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChaosInjector injector(ChaosConfig.Builder config) {
    return ChaosInjector.create(config.enabled(true).dryRun(false).burstOffSec(0).seed(7L).build());
  }

  private static ChaosConfig.Builder scenario(String name) {
    ChaosConfig.Builder b = ChaosConfig.builder();
    switch (name) {
      case "exch_429":
        return b.exch429(1.0);
      case "rate_limit_storm":
        return b.rateLimitStorm(1.0);
      case "exch_5xx_before":
        return b.exch5xx(1.0).unknownOutcomeShare(0);
      case "exch_5xx_after":
        return b.exch5xx(1.0).unknownOutcomeShare(1);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "exch_429, false",
    "rate_limit_storm, false",
    "exch_5xx_before, false",
    "exch_5xx_after, true"
  })
  void answersAsTheJdkAdapterDoes(String name, boolean afterSend) throws Exception {
    URI uri = server.uri("/api/v3/order");
    UrlConnectionTransport.Answer third =
        new UrlConnectionTransport(RequestFaults.of(injector(scenario(name)))).get(uri);

    HttpClient jdk = ChaosHttpClient.wrap(HttpClient.newHttpClient(), injector(scenario(name)));
    HttpResponse<String> reference =
        jdk.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> referenceHeaders = new LinkedHashMap<>();
    for (String h : new String[] {"Content-Type", "Retry-After", "X-MBX-USED-WEIGHT-1M"}) {
      reference.headers().firstValue(h).ifPresent(v -> referenceHeaders.put(h, v));
    }

    assertThat(third.status()).isEqualTo(reference.statusCode()).isGreaterThanOrEqualTo(418);
    assertThat(third.headers()).containsExactlyEntriesOf(referenceHeaders);
    assertThat(third.body()).isEqualTo(reference.body()).startsWith("{\"code\":-10");
    // A 5xx after sending reached the server once through each transport, the others never.
    assertThat(server.received()).isEqualTo(afterSend ? 2 : 0);
  }

  @ParameterizedTest
  @CsvSource({"0", "1"})
  void lossesAndUntouchedCallsNeedNoAnswer(int afterSend) throws Exception {
    URI uri = server.uri("/api/v3/order");
    UrlConnectionTransport lossy =
        new UrlConnectionTransport(
            RequestFaults.of(
                injector(ChaosConfig.builder().netLoss(1.0).unknownOutcomeShare(afterSend))));
    assertThatThrownBy(() -> lossy.get(uri))
        .isInstanceOf(
            afterSend == 1 ? java.net.SocketTimeoutException.class : ConnectException.class);
    assertThat(server.received()).isEqualTo(afterSend);

    UrlConnectionTransport quiet =
        new UrlConnectionTransport(RequestFaults.of(injector(ChaosConfig.builder())));
    UrlConnectionTransport.Answer ok = quiet.get(uri);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(LoopbackHttpServer.BODY);
  }
}
