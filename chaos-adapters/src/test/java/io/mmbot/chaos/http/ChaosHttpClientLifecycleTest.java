package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shutdown and termination, forwarded to the delegate where the running JDK has them (21 and newer)
 * and kept by the decorator itself on 17. Runs on both; the delegate's state is read by reflection
 * where it exists.
 */
class ChaosHttpClientLifecycleTest {

  private final VirtualTime clock = new VirtualTime();
  private LoopbackHttpServer server;
  private HttpClient delegate;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackHttpServer();
    delegate = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ChaosHttpClient client(ChaosConfig config) {
    ChaosInjector injector = ChaosInjector.builder().config(config).nanoClock(clock).build();
    return ChaosHttpClient.builder(delegate, injector)
        .nanoClock(clock)
        .scheduler(clock)
        .executor(Runnable::run)
        .build();
  }

  private static ChaosConfig spikeEverything() {
    return ChaosConfig.builder()
        .enabled(true)
        .dryRun(false)
        .burstOffSec(0)
        .seed(8L)
        .latSpikeMs(300)
        .latSpikeProbability(1.0)
        .build();
  }

  private HttpRequest get() {
    return HttpRequest.newBuilder(server.uri("/l")).timeout(Duration.ofSeconds(5)).build();
  }

  /** The delegate's own {@code isTerminated()} on JDK 21+, or null on 17. */
  private Boolean delegateTerminated() throws Exception {
    Method m;
    try {
      m = HttpClient.class.getMethod("isTerminated");
    } catch (NoSuchMethodException onJdk17) {
      return null;
    }
    return (Boolean) m.invoke(delegate);
  }

  @Test
  void aSendThroughAShutDownWrapperFailsAsOnTheJdkClientAndTheDelegateShutsDown() throws Exception {
    ChaosHttpClient http = client(ChaosConfig.defaults());
    assertThat(http.send(get(), BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    http.shutdown();
    assertThatThrownBy(() -> http.send(get(), BodyHandlers.discarding()))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("closed");
    assertThat(http.sendAsync(get(), BodyHandlers.discarding()))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .withMessage("closed");
    assertThat(http.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(http.isTerminated()).isTrue();
    Boolean delegateDone = delegateTerminated();
    if (delegateDone != null) {
      assertThat(delegateDone).as("the delegate was shut down too").isTrue();
      assertThatThrownBy(() -> delegate.send(get(), BodyHandlers.discarding()))
          .isInstanceOf(IOException.class);
    }
    assertThat(server.received()).isEqualTo(1);
  }

  @Test
  void aRequestStillInItsInjectedDelayAtShutdownIsSentAndFinishesThenTheDelegateShutsDown()
      throws Exception {
    ChaosHttpClient http = client(spikeEverything());
    CompletableFuture<HttpResponse<Void>> f = http.sendAsync(get(), BodyHandlers.discarding());
    http.shutdown();
    assertThat(http.isTerminated()).isFalse();
    assertThat(delegateTerminated()).isNotEqualTo(Boolean.TRUE);
    clock.advanceMillis(300);
    assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(http.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(server.received()).isEqualTo(1);
  }

  @Test
  void shutdownNowFailsADelayedRequestAtOnceAndItIsNeverSent() throws Exception {
    ChaosHttpClient http = client(spikeEverything());
    CompletableFuture<HttpResponse<Void>> f = http.sendAsync(get(), BodyHandlers.discarding());
    http.shutdownNow();
    assertThat(f)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(IOException.class);
    clock.advanceMillis(1000);
    assertThat(clock.pending()).isZero();
    assertThat(http.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(server.received()).isZero();
  }

  @Test
  void closeShutsDownAndWaitsAsTheJdkClientDoes() throws Exception {
    ChaosHttpClient http = client(ChaosConfig.defaults());
    http.send(get(), BodyHandlers.discarding());
    http.close();
    assertThat(http.isClosed()).isTrue();
    assertThat(http.isTerminated()).isTrue();
    assertThatThrownBy(() -> http.send(get(), BodyHandlers.discarding())).hasMessage("closed");
  }

  @Test
  void awaitTerminationBeforeShutdownTimesOutWithFalse() throws Exception {
    ChaosHttpClient http = client(ChaosConfig.defaults());
    assertThat(http.awaitTermination(Duration.ofMillis(20))).isFalse();
    assertThat(http.isTerminated()).isFalse();
    assertThatThrownBy(() -> http.awaitTermination(null)).isInstanceOf(NullPointerException.class);
  }
}
