package io.mmbot.chaos.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.CuttingServer;
import io.mmbot.chaos.testsupport.CuttingServer.Mode;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.SocketException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import si.mazi.rescu.ClientConfig;
import si.mazi.rescu.RestProxyFactory;

/**
 * A NET_LOSS that cuts the connection after sending, injected into a rescu call over {@code
 * HttpURLConnection}, against a loopback server that resets the connection for real after reading
 * the POST: the same exception, and the same number of requests at the server (the JDK client sends
 * the POST a second time on its own).
 */
class MidBodyCutUrlConnectionTest {

  /** A POST as an exchange connector declares it. */
  @Path("api/v3")
  @Produces(MediaType.APPLICATION_JSON)
  public interface Orders {
    /** Places an order. */
    @POST
    @Path("order")
    Map<String, Object> place(
        @FormParam("symbol") String symbol, @FormParam("newClientOrderId") String clientOrderId)
        throws IOException;
  }

  private final CuttingServer server = new CuttingServer(Mode.RESET);

  MidBodyCutUrlConnectionTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  private Orders proxy(ChaosRescuInterceptor... chaos) {
    ClientConfig config = new ClientConfig();
    config.setHttpReadTimeout(10_000);
    return RestProxyFactory.createProxy(Orders.class, server.url(""), config, chaos);
  }

  private static ChaosRescuInterceptor cutEveryLoss() {
    return ChaosRescuInterceptor.of(
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .netLoss(1.0)
                .unknownOutcomeShare(1.0)
                .netLossCutShare(1.0)
                .seed(5L)
                .build()));
  }

  @Test
  void anInjectedCutResendsThePostAndFailsAsARealReset() {
    Throwable real = catchThrowable(() -> proxy().place("BTCUSDT", "mm-1"));
    int realRequests = server.requests();

    server.mode(Mode.ANSWER);
    Throwable injected = catchThrowable(() -> proxy(cutEveryLoss()).place("BTCUSDT", "mm-1"));
    int injectedRequests = server.requests() - realRequests;

    assertThat(real).isExactlyInstanceOf(SocketException.class);
    assertThat(realRequests).as("the JDK re-sent the POST on its own").isEqualTo(2);
    XChangeBinanceFaultParityTest.assertSameFailure(injected, real);
    assertThat(injectedRequests).isEqualTo(realRequests);
  }

  @Test
  void withChaosOffTheSameCallIsAnsweredOnce() throws IOException {
    server.mode(Mode.ANSWER);
    assertThat(proxy().place("BTCUSDT", "mm-1")).containsEntry("orderId", 12345);
    assertThat(server.requests()).isEqualTo(1);
  }
}
