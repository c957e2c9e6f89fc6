package io.mmbot.chaos.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.VirtualTime;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The wrapped listener behaves as the JDK's own WebSocket does towards the bot's listener, in
 * virtual time (lag timers on a {@link VirtualTime}, delivered on the advancing thread).
 */
class ChaosWebSocketFidelityTest {

  private final VirtualTime clock = new VirtualTime();

  private ChaosWebSocket factory(ChaosConfig config) {
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(clock).build();
    return ChaosWebSocket.builder(injector)
        .nanoClock(clock)
        .scheduler(clock)
        .executor(Runnable::run)
        .disconnectCheckInterval(Duration.ZERO)
        .build();
  }

  private static ChaosConfig.Builder lagEverything() {
    return ChaosConfig.builder()
        .enabled(true)
        .dryRun(false)
        .burstOffSec(0)
        .seed(5L)
        .wsLagMs(100)
        .wsLagProbability(1.0);
  }

  /** A bot listener whose onText throws on the message "boom". */
  private static final class FaultyBot extends CollectingListener {
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (data.toString().equals("boom")) {
        throw new IllegalStateException("listener bug");
      }
      return super.onText(webSocket, data, last);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable e) {
      errors.add(e);
      super.onError(webSocket, e);
    }
  }

  @Test
  void aListenerThatThrowsGetsOnErrorAndTheConnectionIsAbortedAsTheJdkDoes() {
    FaultyBot bot = new FaultyBot();
    WebSocket.Listener wrapped = factory(ChaosConfig.defaults()).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "a", true);
    wrapped.onText(raw, "boom", true);
    wrapped.onText(raw, "after", true);

    assertThat(raw.aborted).isTrue();
    assertThat(bot.errors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("listener bug"));
    assertThat(bot.texts).containsExactly("a");
  }

  @Test
  void aListenerThatThrowsOnALaggedMessageIsTreatedTheSameWay() {
    FaultyBot bot = new FaultyBot();
    WebSocket.Listener wrapped = factory(lagEverything().build()).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "boom", true);
    wrapped.onText(raw, "after", true);
    clock.advanceMillis(500);

    assertThat(raw.aborted).isTrue();
    assertThat(bot.errors).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(bot.texts).isEmpty();
  }

  @Test
  void nothingIsDeliveredAfterTheBotAbortsEvenIfItWasLagged() {
    CollectingListener bot = new CollectingListener(true);
    WebSocket.Listener wrapped = factory(lagEverything().build()).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "lagged-1", true);
    wrapped.onText(raw, "lagged-2", true);
    bot.opened.join().abort();
    clock.advanceMillis(500);

    assertThat(raw.aborted).isTrue();
    assertThat(bot.texts).isEmpty();
    assertThat(bot.error).isNotDone();
    assertThat(clock.pending()).isZero();
  }

  @Test
  void lagIsMeasuredOnTheInjectedTimeAndKeepsOrder() {
    CollectingListener bot = new CollectingListener(true);
    WebSocket.Listener wrapped = factory(lagEverything().build()).wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    wrapped.onText(raw, "m-0", true);
    clock.advanceMillis(40);
    wrapped.onText(raw, "m-1", true);
    clock.advanceMillis(59);
    assertThat(bot.texts).isEmpty();
    clock.advanceMillis(1);
    assertThat(bot.texts).containsExactly("m-0");
    clock.advanceMillis(40);
    assertThat(bot.texts).containsExactly("m-0", "m-1");
  }

  @Test
  void aQuietConnectionIsCheckedOnTheInjectedSchedulerAndDroppedThen() {
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(
                ChaosConfig.builder()
                    .enabled(true)
                    .dryRun(false)
                    .burstOffSec(0)
                    .seed(5L)
                    .wsDisconnect(60)
                    .build())
            .nanoClock(clock)
            .build();
    ChaosWebSocket chaosWs =
        ChaosWebSocket.builder(injector)
            .nanoClock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .disconnectCheckInterval(Duration.ofSeconds(1))
            .build();
    CollectingListener bot = new CollectingListener();
    WebSocket.Listener wrapped = chaosWs.wrap(bot);
    FakeWebSocket raw = new FakeWebSocket();
    wrapped.onOpen(raw);
    // 60 per minute: a check after 1 s fires with chance 1 - 1/e; within 30 checks almost surely.
    for (int i = 0; i < 30 && !raw.aborted; i++) {
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(raw.aborted).isTrue();
    assertThat(bot.error).isDone();
    wrapped.onText(raw, "late", true);
    assertThat(bot.texts).isEmpty();
  }

  @Test
  void aFailedSendFailsTheWrappedFutureWithTheJdksOwnExceptionUnwrapped() {
    IllegalStateException pending = new IllegalStateException("Send pending");
    FakeWebSocket raw =
        new FakeWebSocket() {
          @Override
          public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            return CompletableFuture.failedFuture(pending);
          }
        };
    CollectingListener bot = new CollectingListener();
    factory(ChaosConfig.defaults()).wrap(bot).onOpen(raw);
    WebSocket wrapped = bot.opened.join();
    AtomicReference<Throwable> seenByRaw = new AtomicReference<>();
    AtomicReference<Throwable> seenByWrapped = new AtomicReference<>();
    raw.sendText("x", true).whenComplete((w, e) -> seenByRaw.set(e));
    wrapped.sendText("x", true).whenComplete((w, e) -> seenByWrapped.set(e));
    assertThat(seenByRaw.get()).isSameAs(pending);
    assertThat(seenByWrapped.get()).isSameAs(pending);
    assertThat(wrapped.sendPing(java.nio.ByteBuffer.allocate(1)).join()).isSameAs(wrapped);
  }

  @Test
  void cancellingConnectAbortsTheConnectionIfItOpensAfterwards() {
    CompletableFuture<WebSocket> opening = new CompletableFuture<>();
    WebSocket.Builder builder =
        (WebSocket.Builder)
            java.lang.reflect.Proxy.newProxyInstance(
                WebSocket.Builder.class.getClassLoader(),
                new Class<?>[] {WebSocket.Builder.class},
                (proxy, method, args) -> method.getName().equals("buildAsync") ? opening : proxy);
    CompletableFuture<WebSocket> connected =
        factory(ChaosConfig.defaults())
            .connect(builder, java.net.URI.create("ws://127.0.0.1:9/"), new CollectingListener());
    assertThat(connected.cancel(true)).isTrue();
    FakeWebSocket raw = new FakeWebSocket();
    opening.complete(raw);
    assertThat(raw.aborted).as("a connection nobody waits for any more").isTrue();
  }
}
