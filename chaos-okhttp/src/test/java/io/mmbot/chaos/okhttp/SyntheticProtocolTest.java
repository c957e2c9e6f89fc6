package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A synthetic answer names the protocol the real connection would have used, before sending and
 * after alike, and the same as a real answer on that client.
 */
class SyntheticProtocolTest {

  private final Fixture fx = new Fixture();
  private final LoopbackServer h2 = LoopbackServer.startH2PriorKnowledge();

  @AfterEach
  void stop() {
    h2.close();
    fx.close();
  }

  private OkHttpClient h2Client(ChaosConfig config) {
    return fx.adapter(fx.injector(config))
        .build()
        .decorate(fx.plainBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)))
        .build();
  }

  private Request get(String path) {
    return new Request.Builder().url(h2.url(path)).build();
  }

  private static Protocol protocolOf(OkHttpClient http, Request request) throws Exception {
    try (Response r = http.newCall(request).execute()) {
      return r.protocol();
    }
  }

  @Test
  void beforeAndAfterSendingASyntheticAnswerSaysWhatTheRealConnectionSpeaks() throws Exception {
    Protocol real = protocolOf(h2Client(ChaosConfig.defaults()), get("/real"));
    assertThat(real).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);

    Protocol before = protocolOf(h2Client(chaos().exch429(1.0).build()), get("/before"));
    Protocol after =
        protocolOf(h2Client(chaos().exch5xx(1.0).unknownOutcomeShare(1).build()), get("/after"));
    assertThat(before).isEqualTo(real);
    assertThat(after).isEqualTo(real);
    assertThat(h2.paths()).containsExactly("/real", "/after");
  }

  @Test
  void anEnqueuedCallGetsTheSameProtocolAsASynchronousOne() throws Exception {
    OkHttpClient http = h2Client(chaos().exch5xx(1.0).unknownOutcomeShare(0).build());
    CompletableFuture<Protocol> protocol = new CompletableFuture<>();
    http.newCall(get("/async"))
        .enqueue(
            new okhttp3.Callback() {
              @Override
              public void onFailure(okhttp3.Call call, java.io.IOException e) {
                protocol.completeExceptionally(e);
              }

              @Override
              public void onResponse(okhttp3.Call call, Response response) {
                try (response) {
                  protocol.complete(response.protocol());
                }
              }
            });
    assertThat(protocol.get(10, TimeUnit.SECONDS)).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
  }

  @Test
  void aCleartextHttp1ClientGetsHttp1Answers() throws Exception {
    ChaosInjector injector = fx.injector(chaos().exch429(1.0).build());
    OkHttpClient http = fx.adapter(injector).build().decorate(fx.plainBuilder()).build();
    assertThat(protocolOf(http, fx.get("/h1"))).isEqualTo(Protocol.HTTP_1_1);
  }
}
