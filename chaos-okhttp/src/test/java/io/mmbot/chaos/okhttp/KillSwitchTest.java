package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is injected after {@link ChaosInjector#disable} has returned, on every path of the
 * adapter: a call already waiting out a latency spike goes out untouched (its fault is drawn when
 * it goes out, not before the wait), an after-send fault is dropped when chaos went off while the
 * exchange answered, and a lost response's wait hands over the real response once chaos is off.
 */
class KillSwitchTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private ChaosInjector spikeAndLoss() {
    return fx.injector(
        chaos()
            .latSpikeMs(1000)
            .latSpikeProbability(1.0)
            .netLoss(1.0)
            .unknownOutcomeShare(0)
            .build());
  }

  @Test
  void aSyncCallWhoseChaosIsDisabledDuringItsSpikeGoesOutUntouched() throws Exception {
    ChaosInjector injector = spikeAndLoss();
    OkHttpClient http = fx.client(injector);
    fx.timing.duringSleep(
        call -> {
          fx.clock.advanceMillis(300);
          injector.disable(ChaosReasons.MANUAL);
        });
    assertThat(Fixture.status(http, fx.get("/after-disable"))).isEqualTo(200);
    assertThat(fx.server.paths()).containsExactly("/after-disable");
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
  }

  @Test
  void anEnqueuedCallWhoseChaosIsDisabledDuringItsSpikeGoesOutUntouchedAndAtOnce()
      throws Exception {
    ChaosInjector injector = spikeAndLoss();
    OkHttpClient http = fx.client(injector);
    CompletableFuture<Integer> result =
        ChaosOkHttpAsyncTest.enqueue(http, http.newCall(fx.get("/async-after-disable")));
    fx.timing.advance(300);
    injector.disable(ChaosReasons.MANUAL);
    fx.timing.advance(LatencyExecutor.CANCEL_POLL_MS);
    // The spike's rest is not served either: the call went out within one poll of the disable.
    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(fx.server.paths()).containsExactly("/async-after-disable");
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
  }

  @Test
  void anAfterSendFaultIsDroppedWhenChaosGoesOffWhileTheExchangeAnswers() throws Exception {
    ChaosInjector injector = fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    OkHttpClient http =
        fx.adapter(injector)
            .build()
            .decorate(fx.plainBuilder().eventListener(disableOnResponseHeaders(injector)))
            .build();
    try (Response r = http.newCall(fx.get("/replaced")).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo(LoopbackServer.BODY);
    }
    assertThat(fx.faults).isEmpty();
  }

  @Test
  void aLostResponseWaitEndsWithTheRealResponseWhenChaosGoesOff() throws Exception {
    ChaosInjector injector = fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(1).build());
    OkHttpClient http =
        fx.adapter(injector)
            .build()
            .decorate(fx.plainBuilder().readTimeout(3, TimeUnit.SECONDS))
            .build();
    fx.timing.duringSleep(
        call -> {
          fx.clock.advanceMillis(500);
          injector.disable(ChaosReasons.MANUAL);
        });
    try (Response r = http.newCall(fx.get("/lost")).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo(LoopbackServer.BODY);
    }
    assertThat(fx.server.paths()).containsExactly("/lost");
  }

  @Test
  void laggedWebSocketMessagesAreDeliveredOnceChaosGoesOff() throws Exception {
    ChaosInjector injector = fx.injector(chaos().wsLagMs(5000).wsLagProbability(1.0).build());
    ChaosOkHttp chaos = fx.adapter(injector).disconnectCheckInterval(Duration.ZERO).build();
    ChaosWebSocketListenerTest.Peer peer = new ChaosWebSocketListenerTest.Peer();
    ChaosWebSocketListenerTest.Bot bot = new ChaosWebSocketListenerTest.Bot();
    OkHttpClient http = chaos.decorate(fx.plainBuilder()).build();
    fx.server.acceptWebSocket(peer);
    chaos.newWebSocket(http, fx.get("/ws"), bot);
    bot.opened.get(10, TimeUnit.SECONDS);
    peer.ws().send("m0");
    io.mmbot.chaos.testsupport.Await.until(
        "the lagged arrival",
        Duration.ofSeconds(10),
        () -> injector.injections(Scenario.WS_LAG) == 1);
    fx.timing.advance(100);
    assertThat(bot.events).isEmpty();
    injector.disable(ChaosReasons.MANUAL);
    fx.timing.advance(LatencyExecutor.CANCEL_POLL_MS);
    assertThat(bot.events).containsExactly("m0");
  }

  /** Switches chaos off while the exchange's answer is being read, inside the network attempt. */
  private static EventListener disableOnResponseHeaders(ChaosInjector injector) {
    AtomicBoolean done = new AtomicBoolean();
    return new EventListener() {
      @Override
      public void responseHeadersStart(Call call) {
        if (done.compareAndSet(false, true)) {
          injector.disable(ChaosReasons.MANUAL);
        }
      }
    };
  }
}
