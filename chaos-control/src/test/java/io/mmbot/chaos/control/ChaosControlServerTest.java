package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.LogCapture;
import io.mmbot.chaos.time.VirtualTime;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every endpoint and status code, through the JDK HttpClient against the real server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChaosControlServerTest {

  static final String TOKEN = "s3cret-token-0123456789abcdef";

  private ChaosInjector injector;
  private ChaosControlServer server;
  private ControlClient client;

  @BeforeEach
  void setUp() {
    injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .netLoss(0.3)
                .latSpikeMs(200)
                .burstOffSec(0)
                .seed(7L)
                .build());
    server = ChaosControlServer.builder(injector).token(TOKEN).port(0).start();
    client = new ControlClient(server.port());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  // ---------------------------------------------------------------- start-up

  @Test
  void refusesToStartWithoutAToken() {
    assertThatThrownBy(() -> ChaosControlServer.builder(injector).port(0).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a token");
  }

  @Test
  void refusesATokenShorterThanSixteenCharacters() {
    assertThatThrownBy(() -> ChaosControlServer.builder(injector).token("fifteen-chars-x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16");
  }

  @Test
  void readsTheTokenFromTheEnvironment() throws Exception {
    Map<String, String> env = Map.of("MM_CHAOS_TOKEN", "from-the-environment-123");
    try (ChaosControlServer s =
        ChaosControlServer.builder(injector)
            .environment(env::get)
            .tokenFromEnv("MM_CHAOS_TOKEN")
            .start()) {
      ControlClient c = new ControlClient(s.port());
      assertThat(c.get("/chaos/status", "from-the-environment-123").statusCode()).isEqualTo(200);
      assertThat(c.get("/chaos/status", TOKEN).statusCode()).isEqualTo(401);
    }
    assertThatThrownBy(
            () -> ChaosControlServer.builder(injector).environment(env::get).tokenFromEnv("OTHER"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OTHER is not set");
  }

  @Test
  void bindsTheLoopbackAddressByDefault() {
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
  }

  @Test
  void bindsTheAddressItIsGiven() throws Exception {
    try (ChaosControlServer s =
        ChaosControlServer.builder(injector).token(TOKEN).bind("127.0.0.2").start()) {
      assertThat(s.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
    }
  }

  // ---------------------------------------------------------------- authentication

  @Test
  void requestWithoutATokenGets401WithABearerChallengeAndChangesNothing() throws Exception {
    try (LogCapture log = new LogCapture(ChaosControlServer.class)) {
      HttpResponse<String> r = client.post("/chaos/disable", null, null);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(injector.enabled()).isTrue();
      assertThat(log.messages())
          .anySatisfy(
              m ->
                  assertThat(m).contains("POST /chaos/disable from 127.0.0.1:").contains("-> 401"));
    }
  }

  @Test
  void wrongTokenGets401AndChangesNothing() throws Exception {
    for (String wrong :
        new String[] {
          TOKEN + "x", TOKEN.substring(0, TOKEN.length() - 1) + "X", TOKEN.substring(1), ""
        }) {
      HttpResponse<String> r = client.post("/chaos/disable", wrong, null);
      assertThat(r.statusCode()).as("token %s", wrong).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"mm-chaos\", error=\"invalid_token\"");
      assertThat(json(r).get("error").asText()).contains("Bearer");
    }
    HttpResponse<String> basic =
        client.send(
            client
                .request("/chaos/status", null)
                .header("Authorization", "Basic " + TOKEN)
                .GET()
                .build());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(
            client
                .post("/chaos/scenarios/net_loss", "wrong-token-0123456789", "{\"intensity\": 1}")
                .statusCode())
        .isEqualTo(401);
    assertThat(injector.enabled()).isTrue();
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
  }

  @Test
  void unknownPathIs404ButOnlyForAnAuthenticatedCaller() throws Exception {
    HttpResponse<String> r = client.get("/chaos/nope", TOKEN);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(client.get("/chaos/nope", null).statusCode()).isEqualTo(401);
    assertThat(client.get("/chaos/status/", TOKEN).statusCode()).isEqualTo(404);
    assertThat(client.get("/", TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> r = client.get("/chaos/disable", TOKEN);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> p = client.post("/chaos/status", TOKEN, null);
    assertThat(p.statusCode()).isEqualTo(405);
    assertThat(p.headers().firstValue("Allow")).hasValue("GET");
    HttpResponse<String> put =
        client.send(
            client
                .request("/chaos/scenarios/net_loss", TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"intensity\":0}"))
                .build());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
  }

  @Test
  void noCorsHeadersEvenForAPreflight() throws Exception {
    HttpResponse<String> pre =
        client.send(
            client
                .request("/chaos/disable", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(pre.statusCode()).isEqualTo(401);
    HttpResponse<String> ok =
        client.send(
            client
                .request("/chaos/status", TOKEN)
                .header("Origin", "https://evil.example")
                .GET()
                .build());
    assertThat(ok.statusCode()).isEqualTo(200);
    for (HttpResponse<String> r : java.util.List.of(pre, ok)) {
      assertThat(r.headers().map().keySet())
          .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }
    HttpResponse<String> options =
        client.send(
            client
                .request("/chaos/status", TOKEN)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(options.statusCode()).isEqualTo(405);
  }

  // ---------------------------------------------------------------- status

  @Test
  void statusShowsExactlyWhatTheInjectorHolds() throws Exception {
    injector.shouldInjectNetLoss();
    HttpResponse<String> r = client.get("/chaos/status", TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode s = json(r);
    assertThat(s.get("enabled").asBoolean()).isTrue();
    assertThat(s.get("dry_run").asBoolean()).isFalse();
    assertThat(s.get("burst_active").asBoolean()).isTrue();
    assertThat(s.get("scenarios")).hasSize(10);
    for (Scenario sc : Scenario.values()) {
      JsonNode one = s.get("scenarios").get(sc.key());
      assertThat(one.get("intensity").asDouble())
          .as(sc.key())
          .isEqualTo(injector.config().intensity(sc));
      assertThat(one.get("injections").asLong()).isEqualTo(injector.injections(sc));
      assertThat(one.get("would_be_injections").asLong()).isEqualTo(injector.wouldBeInjections(sc));
    }
    assertThat(s.get("scenarios").get("lat_spike").get("unit").asText()).isEqualTo("ms");
    assertThat(s.get("scenarios").get("ws_disconnect").get("probability").isNull()).isTrue();
    assertThat(s.get("last_rollback").isNull()).isTrue();
    assertThat(s.get("guard").isNull()).isTrue();
  }

  @Test
  void statusShowsTheGuardsBaselineAndEachTriggersValueAndHowLongItHeld() throws Exception {
    VirtualTime now = new VirtualTime(1_000_000_000_000L);
    RollbackGuard guard = RollbackGuard.builder(injector).nanoClock(now).build();
    try (ChaosControlServer s =
        ChaosControlServer.builder(injector).token(TOKEN).guard(guard).start()) {
      for (int i = 0; i < 10 * 42; i++) {
        guard.recordTick(150_000_000L, true);
        now.advanceNanos(100_000_000L);
      }
      JsonNode g = json(new ControlClient(s.port()).get("/chaos/status", TOKEN)).get("guard");
      assertThat(g.get("armed").asBoolean()).isTrue();
      assertThat(g.get("tripped_reason").isNull()).isTrue();
      assertThat(g.get("window_sec").asInt()).isEqualTo(60);
      assertThat(g.get("baseline").get("ready").asBoolean()).isFalse();
      assertThat(g.get("baseline").get("p95_ms").isNull()).isTrue();
      assertThat(g.get("baseline").get("note").asText()).startsWith("baseline not ready");
      JsonNode miss = g.get("triggers").get("DEADLINE_MISS");
      assertThat(miss.get("value").asDouble()).isEqualTo(100.0);
      assertThat(miss.get("threshold").asDouble()).isEqualTo(2.0);
      assertThat(miss.get("holding").asBoolean()).isTrue();
      assertThat(miss.get("held_for_sec").asDouble()).isEqualTo(41.0);
      assertThat(miss.get("for_sec").asLong()).isEqualTo(300);
      JsonNode p95 = g.get("triggers").get("P95_TICK");
      assertThat(p95.get("threshold").isNull()).isTrue();
      assertThat(p95.get("value").asDouble())
          .isCloseTo(150.0, org.assertj.core.data.Offset.offset(150.0 / 64));
      assertThat(g.get("triggers").get("PARTIAL_FAIL").get("value").isNull()).isTrue();
    } finally {
      guard.close();
    }
  }

  // ---------------------------------------------------------------- disable / enable

  @Test
  void disableWithoutABodyUsesReasonRemoteAndIsLoggedWithItsSource() throws Exception {
    try (LogCapture log = new LogCapture(ChaosControlServer.class)) {
      HttpResponse<String> r = client.post("/chaos/disable", TOKEN, null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).get("enabled").asBoolean()).isFalse();
      assertThat(json(r).get("changed").asBoolean()).isTrue();
      assertThat(injector.enabled()).isFalse();
      assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
      assertThat(log.messages())
          .anySatisfy(
              m ->
                  assertThat(m)
                      .matches(
                          "mm-chaos control: POST /chaos/disable from 127\\.0\\.0\\.1:\\d+ -> 200 disabled, reason REMOTE"));
    }
    JsonNode s = json(client.get("/chaos/status", TOKEN));
    assertThat(s.get("enabled").asBoolean()).isFalse();
    assertThat(s.get("last_rollback").get("reason").asText()).isEqualTo("REMOTE");
    assertThat(s.get("last_rollback").get("at").asText()).endsWith("Z");
  }

  @Test
  void disableTakesAReasonCode() throws Exception {
    HttpResponse<String> r = client.post("/chaos/disable", TOKEN, "{\"reason\": \"MANUAL\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(injector.lastDisableReason()).isEqualTo("MANUAL");
    HttpResponse<String> again = client.post("/chaos/disable", TOKEN, "{}");
    assertThat(json(again).get("changed").asBoolean()).isFalse();
  }

  @Test
  void badEnableBodiesAre400NamingTheField() throws Exception {
    injector.disable(ChaosReasons.MANUAL);
    assertBad(client.post("/chaos/enable", TOKEN, "{\"force\": true}"), "force");
    assertBad(client.post("/chaos/enable", TOKEN, "[1]"), "body");
    HttpResponse<String> malformed = client.post("/chaos/enable", TOKEN, "{\"x\": }");
    assertThat(json(malformed).get("error").asText()).contains("malformed JSON at line 1, column");
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void enableTurnsChaosBackOnWithTheSameSettings() throws Exception {
    injector.disable(ChaosReasons.DEADLINE_MISS);
    try (LogCapture log = new LogCapture(ChaosControlServer.class)) {
      HttpResponse<String> r = client.post("/chaos/enable", TOKEN, null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).get("changed").asBoolean()).isTrue();
      assertThat(log.messages())
          .anySatisfy(
              m ->
                  assertThat(m)
                      .contains("POST /chaos/enable from 127.0.0.1:")
                      .endsWith("-> 200 enabled"));
    }
    assertThat(injector.enabled()).isTrue();
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
    assertThat(json(client.post("/chaos/enable", TOKEN, "{}")).get("changed").asBoolean())
        .isFalse();
  }

  // ---------------------------------------------------------------- scenarios

  @Test
  void scenarioIntensityIsSetAndZeroIsAPointRollback() throws Exception {
    HttpResponse<String> r =
        client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": 0.05}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("intensity").asDouble()).isEqualTo(0.05);
    assertThat(json(r).get("previous_intensity").asDouble()).isEqualTo(0.3);
    assertThat(injector.config().netLoss()).isEqualTo(0.05);
    assertThat(
            client.post("/chaos/scenarios/lat_spike", TOKEN, "{\"intensity\": 250}").statusCode())
        .isEqualTo(200);
    assertThat(injector.config().latSpikeMs()).isEqualTo(250);
    assertThat(client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": 0}").statusCode())
        .isEqualTo(200);
    assertThat(injector.config().netLoss()).isZero();
    assertThat(injector.enabled()).isTrue();
    JsonNode s = json(client.get("/chaos/status", TOKEN));
    assertThat(s.get("scenarios").get("net_loss").get("intensity").asDouble()).isZero();
    assertThat(s.get("scenarios").get("lat_spike").get("intensity").asDouble()).isEqualTo(250.0);
  }

  @Test
  void scenarioOnADisabledInjectorKeepsChaosOff() throws Exception {
    injector.disable(ChaosReasons.P95_TICK);
    assertThat(client.post("/chaos/scenarios/exch_429", TOKEN, "{\"intensity\": 0.2}").statusCode())
        .isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.config().exch429()).isEqualTo(0.2);
  }

  @Test
  void badScenarioRequestsAre400NamingTheField() throws Exception {
    assertBad(client.post("/chaos/scenarios/net_lossy", TOKEN, "{\"intensity\": 0.1}"), "scenario");
    HttpResponse<String> range =
        client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": 1.5}");
    assertBad(range, "intensity");
    assertThat(json(range).get("error").asText()).contains("chaos.net_loss").contains("[0, 1]");
    assertBad(
        client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": -0.1}"), "intensity");
    assertBad(
        client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": \"0.1\"}"), "intensity");
    assertBad(client.post("/chaos/scenarios/net_loss", TOKEN, "{}"), "intensity");
    assertBad(client.post("/chaos/scenarios/net_loss", TOKEN, null), "intensity");
    assertBad(
        client.post("/chaos/scenarios/lat_spike", TOKEN, "{\"intensity\": 2.5}"), "intensity");
    assertBad(
        client.post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": 0.1, \"x\": 1}"), "x");
    assertThat(
            client
                .post("/chaos/scenarios/net_loss/extra", TOKEN, "{\"intensity\": 0}")
                .statusCode())
        .isEqualTo(404);
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
    assertThat(injector.config().latSpikeMs()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- body limit

  @Test
  void bodyOver64KiBIs413AndChangesNothing() throws Exception {
    String big = "{\"intensity\": 0, \"x\": \"" + "A".repeat(64 * 1024) + "\"}";
    HttpResponse<String> r = client.post("/chaos/scenarios/net_loss", TOKEN, big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
    // Sent without a length (chunked), the body is cut off at the limit all the same.
    HttpResponse<String> chunked =
        client.send(
            client
                .request("/chaos/scenarios/net_loss", TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
  }

  @Test
  void declaredHugeBodyIs413WithoutTheServerWaitingForIt() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /chaos/scenarios/net_loss HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TOKEN
                  + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"intensity\"")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Only 10 of the announced 1 GiB were sent: an answer proves the server did not wait for
      // them.
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
  }

  // ---------------------------------------------------------------- alertmanager

  static String webhook(String status, String alerts) {
    return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"X\\\"}\",\"truncatedAlerts\":0,"
        + "\"status\":\""
        + status
        + "\",\"receiver\":\"bot\",\"groupLabels\":{},\"commonLabels\":{},"
        + "\"commonAnnotations\":{},\"externalURL\":\"http://127.0.0.1:9093\",\"alerts\":["
        + alerts
        + "]}";
  }

  static String alert(String status, String labels) {
    return "{\"status\":\""
        + status
        + "\",\"labels\":{"
        + labels
        + "},\"annotations\":{},"
        + "\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
        + "\"generatorURL\":\"http://127.0.0.1:9090/graph\",\"fingerprint\":\"abc\"}";
  }

  @Test
  void firingRollbackAlertDisablesChaosWithItsReason() throws Exception {
    String labels =
        "\"alertname\":\"MmChaosRollbackDeadlineMiss\",\"chaos_rollback\":\"true\",\"reason\":\"DEADLINE_MISS\"";
    HttpResponse<String> r =
        client.post("/chaos/alertmanager", TOKEN, webhook("firing", alert("firing", labels)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("reason").asText()).isEqualTo("DEADLINE_MISS");
    assertThat(json(r).get("changed").asBoolean()).isTrue();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("DEADLINE_MISS");
  }

  @Test
  void firingRollbackAlertWithoutAReasonUsesRemote() throws Exception {
    client.post(
        "/chaos/alertmanager",
        TOKEN,
        webhook("firing", alert("firing", "\"chaos_rollback\":\"true\"")));
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
  }

  @Test
  void resolvedAndUnlabelledAlertsChangeNothing() throws Exception {
    String rollback = "\"chaos_rollback\":\"true\",\"reason\":\"P95_TICK\"";
    HttpResponse<String> resolved =
        client.post("/chaos/alertmanager", TOKEN, webhook("resolved", alert("resolved", rollback)));
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(json(resolved).get("changed").asBoolean()).isFalse();
    HttpResponse<String> other =
        client.post(
            "/chaos/alertmanager",
            TOKEN,
            webhook(
                "firing",
                alert("firing", "\"alertname\":\"DiskFull\"")
                    + ","
                    + alert("firing", "\"chaos_rollback\":\"false\"")));
    assertThat(json(other).get("ignored_alerts").asInt()).isEqualTo(2);
    assertThat(injector.enabled()).isTrue();
    // A group holding a resolved rollback alert and a firing one: the firing one counts.
    client.post(
        "/chaos/alertmanager",
        TOKEN,
        webhook(
            "firing",
            alert("resolved", rollback)
                + ","
                + alert("firing", "\"chaos_rollback\":\"true\",\"reason\":\"PARTIAL_FAIL\"")));
    assertThat(injector.lastDisableReason()).isEqualTo("PARTIAL_FAIL");
  }

  @Test
  void aWebhookWithNothingToReadIs400NamingTheField() throws Exception {
    assertBad(
        client.post("/chaos/alertmanager", TOKEN, "{\"version\":\"4\",\"alerts\":{}}"), "alerts");
    assertBad(client.post("/chaos/alertmanager", TOKEN, "{\"version\":\"4\"}"), "alerts");
    assertBad(client.post("/chaos/alertmanager", TOKEN, null), "body");
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void malformedAlertsWithoutARollbackAlertChangeNothingAndAreReported() throws Exception {
    HttpResponse<String> r =
        client.post(
            "/chaos/alertmanager",
            TOKEN,
            "{\"version\":\"3\",\"alerts\":[{\"labels\":{}},{\"status\":\"firing\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("changed").asBoolean()).isFalse();
    assertThat(json(r).get("warnings").findValuesAsText("field"))
        .containsExactly("version", "alerts[0]", "alerts[1]");
    assertThat(injector.enabled()).isTrue();
  }

  @Test
  void closeStopsListening() throws Exception {
    int port = server.port();
    server.close();
    ControlClient c = new ControlClient(port);
    assertThatThrownBy(() -> c.get("/chaos/status", TOKEN)).isInstanceOf(java.io.IOException.class);
  }

  private static void assertBad(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(json(r).get("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(json(r).get("error").asText()).isNotBlank();
  }
}
