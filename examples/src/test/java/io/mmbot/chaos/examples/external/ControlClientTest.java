package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.control.ChaosControlServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a real {@link ChaosControlServer} on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final String token = Ports.token();
  private ChaosInjector injector;
  private ChaosControlServer server;
  private ControlClient client;

  @BeforeEach
  void startServer() {
    injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(false)
                .dryRun(false)
                .netLoss(0.2)
                .burstOffSec(0)
                .seed(11L)
                .build());
    server = ChaosControlServer.builder(injector).token(token).port(0).start();
    client = new ControlClient(base(), token, TIMEOUT);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void enableAndDisableSwitchTheBotsInjector() {
    client.enable();
    assertThat(injector.enabled()).isTrue();

    client.disable("BURST_END");
    assertThat(injector.enabled()).isFalse();
    assertThat(client.status()).contains("\"reason\":\"BURST_END\"");

    client.enable();
    client.disable(null);
    assertThat(injector.enabled()).isFalse();
    assertThat(client.status()).contains("\"reason\":\"REMOTE\"");
  }

  @Test
  void setIntensityChangesTheScenarioAndZeroIsAPointRollback() {
    client.setIntensity(Scenario.NET_LOSS, 0.7);
    assertThat(injector.config().intensity(Scenario.NET_LOSS)).isEqualTo(0.7);
    client.setIntensity(Scenario.LAT_SPIKE, 250);
    assertThat(injector.config().intensity(Scenario.LAT_SPIKE)).isEqualTo(250.0);

    client.setIntensity(Scenario.NET_LOSS, 0);
    assertThat(injector.config().intensity(Scenario.NET_LOSS)).isZero();
  }

  @Test
  void injectionsAreReadFromTheStatus() {
    assertThat(client.injections(Scenario.NET_LOSS)).isZero();
    client.enable();
    client.setIntensity(Scenario.NET_LOSS, 1.0);
    int made = 0;
    for (int i = 0; i < 25; i++) {
      made += injector.shouldInjectNetLoss() ? 1 : 0;
    }
    assertThat(made).isEqualTo(25);
    assertThat(client.injections(Scenario.NET_LOSS)).isEqualTo(25);
    assertThat(client.injections(Scenario.EXCH_5XX)).isZero();
  }

  @Test
  void aWrongTokenIsRefusedWithThatReasonAndChangesNothing() {
    ControlClient wrong = new ControlClient(base(), Ports.token(), TIMEOUT);

    assertThatThrownBy(wrong::enable)
        .isInstanceOf(ControlException.class)
        .extracting(e -> ((ControlException) e).reason())
        .isEqualTo("control endpoint refused the token");
    assertThatThrownBy(wrong::status).hasMessage(ControlClient.REFUSED_TOKEN);
    assertThatThrownBy(() -> wrong.setIntensity(Scenario.NET_LOSS, 0.9))
        .hasMessage(ControlClient.REFUSED_TOKEN);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.config().intensity(Scenario.NET_LOSS)).isEqualTo(0.2);
  }

  @Test
  void anotherErrorStatusIsReportedWithItsBody() {
    assertThatThrownBy(() -> client.setIntensity(Scenario.NET_LOSS, 7))
        .isInstanceOf(ControlException.class)
        .hasMessageStartingWith(
            "control endpoint answered POST /chaos/scenarios/net_loss with HTTP 400: ")
        .hasMessageContaining("intensity");
    assertThat(injector.config().intensity(Scenario.NET_LOSS)).isEqualTo(0.2);
  }

  @Test
  void anEndpointThatIsDownIsAControlExceptionWithinTheTimeout() {
    int port = Ports.freePort();
    ControlClient down = new ControlClient(URI.create("http://127.0.0.1:" + port), token, TIMEOUT);
    assertThatThrownBy(down::enable)
        .isInstanceOf(ControlException.class)
        .hasMessageStartingWith("control endpoint http://127.0.0.1:" + port + " did not answer")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void refusesANonFiniteIntensityWithoutSendingIt() {
    assertThatThrownBy(() -> client.setIntensity(Scenario.NET_LOSS, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.port());
  }
}
