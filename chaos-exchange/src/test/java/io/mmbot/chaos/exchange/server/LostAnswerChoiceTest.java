package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exchange's lost answers follow the injector's {@code net_loss.cut_share}: a lost response is
 * silence, a cut one a reset or a body cut half way, in turn.
 */
class LostAnswerChoiceTest {

  private static final String ORDER =
      "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.002&price=45000.10";

  private static FaultPlan plan(double cutShare) {
    FaultPlan p =
        RequestFaults.of(
                Chaos.injector(
                    b -> b.netLoss(1.0).unknownOutcomeShare(1.0).netLossCutShare(cutShare)))
            .next();
    assertThat(p.isLoss()).isTrue();
    return p;
  }

  private static List<LostAnswer> forms(LostAnswerChoice c, FaultPlan p, int n) {
    List<LostAnswer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(c.formFor(p));
    }
    return l;
  }

  @Test
  void withEveryFormAllowedALostAnswerIsSilenceAndACutOneAResetThenAHalfBody() {
    LostAnswerChoice all = new LostAnswerChoice(List.of(LostAnswer.values()));
    assertThat(forms(all, plan(0), 3)).containsOnly(LostAnswer.SILENCE);
    assertThat(forms(all, plan(1), 4))
        .containsExactly(
            LostAnswer.RESET, LostAnswer.CUT_BODY, LostAnswer.RESET, LostAnswer.CUT_BODY);
  }

  @Test
  void aKindWithoutAnAllowedFormOfItsOwnTakesTheAllowedOnes() {
    LostAnswerChoice onlyCut = new LostAnswerChoice(List.of(LostAnswer.CUT_BODY));
    assertThat(forms(onlyCut, plan(0), 2)).containsOnly(LostAnswer.CUT_BODY);
    assertThat(forms(onlyCut, plan(1), 2)).containsOnly(LostAnswer.CUT_BODY);
    LostAnswerChoice onlySilence = new LostAnswerChoice(List.of(LostAnswer.SILENCE));
    assertThat(forms(onlySilence, plan(1), 2)).containsOnly(LostAnswer.SILENCE);
  }

  @Test
  void onTheWireEveryCutIsAResetOrAHalfBodyAndTheOrdersExecute() throws IOException {
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(
                Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0).netLossCutShare(1.0)))
            .silenceMaxMs(30_000)
            .start()) {
      assertThatThrownBy(() -> send(ex, "k1", 10_000))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      String cut = send(ex, "k2", 10_000);
      assertThat(cut).startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(ex.ledgerSize()).isEqualTo(2);
    }
  }

  @Test
  void onTheWireWithoutCutsALostAnswerIsSilence() {
    try (ExchangeServer ex =
        ExchangeServer.builder()
            .injector(
                Chaos.injector(b -> b.netLoss(1.0).unknownOutcomeShare(1.0).netLossCutShare(0)))
            .silenceMaxMs(30_000)
            .start()) {
      assertThatThrownBy(() -> send(ex, "s1", 500)).isInstanceOf(SocketTimeoutException.class);
      assertThat(ex.ledgerSize()).isEqualTo(1);
    }
  }

  /** Sends a signed order on a raw socket and reads until the server ends the connection. */
  private static String send(ExchangeServer ex, String clientOrderId, int readTimeoutMs)
      throws IOException {
    String q =
        ORDER + "&newClientOrderId=" + clientOrderId + "&timestamp=" + System.currentTimeMillis();
    String request =
        "POST /api/v3/order?"
            + q
            + "&signature="
            + new Signatures(ex.apiKey(), ex.apiSecret()).sign(q)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: "
            + ex.apiKey()
            + "\r\nContent-Length: 0\r\n\r\n";
    try (Socket s = new Socket("127.0.0.1", ex.restUri().getPort())) {
      s.setSoTimeout(readTimeoutMs);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
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
}
