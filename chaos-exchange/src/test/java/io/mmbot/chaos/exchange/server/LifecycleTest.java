package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping the exchange, embedded and from the command line. */
class LifecycleTest {

  private static long exchangeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("chaos-exchange"))
        .count();
  }

  @Test
  void closeFreesBothPortsAndEndsEveryThreadEvenWithClientsConnected() throws Exception {
    long before = exchangeThreads();
    ExchangeServer ex = ExchangeServer.builder().start();
    URI rest = ex.restUri();
    URI ws = ex.wsUri();
    assertThat(rest.getHost()).isEqualTo("127.0.0.1");
    Socket idle = new Socket("127.0.0.1", rest.getPort());
    WebSocket stream =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(ws + "/ws/btcusdt@bookTicker"), new StreamWireTest.Events())
            .get(10, TimeUnit.SECONDS);
    ex.close();
    assertThat(exchangeThreads()).isEqualTo(before);
    for (int port : new int[] {rest.getPort(), ws.getPort()}) {
      try (ServerSocket again = new ServerSocket()) {
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      }
    }
    idle.close();
    stream.abort();
  }

  @Test
  void theCommandLinePrintsBothAddressesAndTakesKeyAndPorts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (ExchangeServer ex =
        ExchangeMain.start(
            new String[] {"--seed", "9", "--api-key", "k", "--api-secret", "s"}, ps, ps)) {
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .isEqualTo(
              "REST "
                  + ex.restUri()
                  + System.lineSeparator()
                  + "WS "
                  + ex.wsUri()
                  + System.lineSeparator());
      assertThat(printed).startsWith("REST http://127.0.0.1:");
      assertThat(ex.apiKey()).isEqualTo("k");
    }
    assertThatThrownBy(() -> ExchangeMain.start(new String[] {"--api-key", "k"}, ps, ps))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExchangeMain.start(new String[] {"--port"}, ps, ps))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAddressOtherThanLoopbackIsWarnedAbout() throws Exception {
    assertThat(ExchangeMain.bindWarning(InetAddress.getLoopbackAddress())).isNull();
    assertThat(ExchangeMain.bindWarning(InetAddress.getByName("0.0.0.0")))
        .startsWith("WARNING: listening on 0.0.0.0, not on loopback");
  }

  @Test
  void theSignatureCoversQueryThenBodyWithoutTheSignatureWhereverItStands() throws Exception {
    Params p = Params.parse("symbol=X&signature=ab&side=BUY", "quantity=1&timestamp=5");
    assertThat(p.signature()).isEqualTo("ab");
    assertThat(p.signedText()).isEqualTo("symbol=X&side=BUYquantity=1&timestamp=5");
    assertThatThrownBy(() -> Params.parse("a=1&a=2", ""))
        .isInstanceOf(ApiError.class)
        .hasMessage("Duplicate values for a parameter detected.");
  }
}
