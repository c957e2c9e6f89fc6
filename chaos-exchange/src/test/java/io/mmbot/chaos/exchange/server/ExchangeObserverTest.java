package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What the exchange's observer hears: REST requests with their endings, and stream events. */
class ExchangeObserverTest {

  private static final String ORDER =
      "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.002&price=45000.10";

  /** Collects observations; the clock is a counter, so the times prove which clock was used. */
  static final class Seen implements ExchangeObserver {
    final ConcurrentLinkedQueue<RestObservation> rest = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<StreamObservation> streams = new ConcurrentLinkedQueue<>();

    @Override
    public void onRequest(RestObservation r) {
      rest.add(r);
    }

    @Override
    public void onStream(StreamObservation e) {
      streams.add(e);
    }

    <T> List<T> await(ConcurrentLinkedQueue<T> q, Predicate<List<T>> done)
        throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < until) {
        List<T> now = new ArrayList<>(q);
        if (done.test(now)) {
          return now;
        }
        Thread.sleep(10);
      }
      throw new AssertionError("not observed within 10 s: " + q);
    }
  }

  @Test
  void aPlaceAndACancelByOrderIdAreReportedWithTheirOrderFieldsOnTheInjectedClock()
      throws Exception {
    Seen seen = new Seen();
    AtomicLong ticks = new AtomicLong(1_000);
    try (ExchangeServer ex =
        ExchangeServer.builder().observer(seen, () -> ticks.addAndGet(1_000)).start()) {
      Wire w = new Wire(ex);
      HttpResponse<String> placed =
          w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=obs-1");
      assertThat(placed.statusCode()).isEqualTo(200);
      String orderId = placed.body().replaceAll(".*\"orderId\":(\\d+).*", "$1");
      assertThat(
              w.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId).statusCode())
          .isEqualTo(200);
      List<RestObservation> r = seen.await(seen.rest, l -> l.size() >= 2);
      RestObservation place = r.get(0);
      assertThat(place.endpoint()).isEqualTo("PLACE_ORDER");
      assertThat(place.ending()).isEqualTo(RestObservation.Ending.ANSWERED);
      assertThat(place.status()).isEqualTo(200);
      assertThat(place.code()).isZero();
      assertThat(place.clientOrderId()).isEqualTo("obs-1");
      assertThat(place.side()).isEqualTo('S');
      assertThat(place.priceTicks()).isEqualTo(4_500_010L);
      // times come from the injected counter, in order
      assertThat(place.arrivedAtNanos()).isEqualTo(2_000);
      assertThat(place.endedAtNanos()).isEqualTo(3_000);
      RestObservation cancel = r.get(1);
      assertThat(cancel.endpoint()).isEqualTo("CANCEL_ORDER");
      assertThat(cancel.clientOrderId()).isEqualTo("obs-1");
      assertThat(cancel.arrivedAtNanos()).isGreaterThan(place.endedAtNanos());
    }
  }

  @Test
  void aRefusalCarriesItsStatusAndBinanceCode() throws Exception {
    Seen seen = new Seen();
    try (ExchangeServer ex = ExchangeServer.builder().observer(seen).start()) {
      HttpResponse<String> bad =
          new Wire(ex)
              .send("GET", "/api/v3/account?timestamp=1", "wrong-key", Duration.ofSeconds(5));
      List<RestObservation> r = seen.await(seen.rest, l -> !l.isEmpty());
      assertThat(r.get(0).status()).isEqualTo(bad.statusCode()).isGreaterThanOrEqualTo(400);
      assertThat(r.get(0).code()).isEqualTo(-2015);
      assertThat(r.get(0).endpoint()).isEqualTo("ACCOUNT");
    }
  }

  @Test
  void aSynthetic429CarriesItsRetryAfter() throws Exception {
    Seen seen = new Seen();
    ChaosInjector injector = Chaos.injector(b -> b.exch429(1.0));
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).observer(seen).start()) {
      HttpResponse<String> got = new Wire(ex).get("/api/v3/time");
      assertThat(got.statusCode()).isIn(429, 418);
      RestObservation o = seen.await(seen.rest, l -> !l.isEmpty()).get(0);
      assertThat(o.status()).isEqualTo(got.statusCode());
      assertThat(o.retryAfterSec())
          .isPositive()
          .isEqualTo(Long.parseLong(got.headers().firstValue("Retry-After").orElseThrow()));
      assertThat(o.code()).isNotZero();
    }
  }

  @Test
  void lostRequestsTellWhetherTheExchangeExecutedThem() throws Exception {
    Seen seen = new Seen();
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(0.5));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.RESET))
            .observer(seen)
            .start()) {
      Wire w = new Wire(ex);
      for (int i = 0; i < 12; i++) {
        String q = ORDER + "&newClientOrderId=lost-" + i;
        assertThatThrownBy(() -> w.signed("POST", "/api/v3/order", q)).isNotNull();
      }
      List<RestObservation> r = seen.await(seen.rest, l -> l.size() >= 12);
      long executed =
          r.stream().filter(o -> o.ending() == RestObservation.Ending.LOST_AFTER_EXECUTION).count();
      long dropped =
          r.stream()
              .filter(o -> o.ending() == RestObservation.Ending.DROPPED_BEFORE_EXECUTION)
              .count();
      assertThat(executed + dropped).isEqualTo(r.size());
      assertThat(executed).isEqualTo(ex.ledgerSize());
      assertThat(r).allSatisfy(o -> assertThat(o.status()).isZero());
    }
  }

  @Test
  void anObserverThatThrowsChangesNothingForTheClient() throws Exception {
    ExchangeObserver broken =
        new ExchangeObserver() {
          @Override
          public void onRequest(RestObservation r) {
            throw new IllegalStateException("observer broke");
          }

          @Override
          public void onStream(StreamObservation e) {
            throw new IllegalStateException("observer broke");
          }
        };
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .observer(
                broken,
                () -> {
                  throw new IllegalStateException("clock broke");
                })
            .start()) {
      Wire w = new Wire(ex);
      for (int i = 0; i < 3; i++) {
        assertThat(w.get("/api/v3/time").statusCode()).isEqualTo(200);
      }
      StreamWireTest.Events e = new StreamWireTest.Events();
      WebSocket ws = open(ex, "/ws/btcusdt@bookTicker", e);
      assertThat(e.next()).startsWith("{");
      ws.abort();
    }
  }

  @Test
  void streamSessionsReportAttemptsOpensDataRefusalsAndAbnormalCloses() throws Exception {
    Seen seen = new Seen();
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).observer(seen).start()) {
      StreamWireTest.Events e = new StreamWireTest.Events();
      open(ex, "/ws/btcusdt@bookTicker", e);
      List<StreamObservation> s =
          seen.await(
              seen.streams,
              l ->
                  l.stream().filter(o -> o.kind() == StreamObservation.Kind.MARKET_DATA).count()
                      >= 3);
      assertThat(s.get(0).kind()).isEqualTo(StreamObservation.Kind.ATTEMPT);
      assertThat(s.get(1).kind()).isEqualTo(StreamObservation.Kind.OPEN);
      assertThat(s).allSatisfy(o -> assertThat(o.session()).isEqualTo(1));
      assertThatThrownBy(() -> open(ex, "/ws/nosuchkey", new StreamWireTest.Events())).isNotNull();
      seen.await(
          seen.streams,
          l ->
              l.stream()
                  .anyMatch(o -> o.session() == 2 && o.kind() == StreamObservation.Kind.REFUSED));
      injector.update(Chaos.config(b -> b.wsDisconnect(60)));
      List<StreamObservation> after =
          seen.await(
              seen.streams,
              l -> l.stream().anyMatch(o -> o.kind() == StreamObservation.Kind.ABNORMAL_CLOSE));
      assertThat(after)
          .filteredOn(o -> o.kind() == StreamObservation.Kind.ABNORMAL_CLOSE)
          .singleElement()
          .satisfies(o -> assertThat(o.session()).isEqualTo(1));
      assertThat(after)
          .noneMatch(o -> o.kind() == StreamObservation.Kind.CLOSE && o.session() == 1);
    }
  }

  private static WebSocket open(ExchangeServer ex, String path, StreamWireTest.Events e)
      throws Exception {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(URI.create(ex.wsUri() + path), e)
        .get(10, TimeUnit.SECONDS);
  }
}
