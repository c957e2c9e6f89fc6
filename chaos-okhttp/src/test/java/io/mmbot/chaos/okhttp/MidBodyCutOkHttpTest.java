package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.testsupport.CuttingServer;
import io.mmbot.chaos.testsupport.CuttingServer.Mode;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A NET_LOSS cut mid-response, injected, against the same cut made for real by a server on
 * 127.0.0.1 that closes the connection half way through the body: OkHttp returns the response, and
 * reading its body fails the same way in both.
 */
class MidBodyCutOkHttpTest {

  private final CuttingServer server = new CuttingServer(Mode.CUT_BODY);
  private final List<OkHttpFault> faults = new CopyOnWriteArrayList<>();

  MidBodyCutOkHttpTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  private static OkHttpClient.Builder plain() {
    return new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(10, TimeUnit.SECONDS);
  }

  private OkHttpClient chaos() {
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
    return ChaosOkHttp.builder(injector).listener(faults::add).build().decorate(plain()).build();
  }

  private Request order() {
    return new Request.Builder()
        .url(server.url("/api/v3/order"))
        .post(
            RequestBody.create(
                "symbol=BTCUSDT&newClientOrderId=mm-1",
                MediaType.get("application/x-www-form-urlencoded")))
        .build();
  }

  @Test
  void theResponseArrivesAndItsBodyEndsAsARealCutBodyEnds() throws IOException {
    int realStatus;
    Throwable realFailure;
    try (Response r = plain().build().newCall(order()).execute()) {
      realStatus = r.code();
      realFailure = catchThrowable(() -> r.body().string());
    }
    assertThat(server.requests()).isEqualTo(1);

    server.mode(Mode.ANSWER);
    int injectedStatus;
    Throwable injectedFailure;
    long injectedLength;
    try (Response r = chaos().newCall(order()).execute()) {
      injectedStatus = r.code();
      injectedLength = r.body().contentLength();
      injectedFailure = catchThrowable(() -> r.body().string());
    }

    assertThat(realFailure).isExactlyInstanceOf(ProtocolException.class);
    assertThat(injectedStatus).isEqualTo(realStatus).isEqualTo(200);
    assertThat(injectedLength).isEqualTo(CuttingServer.BODY.length());
    assertThat(injectedFailure)
        .isExactlyInstanceOf(realFailure.getClass())
        .hasMessage(realFailure.getMessage());
    assertThat(server.requests()).as("both reached the server once").isEqualTo(2);
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).outcome()).isEqualTo(Outcome.RESPONSE_CUT);
    assertThat(faults.get(0).outcomeUnknown()).isTrue();
  }
}
