package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.CuttingServer;
import io.mmbot.chaos.testsupport.CuttingServer.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A NET_LOSS cut mid-response, injected, against the same cut made for real by a server on
 * 127.0.0.1 that closes the connection half way through the body: the JDK client sees the same.
 */
class MidBodyCutJdkTest {

  private final CuttingServer server = new CuttingServer(Mode.CUT_BODY);
  private final HttpClient plain = HttpClient.newHttpClient();
  private final List<HttpFault> faults = new CopyOnWriteArrayList<>();

  MidBodyCutJdkTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpClient chaos() {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .netLoss(1.0)
                .unknownOutcomeShare(1.0)
                .netLossCutShare(1.0)
                .seed(5L)
                .build());
    return ChaosHttpClient.builder(plain, injector).listener(faults::add).build();
  }

  private HttpRequest order() {
    return HttpRequest.newBuilder(URI.create(server.url("/api/v3/order")))
        .POST(HttpRequest.BodyPublishers.ofString("symbol=BTCUSDT&newClientOrderId=mm-1"))
        .build();
  }

  @Test
  void sendThrowsWhatARealCutBodyThrows() {
    Throwable real = catchThrowable(() -> plain.send(order(), BodyHandlers.ofString()));
    assertThat(server.requests()).isEqualTo(1);

    server.mode(Mode.ANSWER);
    Throwable injected = catchThrowable(() -> chaos().send(order(), BodyHandlers.ofString()));

    assertThat(real).isExactlyInstanceOf(IOException.class);
    assertThat(real.getMessage()).startsWith("fixed content-length: ");
    assertThat(injected).isExactlyInstanceOf(real.getClass()).hasMessage(real.getMessage());
    assertThat(injected.getCause())
        .isExactlyInstanceOf(real.getCause().getClass())
        .hasMessage(real.getCause().getMessage());
    assertThat(server.requests()).as("both reached the server once").isEqualTo(2);
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).scenario()).isEqualTo(Scenario.NET_LOSS);
    assertThat(faults.get(0).outcome()).isEqualTo(HttpFault.Outcome.RESPONSE_CUT);
    assertThat(faults.get(0).outcomeUnknown()).isTrue();
  }

  @Test
  void sendAsyncFailsAsARealCutBodyFails() {
    Throwable real = asyncFailure(plain);
    server.mode(Mode.ANSWER);
    Throwable injected = asyncFailure(chaos());

    assertThat(real).isExactlyInstanceOf(IOException.class);
    assertThat(injected).isExactlyInstanceOf(real.getClass()).hasMessage(real.getMessage());
    assertThat(server.requests()).isEqualTo(2);
  }

  private Throwable asyncFailure(HttpClient client) {
    Throwable t =
        catchThrowable(
            () -> client.sendAsync(order(), BodyHandlers.ofString()).get(30, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }
}
