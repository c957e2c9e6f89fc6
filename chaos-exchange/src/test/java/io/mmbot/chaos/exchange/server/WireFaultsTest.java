package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.time.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each server-side fault as it looks on the wire: lost answers read from a raw socket (a reset, a
 * body cut off mid-way, silence), the rest through the JDK's HTTP client, with the ledger showing
 * whether the order executed.
 */
class WireFaultsTest {

  private static final String ORDER =
      "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.002&price=45000.10";

  /** A signed order request as raw HTTP/1.1 bytes. */
  private static byte[] rawOrder(ExchangeServer ex, String clientOrderId) {
    String q =
        ORDER + "&newClientOrderId=" + clientOrderId + "&timestamp=" + System.currentTimeMillis();
    String signature = new Signatures(ex.apiKey(), ex.apiSecret()).sign(q);
    String request =
        "POST /api/v3/order?"
            + q
            + "&signature="
            + signature
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: "
            + ex.apiKey()
            + "\r\nContent-Length: 0\r\n\r\n";
    return request.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends {@code request} and reads until the server ends the connection. */
  private static String exchange(ExchangeServer ex, byte[] request, int readTimeoutMs)
      throws IOException {
    try (Socket s = new Socket("127.0.0.1", ex.restUri().getPort())) {
      s.setSoTimeout(readTimeoutMs);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      for (int n = in.read(buf); n != -1; n = in.read(buf)) {
        got.write(buf, 0, n);
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static ExchangeServer lossServer(double unknownOutcomeShare, LostAnswer form) {
    ChaosInjector injector =
        Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(unknownOutcomeShare));
    return ExchangeServer.builder()
        .injector(injector)
        .lostAnswers(EnumSet.of(form))
        .silenceMaxMs(30_000)
        .start();
  }

  @Test
  void aRequestLostBeforeExecutionIsAConnectionResetAndNothingExecutes() {
    try (ExchangeServer ex = lossServer(0.0, LostAnswer.SILENCE)) {
      // before execution a loss is always a reset, whatever forms the answers may take
      assertThatThrownBy(() -> exchange(ex, rawOrder(ex, "b1"), 10_000))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(ex.ledgerSize()).isZero();
    }
  }

  @Test
  void anAnswerLostAsAResetComesAfterTheOrderExecuted() {
    try (ExchangeServer ex = lossServer(1.0, LostAnswer.RESET)) {
      assertThatThrownBy(() -> exchange(ex, rawOrder(ex, "r1"), 10_000))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(ex.ledgerSize()).isEqualTo(1);
      assertThat(ex.ledger().entries().get(0).status()).isEqualTo(OrderStatus.NEW);
    }
  }

  @Test
  void anAnswerCutOffMidBodyPromisesTheFullLengthAndEndsHalfWay() throws IOException {
    try (ExchangeServer ex = lossServer(1.0, LostAnswer.CUT_BODY)) {
      String got = exchange(ex, rawOrder(ex, "c1"), 10_000);
      assertThat(got).startsWith("HTTP/1.1 200 OK\r\n");
      Matcher length = Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n").matcher(got);
      assertThat(length.find()).isTrue();
      int promised = Integer.parseInt(length.group(1));
      String body = got.substring(got.indexOf("\r\n\r\n") + 4);
      assertThat(body.length()).isEqualTo(promised / 2).isPositive();
      assertThat(body).startsWith("{\"symbol\":\"BTCUSDT\"");
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void anAnswerLostInSilenceSendsNoByteWhileTheOrderExists() {
    try (ExchangeServer ex = lossServer(1.0, LostAnswer.SILENCE)) {
      assertThatThrownBy(() -> exchange(ex, rawOrder(ex, "s1"), 1_000))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void silenceEndsWithTheConnectionClosedUnansweredAtItsCap() throws IOException {
    ChaosInjector injector = Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0));
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(injector)
            .lostAnswers(EnumSet.of(LostAnswer.SILENCE))
            .silenceMaxMs(300)
            .start()) {
      assertThat(exchange(ex, rawOrder(ex, "s2"), 20_000)).isEmpty();
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  @Test
  void a5xxBeforeExecutionLeavesNoOrderAndAfterExecutionLeavesOne() throws Exception {
    for (double share : new double[] {0.0, 1.0}) {
      ChaosInjector injector = Chaos.injector(b -> b.exch5xx(1.0).unknownOutcomeShare(share));
      try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
        HttpResponse<String> r =
            new Wire(ex).signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=x1");
        assertThat(r.statusCode()).isBetween(500, 504);
        assertThat(r.body()).matches("\\{\"code\":-100[017],\"msg\":\".*\"\\}");
        assertThat(ex.ledgerSize()).as("unknown outcome share " + share).isEqualTo((int) share);
      }
    }
  }

  @Test
  void aStaleOrderQueryDisagreesWithTheLedger() throws Exception {
    ChaosInjector injector = Chaos.off();
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Wire w = new Wire(ex);
      w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=v1");
      String truth = w.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=v1").body();
      assertThat(truth).contains("\"status\":\"NEW\"", "\"origQty\":\"0.00200000\"");
      injector.update(Chaos.config(b -> b.reconcileMismatch(1.0)));
      boolean differs = false;
      for (int i = 0; i < 8 && !differs; i++) {
        HttpResponse<String> seen =
            w.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=v1");
        differs =
            seen.statusCode() == 400
                    && seen.body().equals("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")
                || seen.statusCode() == 200
                    && !seen.body()
                        .replaceAll("\"(time|updateTime)\":\\d+", "")
                        .equals(truth.replaceAll("\"(time|updateTime)\":\\d+", ""));
      }
      assertThat(differs).isTrue();
      assertThat(ex.ledger().entries().get(0).status()).isEqualTo(OrderStatus.NEW);
    }
  }

  @Test
  void aServerClockOffsetShowsInServerTimeAndInTheTimestampCheck() throws Exception {
    // CLOCK_SKEW drifts N·sin(2πt/60 s) from the start of the burst: 15 s in, it is +N.
    VirtualTime nanos = new VirtualTime();
    ChaosInjector injector =
        Chaos.injector(b -> b.clockSkewMs(30_000).clockSkewProbability(1.0), nanos);
    nanos.advanceNanos(15_000_000_000L);
    try (ExchangeServer ex = ExchangeServer.builder().injector(injector).start()) {
      Wire w = new Wire(ex);
      long before = System.currentTimeMillis();
      String time = w.get("/api/v3/time").body();
      long after = System.currentTimeMillis();
      long serverTime = Long.parseLong(time.replaceAll("\\D", ""));
      assertThat(serverTime).isBetween(before + 30_000, after + 30_000);
      HttpResponse<String> refused =
          w.signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=k1");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).startsWith("{\"code\":-1021,");
      assertThat(ex.ledgerSize()).isZero();
    }
  }
}
