package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kill switch waits for no one: with stalled, slow or unauthenticated clients holding
 * connections to the control endpoint (on loopback), an authorised {@code POST /chaos/disable} is
 * answered within {@value #MAX_DISABLE_SECONDS} s, and the Alertmanager webhook too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KillSwitchUnderStallTest {

  static final String TOKEN = ChaosControlServerTest.TOKEN;
  static final double MAX_DISABLE_SECONDS = 2.0;

  private ChaosInjector injector;
  private ChaosControlServer server;
  private ControlClient client;
  private StalledClients stalled;

  @BeforeEach
  void setUp() throws Exception {
    injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(0.3).burstOffSec(0).build());
    server = ChaosControlServer.builder(injector).token(TOKEN).start();
    client = new ControlClient(server.port(), Duration.ofSeconds(5));
    stalled = new StalledClients(server.port());
    // Warm the client and the server up (class loading, first threads), so that what is measured
    // is what the stalled clients cost, not a cold start.
    assertThat(client.get("/chaos/status", TOKEN).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void tearDown() {
    stalled.close();
    server.close();
  }

  /** Disables through the endpoint, asserts it worked, and returns how long it took. */
  private double disableSeconds() throws Exception {
    injector.update(injector.config().withEnabled(true));
    long start = System.nanoTime();
    HttpResponse<String> r = client.post("/chaos/disable", TOKEN, null);
    double took = (System.nanoTime() - start) / 1e9;
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    WORST.accumulateAndGet(Double.doubleToLongBits(took), (a, b) -> b > a ? b : a);
    return took;
  }

  /** The slowest disable seen in this class (bits of a positive double order as longs). */
  static final java.util.concurrent.atomic.AtomicLong WORST =
      new java.util.concurrent.atomic.AtomicLong();

  @org.junit.jupiter.api.AfterAll
  static void reportWorst() {
    System.out.printf(
        "mm-chaos control: slowest disable with stalled clients present: %.3f s%n",
        Double.longBitsToDouble(WORST.get()));
  }

  @Test
  void oneClientThatSendsOneByteDoesNotDelayTheDisable() throws Exception {
    stalled.open(1, "P");
    assertThat(disableSeconds()).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void anUnfinishedHeaderBlockDoesNotDelayTheDisable() throws Exception {
    stalled.open(1, StalledClients.unfinishedHead());
    assertThat(disableSeconds()).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void anUnauthenticatedRequestDeclaringABodyDoesNotDelayTheDisable() throws Exception {
    stalled.open(1, StalledClients.unauthenticatedBody());
    assertThat(disableSeconds()).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void anAuthenticatedRequestThatNeverSendsItsBodyDoesNotDelayTheDisable() throws Exception {
    stalled.open(1, StalledClients.authenticatedBody("/chaos/scenarios/net_loss"));
    assertThat(disableSeconds()).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void fiftyIdleSocketsDoNotDelayTheDisable() throws Exception {
    stalled.open(50, "");
    assertThat(disableSeconds()).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void fiftyClientsOfEveryStalledKindAtOnceDoNotDelayTheDisable() throws Exception {
    stalled
        .open(50, "G")
        .open(50, StalledClients.unfinishedHead())
        .open(50, StalledClients.unauthenticatedBody())
        .open(20, StalledClients.authenticatedBody("/chaos/enable"));
    for (int i = 0; i < 3; i++) {
      assertThat(disableSeconds()).as("disable %d", i).isLessThan(MAX_DISABLE_SECONDS);
    }
  }

  @Test
  void aSlowlorisDribblingHeaderBytesDoesNotDelayTheDisable() throws Exception {
    stalled.open(30, "GET /chaos/status HTTP/1.1\r\n");
    for (int i = 0; i < 5; i++) {
      stalled.dribble((byte) 'X');
      assertThat(disableSeconds()).as("disable %d", i).isLessThan(MAX_DISABLE_SECONDS);
    }
  }

  @Test
  void theAlertmanagerWebhookIsNotDelayedEither() throws Exception {
    stalled.open(20, "P").open(20, StalledClients.unauthenticatedBody());
    String labels = "\"chaos_rollback\":\"true\",\"reason\":\"DEADLINE_MISS\"";
    long start = System.nanoTime();
    HttpResponse<String> r =
        client.post(
            "/chaos/alertmanager",
            TOKEN,
            ChaosControlServerTest.webhook(
                "firing", ChaosControlServerTest.alert("firing", labels)));
    double took = (System.nanoTime() - start) / 1e9;
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(injector.lastDisableReason()).isEqualTo("DEADLINE_MISS");
    assertThat(took).isLessThan(MAX_DISABLE_SECONDS);
  }

  @Test
  void anAuthorisedDisableWhoseOwnBodyStallsStillDisablesWithinTheReadTimeout() throws Exception {
    long start = System.nanoTime();
    stalled.open(1, StalledClients.authenticatedBody("/chaos/disable"));
    boolean off =
        RealTime.await(Duration.ofSeconds(10), Duration.ofMillis(10), () -> !injector.enabled());
    double took = (System.nanoTime() - start) / 1e9;
    assertThat(off).isTrue();
    assertThat(took).isLessThan(MAX_DISABLE_SECONDS);
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
  }

  @Test
  void aStalledConnectionIsClosedByTheServer() throws Exception {
    stalled.open(1, "P").open(1, StalledClients.unauthenticatedBody());
    for (java.net.Socket s : stalled.sockets()) {
      // The server closes it (end of stream) or resets it; it never leaves it hanging for 10 s.
      int read;
      try {
        read = s.getInputStream().read(new byte[4096]);
        while (read > 0) {
          read = s.getInputStream().read(new byte[4096]);
        }
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }
}
