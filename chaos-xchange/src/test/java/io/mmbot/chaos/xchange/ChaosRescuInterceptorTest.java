package io.mmbot.chaos.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.time.VirtualTime;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.binance.Binance;
import org.knowm.xchange.binance.dto.marketdata.BinanceOrderbook;
import si.mazi.rescu.ClientConfig;
import si.mazi.rescu.RestProxyFactory;

/**
 * The waits of the adapter, recorded instead of slept, on a rescu proxy built by hand with an
 * interceptor of a fixed injector.
 */
class ChaosRescuInterceptorTest {

  private final List<Long> pauses = new CopyOnWriteArrayList<>();
  private LoopbackBinance server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackBinance();
  }

  @AfterEach
  void stop() throws Exception {
    XChangeChaos.unbindAll();
    server.close();
  }

  private static ChaosInjector injector(ChaosConfig.Builder config) {
    return ChaosInjector.builder()
        .config(config.enabled(true).dryRun(false).burstOffSec(0).seed(3L).build())
        .nanoClock(new VirtualTime())
        .build();
  }

  private Binance proxy(ChaosInjector injector, int readTimeoutMs) {
    ClientConfig config = new ClientConfig();
    config.setHttpReadTimeout(readTimeoutMs);
    ChaosRescuInterceptor chaos =
        new ChaosRescuInterceptor(RequestFaults.of(injector), pauses::add);
    return RestProxyFactory.createProxy(
        Binance.class, "http://127.0.0.1:" + server.port(), config, chaos);
  }

  @Test
  void aLostResponseFailsAfterTheClientsReadTimeoutOnceTheServerHasTheRequest() {
    Binance binance =
        proxy(
            injector(ChaosConfig.builder().netLoss(1.0).unknownOutcomeShare(1).netLossCutShare(0)),
            5000);
    Throwable failure = catchThrowable(() -> binance.depth("BTCUSDT", 5));
    // The pause is recorded, not slept; the read timeout is generous so that the real request,
    // which must reach the server first, never times out on a loaded machine.
    assertThat(failure).isExactlyInstanceOf(SocketTimeoutException.class);
    assertThat(pauses).containsExactly(5000L);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void aLostResponseWithoutReadTimeoutFailsAfterTheDefaultWait() {
    Binance binance =
        proxy(
            injector(ChaosConfig.builder().netLoss(1.0).unknownOutcomeShare(1).netLossCutShare(0)),
            0);
    assertThat(catchThrowable(() -> binance.depth("BTCUSDT", 5)))
        .isExactlyInstanceOf(SocketTimeoutException.class);
    assertThat(pauses)
        .containsExactly(ChaosRescuInterceptor.DEFAULT_LOST_RESPONSE_TIMEOUT.toMillis());
  }

  @Test
  void aLatencySpikeWaitsFirstThenTheCallGoesThrough() throws Exception {
    Binance binance =
        proxy(injector(ChaosConfig.builder().latSpikeMs(180).latSpikeProbability(1.0)), 2000);
    BinanceOrderbook book = binance.depth("BTCUSDT", 5);
    assertThat(book.lastUpdateId).isEqualTo(1027024L);
    assertThat(pauses).containsExactly(180L);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void anInterceptorWithAFixedInjectorIgnoresTheBindings() throws Exception {
    XChangeChaos.bind(
        URI.create("http://127.0.0.1:" + server.port()),
        RequestFaults.of(injector(ChaosConfig.builder().exch429(1.0))));
    Binance binance = proxy(injector(ChaosConfig.builder()), 2000);
    assertThat(binance.depth("BTCUSDT", 5).lastUpdateId).isEqualTo(1027024L);
    assertThat(pauses).isEmpty();
  }

  @Test
  void originsIgnoreCaseAndMakeDefaultPortsExplicit() {
    assertThat(XChangeChaos.origin("HTTPS://API.Binance.com/api"))
        .isEqualTo(XChangeChaos.origin("https://api.binance.com:443"));
    assertThat(XChangeChaos.origin("http://127.0.0.1:8080/x")).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void ipLiteralsAreRecognised() {
    assertThat(ChaosRescuInterceptor.isIpLiteral("127.0.0.1")).isTrue();
    assertThat(ChaosRescuInterceptor.isIpLiteral("[::1]")).isTrue();
    assertThat(ChaosRescuInterceptor.isIpLiteral("api.binance.com")).isFalse();
    assertThat(ChaosRescuInterceptor.isIpLiteral("1.2.3")).isFalse();
  }
}
