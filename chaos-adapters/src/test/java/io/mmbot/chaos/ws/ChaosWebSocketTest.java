package io.mmbot.chaos.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The wrapped listener driven directly, in virtual time. */
class ChaosWebSocketTest {

  private final VirtualTime clock = new VirtualTime();
  private final List<Double> gaps = new CopyOnWriteArrayList<>();

  private ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock).build();
  }

  private ChaosWebSocket factory(ChaosInjector injector) {
    return ChaosWebSocket.builder(injector)
        .nanoClock(clock)
        .gapListener(gaps::add)
        .disconnectCheckInterval(Duration.ZERO)
        .build();
  }

  private static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(11L);
  }

  @Test
  void reportsTheExactGapBetweenCompleteMessagesInVirtualTime() {
    WebSocket.Listener wrapped =
        factory(injector(ChaosConfig.defaults())).wrap(new CollectingListener());
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "a", true);
    clock.advanceMillis(250);
    wrapped.onText(raw, "b", true);
    clock.advanceMillis(600);
    wrapped.onText(raw, "c-part1", false); // a fragment is not a message yet
    clock.advanceMillis(400);
    wrapped.onText(raw, "c-part2", true);
    assertThat(gaps).containsExactly(250.0, 1000.0);
  }

  @Test
  void disconnectsAtThePoissonRateOfEachConnectionsOwnElapsedTime() {
    // rate 1/min, one check per connection after 30 s: p = 1 - exp(-0.5)
    ChaosInjector injector = injector(chaos().wsDisconnect(1.0).build());
    ChaosWebSocket chaosWs = factory(injector);
    int n = 2000;
    List<WebSocket.Listener> listeners = new ArrayList<>();
    List<FakeWebSocket> raws = new ArrayList<>();
    List<CollectingListener> bots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CollectingListener bot = new CollectingListener();
      WebSocket.Listener l = chaosWs.wrap(bot);
      FakeWebSocket raw = new FakeWebSocket();
      l.onOpen(raw);
      listeners.add(l);
      raws.add(raw);
      bots.add(bot);
    }
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < n; i++) {
      listeners.get(i).onText(raws.get(i), "tick", true);
    }
    double p = -Math.expm1(-0.5);
    long aborted = raws.stream().filter(r -> r.aborted).count();
    assertThat(aborted).isBetween(Binomial.lower(n, p), Binomial.upper(n, p));
    assertThat(injector.injections(Scenario.WS_DISCONNECT)).isEqualTo(aborted);
    for (int i = 0; i < n; i++) {
      CollectingListener bot = bots.get(i);
      if (raws.get(i).aborted) {
        assertThat(bot.error).isCompletedWithValueMatching(e -> e instanceof IOException);
        assertThat(bot.texts).isEmpty();
      } else {
        assertThat(bot.texts).containsExactly("tick");
      }
    }
  }

  @Test
  void neverDisconnectsWhenChecksComeFastOnAQuietRate() {
    ChaosInjector injector = injector(chaos().wsDisconnect(0.05).build());
    WebSocket.Listener wrapped = factory(injector).wrap(new CollectingListener());
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    // 0.05/min over 6 s of messages every 10 ms: p(any) = 1 - exp(-0.005) = 0.5 %
    for (int i = 0; i < 600; i++) {
      clock.advanceMillis(10);
      wrapped.onText(raw, "m", true);
    }
    assertThat(injector.injections(Scenario.WS_DISCONNECT)).isLessThanOrEqualTo(1);
  }

  @Test
  void netLossDropsAMessageAndRequestsTheNextInItsPlace() {
    ChaosInjector injector = injector(chaos().netLoss(1.0).build());
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = factory(injector).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    long before = raw.requested.get();
    CompletionStage<?> stage = wrapped.onText(raw, "lost", true);
    assertThat(stage).isNull();
    assertThat(bot.texts).isEmpty();
    assertThat(raw.requested.get()).isEqualTo(before + 1);
    // Fragments of a message are never dropped.
    wrapped.onText(raw, "frag-1 ", false);
    wrapped.onText(raw, "frag-2", true);
    assertThat(bot.texts).containsExactly("frag-1 frag-2");
  }

  @Test
  void dryRunPassesEveryMessageThrough() {
    ChaosInjector injector = injector(chaos().dryRun(true).netLoss(1.0).wsDisconnect(60).build());
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = factory(injector).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    clock.advance(Duration.ofMinutes(5));
    wrapped.onText(raw, "x", true);
    assertThat(bot.texts).containsExactly("x");
    assertThat(raw.aborted).isFalse();
    assertThat(injector.wouldBeInjections(Scenario.NET_LOSS)).isEqualTo(1);
  }

  @Test
  void aWrappedListenerServesOneConnectionOnly() {
    WebSocket.Listener wrapped =
        factory(injector(ChaosConfig.defaults())).wrap(new CollectingListener());
    wrapped.onOpen(new FakeWebSocket());
    FakeWebSocket second = new FakeWebSocket();
    assertThatThrownBy(() -> wrapped.onOpen(second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already served a connection");
    assertThat(second.aborted).isTrue();
  }

  @Test
  void eventsAfterAChaosDisconnectAreNotDeliveredAndSendsFail() {
    ChaosInjector injector = injector(chaos().wsDisconnect(60).build());
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = factory(injector).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    clock.advance(Duration.ofMinutes(10));
    wrapped.onText(raw, "dropped with the connection", true);
    assertThat(raw.aborted).isTrue();
    wrapped.onText(raw, "late", true);
    wrapped.onClose(raw, 1000, "");
    assertThat(bot.texts).isEmpty();
    assertThat(bot.closed).isNotDone();
    WebSocket seen = bot.opened.join();
    assertThat(seen.sendText("x", true)).isCompletedExceptionally();
  }

  @Test
  void aThrowingGapListenerNeverReachesTheConnection() {
    ChaosWebSocket chaosWs =
        ChaosWebSocket.builder(injector(ChaosConfig.defaults()))
            .nanoClock(clock)
            .gapListener(
                g -> {
                  throw new IllegalStateException("metrics bug");
                })
            .disconnectCheckInterval(Duration.ZERO)
            .build();
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = chaosWs.wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "a", true);
    wrapped.onText(raw, "b", true);
    assertThat(bot.texts).containsExactly("a", "b");
  }

  @Test
  void aGapListenerThrowingAnErrorNeverReachesTheConnectionEither() {
    ChaosWebSocket chaosWs =
        ChaosWebSocket.builder(injector(ChaosConfig.defaults()))
            .nanoClock(clock)
            .gapListener(
                g -> {
                  throw new AssertionError("metrics assertion");
                })
            .disconnectCheckInterval(Duration.ZERO)
            .build();
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = chaosWs.wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "a", true);
    wrapped.onText(raw, "b", true);
    wrapped.onText(raw, "c", true);
    assertThat(bot.texts).containsExactly("a", "b", "c");
    assertThat(raw.aborted).isFalse();
  }

  @Test
  void rejectsBadUseWithClearExceptions() {
    ChaosInjector injector = injector(ChaosConfig.defaults());
    assertThatThrownBy(() -> ChaosWebSocket.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> ChaosWebSocket.of(injector).wrap(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
    assertThatThrownBy(
            () -> ChaosWebSocket.builder(injector).disconnectCheckInterval(Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disconnectCheckInterval");
    assertThatThrownBy(() -> ChaosWebSocket.of(injector).connect(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("builder");
  }
}
