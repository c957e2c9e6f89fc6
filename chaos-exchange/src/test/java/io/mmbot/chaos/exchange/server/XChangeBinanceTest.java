package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.account.AccountInfo;
import org.knowm.xchange.dto.marketdata.OrderBook;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.dto.trade.OpenOrders;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.OperationTimeoutException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import org.knowm.xchange.service.trade.params.DefaultCancelOrderByInstrumentAndIdParams;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamInstrument;
import org.knowm.xchange.service.trade.params.orders.DefaultQueryOrderParamInstrument;

/**
 * XChange's Binance connector (xchange-binance 5.2.1, unmodified; REST through rescu over {@code
 * HttpURLConnection}) against the exchange on 127.0.0.1.
 */
class XChangeBinanceTest {

  private static final CurrencyPair PAIR = CurrencyPair.BTC_USDT;

  private static Exchange connect(ExchangeServer ex) {
    ExchangeSpecification spec = new ExchangeSpecification(BinanceExchange.class);
    spec.setSslUri(ex.restUri().toString());
    spec.setHost(ex.restUri().getHost());
    spec.setPort(ex.restUri().getPort());
    spec.setApiKey(ex.apiKey());
    spec.setSecretKey(ex.apiSecret());
    spec.setShouldLoadRemoteMetaData(false);
    return ExchangeFactory.INSTANCE.createExchange(spec);
  }

  private static LimitOrder bid(String id) {
    return new LimitOrder.Builder(Order.OrderType.BID, PAIR)
        .originalAmount(new BigDecimal("0.010"))
        .limitPrice(new BigDecimal("20000.00"))
        .userReference(id)
        .build();
  }

  @Test
  void placesQueriesListsAndCancelsAnOrderAndReadsAccountAndBook() throws IOException {
    try (ExchangeServer ex = ExchangeServer.builder().seed(2).start()) {
      Exchange x = connect(ex);
      String id = x.getTradeService().placeLimitOrder(bid("x1"));
      assertThat(id).isEqualTo("1");

      Collection<Order> found =
          x.getTradeService().getOrder(new DefaultQueryOrderParamInstrument(PAIR, id));
      assertThat(found).hasSize(1);
      Order o = found.iterator().next();
      assertThat(o.getStatus()).isEqualTo(Order.OrderStatus.NEW);
      assertThat(o.getOriginalAmount()).isEqualByComparingTo("0.01");

      OpenOrders open =
          x.getTradeService().getOpenOrders(new DefaultOpenOrdersParamInstrument(PAIR));
      assertThat(open.getOpenOrders()).hasSize(1);
      assertThat(open.getOpenOrders().get(0).getLimitPrice()).isEqualByComparingTo("20000");

      AccountInfo account = x.getAccountService().getAccountInfo();
      assertThat(account.getWallet().getBalance(Currency.USDT).getFrozen())
          .isEqualByComparingTo("200");

      OrderBook book =
          x.getMarketDataService().getOrderBook((org.knowm.xchange.instrument.Instrument) PAIR);
      assertThat(book.getBids()).isNotEmpty();
      assertThat(book.getAsks().get(0).getLimitPrice())
          .isGreaterThan(book.getBids().get(0).getLimitPrice());

      assertThat(
              x.getTradeService()
                  .cancelOrder(new DefaultCancelOrderByInstrumentAndIdParams(PAIR, id)))
          .isTrue();
      assertThat(ex.openOrderCount()).isZero();
    }
  }

  @Test
  void a429IsARateLimitExceededExceptionAndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.exch429(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("r1")))
          .isInstanceOf(RateLimitExceededException.class);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aServerClockAheadOfTheCallersIsAnOperationTimeoutAndNothingExecutes() {
    VirtualTime nanos = new VirtualTime();
    ChaosInjector injector =
        Chaos.injector(b -> b.clockSkewMs(30_000).clockSkewProbability(1.0), nanos);
    nanos.advanceNanos(15_000_000_000L);
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("k1")))
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageContaining("recvWindow");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void a5xxAfterExecutionIsAnExchangeExceptionAndTheOrderExists() {
    ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("s1")))
          .isInstanceOf(ExchangeException.class);
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aLostAnswerAfterExecutionIsAnIoExceptionAndTheOrderExists() {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.CUT_BODY))
            .start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("l1")))
          .isInstanceOfAny(IOException.class, ExchangeException.class);
      assertThat(ex.ledgerSize()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void a5xxBeforeExecutionIsAnExchangeExceptionAndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("s0")))
          .isInstanceOf(ExchangeException.class);
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aStormNotBackedOffFromEndsInA418BanStillARateLimitExceededException() {
    ChaosInjector injector = Chaos.injector(b -> b.rateLimitStorm(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      for (int i = 0; i < 4; i++) {
        String id = "b" + i;
        assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid(id)))
            .isInstanceOf(RateLimitExceededException.class)
            .hasMessageContaining(i < 3 ? "(HTTP status code: 429)" : "(HTTP status code: 418)");
      }
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aResetBeforeExecutionIsAnIoExceptionAndNothingExecutes() {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(0.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("n0")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Connection reset");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void aResetAfterExecutionIsResentByHttpUrlConnectionSoAnOrderWithoutClientIdIsPlacedTwice() {
    // HttpURLConnection sends a POST again, unasked, when the connection is reset before any
    // answer; the second copy executes too and its answer is lost as well
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.RESET))
            .start()) {
      Exchange x = connect(ex);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid(null)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Connection reset");
      assertThat(ex.ledgerSize()).isEqualTo(2);
      // with a client order id the copy is refused as a duplicate (-2010): one order
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid("r1")))
          .isInstanceOf(IOException.class);
      assertThat(ex.ledgerSize()).isEqualTo(3);
    }
  }

  @Test
  void anAnswerLostInSilenceIsAReadTimeoutAndTheOrderExists() {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.SILENCE))
            .silenceMaxMs(60_000)
            .start()) {
      ExchangeSpecification spec = connect(ex).getExchangeSpecification();
      spec.setHttpReadTimeout(1_000);
      Exchange x = ExchangeFactory.INSTANCE.createExchange(spec);
      assertThatThrownBy(() -> x.getTradeService().placeLimitOrder(bid(null)))
          .isInstanceOf(java.net.SocketTimeoutException.class)
          .hasMessageContaining("Read timed out");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aStaleOrderViewReachesXChangeWhileTheLedgerIsRight() throws IOException {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Exchange x = connect(ex);
      x.getTradeService().placeLimitOrder(bid("v1"));
      x.getTradeService().placeLimitOrder(bid("v2"));
      injector.update(Chaos.config(b -> b.reconcileMismatch(1.0)));
      boolean differs = false;
      for (int i = 0; i < 4 && !differs; i++) {
        java.util.List<LimitOrder> open =
            x.getTradeService()
                .getOpenOrders(new DefaultOpenOrdersParamInstrument(PAIR))
                .getOpenOrders();
        differs =
            open.size() != 2
                || open.stream()
                    .anyMatch(
                        o ->
                            o.getStatus() != Order.OrderStatus.NEW
                                || o.getOriginalAmount().compareTo(new BigDecimal("0.01")) != 0
                                || !o.getUserReference().matches("v[12]"));
      }
      assertThat(differs).isTrue();
      assertThat(ex.openOrderCount()).isEqualTo(2);
    }
  }
}
