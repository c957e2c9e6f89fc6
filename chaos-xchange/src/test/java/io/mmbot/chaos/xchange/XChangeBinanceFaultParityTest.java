package io.mmbot.chaos.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.testsupport.LocalProcess;
import io.mmbot.chaos.time.VirtualTime;
import java.math.BigDecimal;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.instrument.Instrument;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.HttpStatusIOException;

/**
 * xchange-binance 5.2.1, unmodified, against a loopback stand-in: for each fault, what the caller
 * of {@code getOrderBook} meets when the adapter injects it equals what it meets when the server
 * (or the socket) really fails that way. The adapter is found by XChange's own ServiceLoader.
 */
class XChangeBinanceFaultParityTest {

  private LoopbackBinance server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackBinance();
  }

  @AfterEach
  void stop() throws Exception {
    XChangeChaos.unbindAll();
    GlobalChaos.reset();
    server.close();
  }

  private static ChaosConfig.Builder config() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(7L);
  }

  private static ChaosInjector injector(ChaosConfig.Builder config) {
    return ChaosInjector.builder().config(config.build()).nanoClock(new VirtualTime()).build();
  }

  private static ExchangeSpecification spec(String uri, int readTimeoutMs) {
    ExchangeSpecification spec = new ExchangeSpecification(BinanceExchange.class);
    spec.setSslUri(uri);
    spec.setShouldLoadRemoteMetaData(false);
    spec.setHttpReadTimeout(readTimeoutMs);
    return spec;
  }

  private String url() {
    return "http://127.0.0.1:" + server.port();
  }

  private static Exchange exchange(ExchangeSpecification spec) {
    return ExchangeFactory.INSTANCE.createExchange(spec);
  }

  private static Throwable failure(Exchange exchange) {
    return catchThrowable(() -> bestBid(exchange));
  }

  /** The best bid of BTC/USDT, through xchange-binance's order book call. */
  private static BigDecimal bestBid(Exchange exchange) throws java.io.IOException {
    return exchange
        .getMarketDataService()
        .getOrderBook((Instrument) CurrencyPair.BTC_USDT)
        .getBids()
        .get(0)
        .getLimitPrice();
  }

  private Exchange boundTo(ChaosInjector injector, String uri, int readTimeoutMs) {
    ExchangeSpecification spec = spec(uri, readTimeoutMs);
    XChangeChaos.bind(spec, injector);
    return exchange(spec);
  }

  @Test
  void theAdapterIsRegisteredForXChangesServiceLoader() {
    assertThat(org.knowm.xchange.interceptor.InterceptorProvider.provide())
        .anyMatch(i -> i instanceof ChaosRescuInterceptor);
  }

  @Test
  void anInjected429EqualsARealOne() throws Exception {
    Exchange chaotic = boundTo(injector(config().exch429(1.0)), url(), 2000);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isZero();

    XChangeChaos.unbindAll();
    server.answerStatus(429, 1);
    Throwable real = failure(exchange(spec(url(), 2000)));

    assertThat(statusOf(injected)).isEqualTo(429);
    assertSameFailure(injected, real);
    assertThat(binanceCode(injected)).isEqualTo(-1003);
  }

  @Test
  void anInjected418BanEqualsARealOne() throws Exception {
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector =
        ChaosInjector.builder()
            .config(config().rateLimitStorm(1.0).build())
            .nanoClock(clock)
            .build();
    XChangeChaos.bind(URI.create(url()), RequestFaults.builder(injector).nanoClock(clock).build());
    Exchange chaotic = exchange(spec(url(), 2000));
    Throwable injected = null;
    for (int i = 0; i < 5 && statusOf(injected) != 418; i++) {
      injected = failure(chaotic);
    }
    assertThat(statusOf(injected)).isEqualTo(418);
    XChangeChaos.unbindAll();

    server.answerStatus(418, RequestFaults.Builder.DEFAULT_BAN_DURATION.toSeconds());
    assertSameFailure(injected, failure(exchange(spec(url(), 2000))));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void anInjected5xxBeforeSendingEqualsARealOneAndNeverReachesTheServer() throws Exception {
    Exchange chaotic = boundTo(injector(config().exch5xx(1.0).unknownOutcomeShare(0)), url(), 2000);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isZero();
    int status = statusOf(injected);
    assertThat(status).isIn(500, 502, 503, 504);

    XChangeChaos.unbindAll();
    server.answerStatus(status, 0);
    assertSameFailure(injected, failure(exchange(spec(url(), 2000))));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void anInjected5xxAfterSendingReachesTheServerAndEqualsARealOne() throws Exception {
    Exchange chaotic = boundTo(injector(config().exch5xx(1.0).unknownOutcomeShare(1)), url(), 2000);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isEqualTo(1);

    XChangeChaos.unbindAll();
    server.answerStatus(statusOf(injected), 0);
    assertSameFailure(injected, failure(exchange(spec(url(), 2000))));
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void anInjectedLossBeforeSendingEqualsARefusedConnection() throws Exception {
    Exchange chaotic = boundTo(injector(config().netLoss(1.0).unknownOutcomeShare(0)), url(), 2000);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isZero();

    int closedPort = LocalProcess.freePort();
    Throwable real = failure(exchange(spec("http://127.0.0.1:" + closedPort, 2000)));
    assertSameFailure(injected, real);
    assertThat(injected).isInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void anInjectedLossAfterSendingEqualsAReadTimeoutAndReachesTheServer() throws Exception {
    Exchange chaotic =
        boundTo(
            injector(config().netLoss(1.0).unknownOutcomeShare(1).netLossCutShare(0)), url(), 300);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isEqualTo(1);

    XChangeChaos.unbindAll();
    server.answerNothing();
    Throwable real = failure(exchange(spec(url(), 300)));
    assertThat(server.requests()).isEqualTo(2);
    assertSameFailure(injected, real);
    assertThat(injected).isInstanceOf(java.net.SocketTimeoutException.class);
  }

  @Test
  void anInjectedDnsFlapEqualsAFailedLookupOfTheSameKind() throws Exception {
    String named = "http://exchange.test:" + server.port();
    Exchange chaotic = boundTo(injector(config().dnsFlap(1.0)), named, 2000);
    Throwable injected = failure(chaotic);
    assertThat(server.requests()).isZero();

    Throwable real = failure(exchange(spec("http://unknown.test:" + server.port(), 2000)));
    assertThat(real).isInstanceOf(UnknownHostException.class).hasMessage("unknown.test");
    assertThat(injected).isExactlyInstanceOf(real.getClass()).hasMessage("exchange.test");
  }

  @Test
  void anIpLiteralNeverMeetsADnsFlap() throws Exception {
    Exchange chaotic = boundTo(injector(config().dnsFlap(1.0)), url(), 2000);
    assertThat(bestBid(chaotic)).isEqualByComparingTo(new BigDecimal("29999.00"));
  }

  @Test
  void withChaosOffCallsPassThroughUntouched() throws Exception {
    Exchange quiet = boundTo(injector(config().exch429(1.0).enabled(false)), url(), 2000);
    assertThat(bestBid(quiet)).isEqualByComparingTo(new BigDecimal("29999.00"));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void eachExchangeUsesTheInjectorBoundToItsBaseUriAndOthersTheGlobalOne() throws Exception {
    try (LoopbackBinance other = new LoopbackBinance()) {
      Exchange chaotic = boundTo(injector(config().exch429(1.0)), url(), 2000);
      Exchange untouched = exchange(spec("http://127.0.0.1:" + other.port(), 2000));

      assertThat(statusOf(failure(chaotic))).isEqualTo(429);
      assertThat(bestBid(untouched)).isEqualByComparingTo("29999.00");

      GlobalChaos.init(injector(config().exch5xx(1.0).unknownOutcomeShare(0)));
      assertThat(statusOf(failure(untouched))).isIn(500, 502, 503, 504);
      assertThat(statusOf(failure(chaotic))).isEqualTo(429);
      assertThat(other.requests()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- comparison

  /** Same classes, messages, statuses, bodies, codes and response headers along the cause chain. */
  static void assertSameFailure(Throwable injected, Throwable real) {
    assertThat(injected).as("injected failure").isNotNull();
    assertThat(real).as("real failure").isNotNull();
    Throwable a = injected;
    Throwable b = real;
    while (a != null || b != null) {
      assertThat(a).as("cause of injected failure, real: %s", b).isNotNull();
      assertThat(b).as("cause of real failure, injected: %s", a).isNotNull();
      assertThat(a.getClass()).as("class").isEqualTo(b.getClass());
      assertThat(a.getMessage()).as("message of %s", a.getClass()).isEqualTo(b.getMessage());
      if (a instanceof HttpStatusException) {
        assertThat(((HttpStatusException) a).getHttpStatusCode())
            .isEqualTo(((HttpStatusException) b).getHttpStatusCode());
      }
      if (a instanceof HttpStatusIOException) {
        assertThat(((HttpStatusIOException) a).getHttpBody())
            .isEqualTo(((HttpStatusIOException) b).getHttpBody());
      }
      if (a instanceof BinanceException) {
        assertThat(((BinanceException) a).getCode()).isEqualTo(((BinanceException) b).getCode());
      }
      if (a instanceof HttpResponseAware) {
        assertThat(((HttpResponseAware) a).getResponseHeaders())
            .as("response headers")
            .isNotNull()
            .isEqualTo(((HttpResponseAware) b).getResponseHeaders());
      }
      a = a.getCause() == a ? null : a.getCause();
      b = b.getCause() == b ? null : b.getCause();
    }
  }

  static int statusOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpStatusException) {
        return ((HttpStatusException) c).getHttpStatusCode();
      }
    }
    return -1;
  }

  static int binanceCode(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BinanceException) {
        return ((BinanceException) c).getCode();
      }
    }
    return 0;
  }
}
