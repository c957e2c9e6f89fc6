package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import io.mmbot.chaos.testing.RecordingHttpClient;
import io.mmbot.chaos.testsupport.Await;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injected latency, request timeouts and cancellation, in virtual time: the decorator's timers run
 * on a {@link VirtualTime}, continuations on the advancing thread, and a recording delegate says
 * synchronously whether a request was handed to the real client.
 */
class ChaosHttpClientTimingTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final VirtualTime clock = new VirtualTime();
  private final List<HttpFault> faults = new CopyOnWriteArrayList<>();
  private LoopbackHttpServer server;
  private RecordingHttpClient spy;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackHttpServer();
    spy = new RecordingHttpClient(HttpClient.newHttpClient());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Every request waits 500 ms (LAT_SPIKE at probability 1). */
  private static ChaosConfig.Builder spike500() {
    return ChaosConfig.builder()
        .enabled(true)
        .dryRun(false)
        .burstOffSec(0)
        .seed(42L)
        .latSpikeMs(500)
        .latSpikeProbability(1.0);
  }

  private ChaosInjector injector;

  private ChaosHttpClient client(ChaosConfig.Builder config, HttpClient delegate) {
    injector = ChaosInjector.builder().config(config.build()).nanoClock(clock).build();
    return ChaosHttpClient.builder(delegate, injector)
        .nanoClock(clock)
        .scheduler(clock)
        .executor(Runnable::run)
        .listener(faults::add)
        .build();
  }

  private ChaosHttpClient client(ChaosConfig.Builder config) {
    return client(config, spy);
  }

  private HttpRequest order(Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/order?clientId=c1"));
    return (timeout == null ? b : b.timeout(timeout)).build();
  }

  static Stream<Arguments> plansThatSendAfterTheDelay() {
    return Stream.of(
        Arguments.of("delay only", spike500()),
        Arguments.of("5xx after sending", spike500().exch5xx(1.0).unknownOutcomeShare(1)),
        Arguments.of("loss after sending", spike500().netLoss(1.0).unknownOutcomeShare(1)));
  }

  @Test
  void aSendAsyncWaitsExactlyTheSpikeThenSends() throws Exception {
    ChaosHttpClient http = client(spike500());
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
    clock.advanceMillis(499);
    assertThat(spy.sent()).isEmpty();
    clock.advanceMillis(1);
    assertThat(spy.sent()).hasSize(1);
    assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(faults)
        .singleElement()
        .satisfies(
            fault -> {
              assertThat(fault.outcome()).isEqualTo(Outcome.DELAYED);
              assertThat(fault.delayMs()).isEqualTo(500);
            });
  }

  @Test
  void aSendBlocksItsCallerExactlyTheSpikeThenSends() throws Exception {
    ChaosHttpClient http = client(spike500());
    AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                response.set(http.send(order(Duration.ofSeconds(30)), BodyHandlers.ofString()));
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    caller.start();
    clock.awaitPending(1);
    clock.advanceMillis(499);
    assertThat(spy.sent()).isEmpty();
    assertThat(caller.isAlive()).isTrue();
    clock.advanceMillis(1);
    caller.join(WAIT.toMillis());
    assertThat(response.get().statusCode()).isEqualTo(200);
    assertThat(spy.sent())
        .singleElement()
        .satisfies(r -> assertThat(r.timeout()).hasValue(Duration.ofMillis(29_500)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plansThatSendAfterTheDelay")
  void aSendAsyncCancelledDuringInjectedLatencyIsNeverSent(String plan, ChaosConfig.Builder c) {
    ChaosHttpClient http = client(c);
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
    clock.advanceMillis(200);
    assertThat(f.cancel(true)).isTrue();
    clock.advance(Duration.ofSeconds(10));

    assertThat(f).isCancelled();
    assertThat(spy.sent()).isEmpty();
    assertThat(clock.pending()).as("timers left behind").isZero();
    // Only the delay was applied, so only the delay is counted and reported.
    assertThat(faults).extracting(HttpFault::outcome).containsExactly(Outcome.DELAYED);
    assertThat(injector.injections(Scenario.EXCH_5XX)).isZero();
    assertThat(injector.injections(Scenario.NET_LOSS)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plansThatSendAfterTheDelay")
  void aSendInterruptedDuringInjectedLatencyThrowsAndIsNeverSent(String plan, ChaosConfig.Builder c)
      throws Exception {
    ChaosHttpClient http = client(c);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                http.send(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    clock.awaitPending(1);
    caller.interrupt();
    caller.join(WAIT.toMillis());
    clock.advance(Duration.ofSeconds(10));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(spy.sent()).isEmpty();
    assertThat(injector.injections(Scenario.EXCH_5XX) + injector.injections(Scenario.NET_LOSS))
        .isZero();
  }

  @Test
  void cancellingDuringALostResponseWaitCancelsAtOnceAndLeavesNoTimer() throws Exception {
    ChaosHttpClient http =
        client(spike500().latSpikeProbability(0).netLoss(1.0).unknownOutcomeShare(1));
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
    clock.awaitPending(1); // the real request went out and came back: the caller now waits
    assertThat(server.received()).isEqualTo(1);
    assertThat(f.cancel(true)).isTrue();
    assertThat(clock.pending()).isZero();
  }

  @Test
  void aSendAsyncWhoseTimeoutEndsDuringTheSpikeTimesOutThenAndIsNeverSent() {
    ChaosHttpClient http = client(spike500().exch429(1.0));
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofMillis(100)), BodyHandlers.ofString());
    clock.advanceMillis(99);
    assertThat(f).isNotDone();
    clock.advanceMillis(1);
    assertThat(f)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(HttpTimeoutException.class)
        .withMessage("request timed out");
    clock.advance(Duration.ofSeconds(10));
    assertThat(spy.sent()).isEmpty();
    assertThat(clock.pending()).isZero();
    assertThat(injector.injections(Scenario.EXCH_429)).isZero(); // never drawn: never sent
    assertThat(faults).extracting(HttpFault::outcome).containsExactly(Outcome.DELAYED);
  }

  @Test
  void aSendWhoseTimeoutEndsDuringTheSpikeThrowsHttpTimeoutExceptionThen() throws Exception {
    ChaosHttpClient http = client(spike500());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                http.send(order(Duration.ofMillis(100)), BodyHandlers.ofString());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    clock.awaitPending(1);
    clock.advanceMillis(99);
    assertThat(thrown.get()).isNull();
    clock.advanceMillis(1);
    caller.join(WAIT.toMillis());
    assertThat(thrown.get())
        .isExactlyInstanceOf(HttpTimeoutException.class)
        .hasMessage("request timed out");
    clock.advance(Duration.ofSeconds(10));
    assertThat(spy.sent()).isEmpty();
  }

  @Test
  void aRequestSentAfterTheSpikeGetsOnlyWhatIsLeftOfItsTimeout() throws Exception {
    // (Timeouts left to the real client run in real time: keep them roomy on a busy machine.)
    ChaosHttpClient http = client(spike500().latSpikeMs(200));
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
    clock.advanceMillis(200);
    assertThat(spy.sent())
        .singleElement()
        .satisfies(sent -> assertThat(sent.timeout()).hasValue(Duration.ofMillis(29_800)));
    assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void theClientsConnectTimeoutBoundsASpikeForARequestWithoutItsOwnTimeout() {
    RecordingHttpClient connectBound =
        new RecordingHttpClient(
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(100)).build());
    ChaosHttpClient http = client(spike500(), connectBound);
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(null), BodyHandlers.ofString());
    clock.advanceMillis(99);
    assertThat(f).isNotDone();
    clock.advanceMillis(1);
    assertThat(f)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(HttpConnectTimeoutException.class)
        .withMessage("HTTP connect timed out");
    assertThat(connectBound.sent()).isEmpty();

    // The request's own timeout still wins when it is the shorter one.
    CompletableFuture<HttpResponse<String>> g =
        http.sendAsync(order(Duration.ofMillis(50)), BodyHandlers.ofString());
    clock.advanceMillis(50);
    assertThat(g)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aLostResponseAfterASpikeFailsWhenTheRequestsOwnTimeoutRunsOut() throws Exception {
    ChaosHttpClient http = client(spike500().latSpikeMs(200).netLoss(1.0).unknownOutcomeShare(1));
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
    clock.advanceMillis(200);
    Await.until("the real request", WAIT, () -> server.received() == 1);
    clock.awaitPending(1); // its real response came back and was discarded
    clock.advanceMillis(29_799);
    assertThat(f).isNotDone();
    clock.advanceMillis(1);
    assertThat(f)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(faults)
        .extracting(HttpFault::outcome)
        .containsExactly(Outcome.DELAYED, Outcome.RESPONSE_LOST);
  }

  @Test
  void aSyncLostResponseFailsAfterTheRequestsTimeoutInVirtualTime() throws Exception {
    ChaosHttpClient http =
        client(spike500().latSpikeProbability(0).netLoss(1.0).unknownOutcomeShare(1));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                http.send(order(Duration.ofSeconds(30)), BodyHandlers.ofString());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    clock.awaitPending(1);
    assertThat(server.received()).isEqualTo(1);
    clock.advanceMillis(29_999);
    assertThat(caller.isAlive()).isTrue();
    clock.advanceMillis(1);
    caller.join(WAIT.toMillis());
    assertThat(thrown.get()).isInstanceOf(HttpTimeoutException.class);
  }
}
