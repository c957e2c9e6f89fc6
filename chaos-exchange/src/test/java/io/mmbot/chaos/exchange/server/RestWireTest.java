package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Binance's REST wire, checked byte by byte with the JDK's own HTTP client. */
class RestWireTest {

  private static final String ORDER =
      "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.002&price=45000.10";

  @Test
  void everyAnswerCarriesTheUsedWeightAndAnOrderAnswerTheOrderCount() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      Wire w = new Wire(ex);
      HttpResponse<String> time = w.get("/api/v3/time");
      assertThat(time.statusCode()).isEqualTo(200);
      assertThat(time.body()).matches("\\{\"serverTime\":\\d{13}\\}");
      assertThat(time.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("1");
      HttpResponse<String> placed =
          w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=w1&newOrderRespType=ACK");
      assertThat(placed.statusCode()).isEqualTo(200);
      assertThat(placed.body())
          .matches(
              "\\{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"orderListId\":-1,"
                  + "\"clientOrderId\":\"w1\",\"transactTime\":\\d{13}\\}");
      assertThat(placed.headers().firstValue("X-MBX-ORDER-COUNT-10S")).hasValue("1");
      assertThat(placed.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("2");
    }
  }

  @Test
  void requestsAreCheckedAsBinanceChecksThem() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      Wire w = new Wire(ex);
      HttpResponse<String> noKey =
          w.send("GET", "/api/v3/account?timestamp=1&signature=00", null, Duration.ofSeconds(5));
      assertThat(noKey.statusCode()).isEqualTo(401);
      assertThat(noKey.body()).isEqualTo("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
      HttpResponse<String> noSig =
          w.send("GET", "/api/v3/account?timestamp=1", ex.apiKey(), Duration.ofSeconds(5));
      assertThat(noSig.body())
          .isEqualTo(
              "{\"code\":-1102,\"msg\":\"Mandatory parameter 'signature' was not sent, was"
                  + " empty/null, or malformed.\"}");
      assertThat(w.signed("GET", "/api/v3/openOrders", "symbol=ETHBTC").body())
          .isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
      assertThat(w.signed("POST", "/api/v3/order", ORDER.replace("45000.10", "45000.101")).body())
          .isEqualTo("{\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}");
      assertThat(w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=d").statusCode())
          .isEqualTo(200);
      HttpResponse<String> dup = w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=d");
      assertThat(dup.statusCode()).isEqualTo(400);
      assertThat(dup.body()).isEqualTo("{\"code\":-2010,\"msg\":\"Duplicate order sent.\"}");
      HttpResponse<String> stale =
          w.send(
              "GET",
              "/api/v3/openOrders?timestamp=1000&signature="
                  + new Signatures(ex.apiKey(), ex.apiSecret()).sign("timestamp=1000"),
              ex.apiKey(),
              Duration.ofSeconds(5));
      assertThat(stale.body())
          .isEqualTo(
              "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the"
                  + " recvWindow.\"}");
      assertThat(w.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").body())
          .contains("\"origClientOrderId\":\"d\"", "\"status\":\"CANCELED\"");
      assertThat(ex.openOrderCount()).isZero();
    }
  }

  @Test
  void overTheWeightLimitA429CarriesRetryAfterAndBinancesMessage() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().weightLimitPerMinute(3).start()) {
      Wire w = new Wire(ex);
      for (int i = 0; i < 3; i++) {
        assertThat(w.get("/api/v3/ping").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = w.get("/api/v3/ping");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.body())
          .startsWith("{\"code\":-1003,\"msg\":\"Too much request weight used;");
    }
  }

  @Test
  void listenKeysAreCreatedKeptAliveAndClosed() throws Exception {
    try (ExchangeServer ex = ExchangeServer.builder().start()) {
      Wire w = new Wire(ex);
      String body =
          w.send("POST", "/api/v3/userDataStream", ex.apiKey(), Duration.ofSeconds(5)).body();
      assertThat(body).matches("\\{\"listenKey\":\"[A-Za-z0-9]{64}\"\\}");
      String key = body.substring(14, 78);
      assertThat(
              w.send(
                      "PUT",
                      "/api/v3/userDataStream?listenKey=" + key,
                      ex.apiKey(),
                      Duration.ofSeconds(5))
                  .body())
          .isEqualTo("{}");
      assertThat(
              w.send(
                      "DELETE",
                      "/api/v3/userDataStream?listenKey=" + key,
                      ex.apiKey(),
                      Duration.ofSeconds(5))
                  .body())
          .isEqualTo("{}");
      HttpResponse<String> gone =
          w.send(
              "PUT", "/api/v3/userDataStream?listenKey=" + key, ex.apiKey(), Duration.ofSeconds(5));
      assertThat(gone.body())
          .isEqualTo("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
    }
  }

  @Test
  void anAnswerLostInSilenceLeavesTheCallerToTimeOutWhileTheOrderExists() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.SILENCE))
            .start()) {
      Wire w = new Wire(ex);
      assertThatThrownBy(
              () ->
                  w.signed(
                      "POST",
                      "/api/v3/order",
                      ORDER + "&newClientOrderId=q",
                      Duration.ofMillis(500)))
          .isInstanceOf(HttpTimeoutException.class);
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void aSyntheticFaultAnswersWithTheAdaptersBodyAndHeaders() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.exch429(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      HttpResponse<String> r = new Wire(ex).get("/api/v3/time");
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(r.body()).startsWith("{\"code\":-1003,");
    }
  }

  @Test
  void theOpenOrdersViewIsPerturbedWhenReconcileMismatchFires() throws Exception {
    ChaosInjector injector = Chaos.injector(b -> b.reconcileMismatch(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Wire w = new Wire(ex);
      w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=m1");
      w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=m2");
      String truth = "\"clientOrderId\":\"m1\"";
      boolean differs = false;
      for (int i = 0; i < 4 && !differs; i++) {
        String view = w.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body();
        differs =
            !view.contains(truth)
                || !view.contains("\"clientOrderId\":\"m2\"")
                || view.contains("ghost")
                || view.contains("PENDING_NEW")
                || view.contains("\"origQty\":\"0.00300000\"");
      }
      assertThat(differs).isTrue();
      assertThat(ex.openOrderCount()).isEqualTo(2);
    }
  }
}
