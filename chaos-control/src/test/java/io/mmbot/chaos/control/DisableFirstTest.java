package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.ChaosControlServerTest.alert;
import static io.mmbot.chaos.control.ChaosControlServerTest.webhook;
import static io.mmbot.chaos.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An authorised disable, and an Alertmanager payload with a firing rollback alert, switch chaos off
 * whatever else is wrong with the request; what was wrong is reported after (200 with {@code
 * warnings}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DisableFirstTest {

  static final String TOKEN = ChaosControlServerTest.TOKEN;
  static final String ROLLBACK =
      alert("firing", "\"chaos_rollback\":\"true\",\"reason\":\"PARTIAL_FAIL\"");

  private ChaosInjector injector;
  private ChaosControlServer server;
  private ControlClient client;

  @BeforeEach
  void setUp() {
    injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(0.3).burstOffSec(0).build());
    server = ChaosControlServer.builder(injector).token(TOKEN).start();
    client = new ControlClient(server.port());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private static void assertDisabledWithWarning(HttpResponse<String> r, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.get("enabled").asBoolean()).isFalse();
    assertThat(j.get("warnings")).as(r.body()).isNotNull();
    assertThat(j.get("warnings").findValuesAsText("field")).as(r.body()).contains(field);
  }

  @Test
  void aFormBodyStillDisablesWithReasonRemoteAndSaysWhatWasWrong() throws Exception {
    HttpResponse<String> r =
        client.send(
            client
                .request("/chaos/disable", TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reason=MANUAL"))
                .build());
    assertDisabledWithWarning(r, "body");
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
    assertThat(json(r).get("reason").asText()).isEqualTo(ChaosReasons.REMOTE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"reason\": \"not a code\"}",
        "{\"reason\": 5}",
        "{\"reason\": \"REMOTE\"",
        "{\"reason\": \"A\", \"reason\": \"B\"}",
        "[1]",
        "{} {}",
        "null",
        "\"MANUAL\""
      })
  void anyBodyItCannotUseStillDisables(String body) throws Exception {
    HttpResponse<String> r = client.post("/chaos/disable", TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("warnings").size()).isPositive();
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
  }

  @Test
  void anUnknownFieldBesideAGoodReasonDisablesWithThatReason() throws Exception {
    HttpResponse<String> r =
        client.post("/chaos/disable", TOKEN, "{\"reason\": \"MANUAL\", \"why\": \"x\"}");
    assertDisabledWithWarning(r, "why");
    assertThat(injector.lastDisableReason()).isEqualTo("MANUAL");
  }

  @Test
  void aGoodBodyHasNoWarnings() throws Exception {
    HttpResponse<String> r = client.post("/chaos/disable", TOKEN, "{\"reason\": \"MANUAL\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).has("warnings")).isFalse();
  }

  @Test
  void aBodyOverTheLimitStillDisables() throws Exception {
    String big = "{\"reason\": \"" + "A".repeat(64 * 1024) + "\"}";
    HttpResponse<String> r = client.post("/chaos/disable", TOKEN, big);
    assertDisabledWithWarning(r, "body");
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void aDeclaredHugeBodyStillDisablesWithoutTheServerWaitingForIt() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /chaos/disable HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TOKEN
                  + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 200");
    }
    assertThat(injector.enabled()).isFalse();
  }

  // ---------------------------------------------------------------- alertmanager

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"status\":\"firing\"}", // no labels
        "{\"status\":3,\"labels\":{\"alertname\":\"X\"}}", // numeric status
        "null",
        "\"text\"",
        "{\"status\":\"firing\",\"labels\":[1]}",
        "{\"status\":\"firing\",\"labels\":{\"chaos_rollback\":true}}"
      })
  void aFiringRollbackAlertBesideAMalformedOneDisables(String malformed) throws Exception {
    HttpResponse<String> r =
        client.post("/chaos/alertmanager", TOKEN, webhook("firing", malformed + "," + ROLLBACK));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo("PARTIAL_FAIL");
    assertThat(json(r).get("warnings").findValuesAsText("field")).contains("alerts[0]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"3\"", "4", "\"5\"", "null"})
  void aFiringRollbackAlertInAnotherVersionDisables(String version) throws Exception {
    String body =
        webhook("firing", ROLLBACK).replace("\"version\":\"4\"", "\"version\":" + version);
    HttpResponse<String> r = client.post("/chaos/alertmanager", TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    assertThat(json(r).get("warnings").findValuesAsText("field")).contains("version");
  }

  @Test
  void aRollbackAlertWithAStatusItCannotReadCountsAsFiring() throws Exception {
    HttpResponse<String> r =
        client.post(
            "/chaos/alertmanager",
            TOKEN,
            webhook("firing", "{\"status\":1,\"labels\":{\"chaos_rollback\":\"true\"}}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    assertThat(injector.lastDisableReason()).isEqualTo(ChaosReasons.REMOTE);
  }

  @Test
  void manyMalformedAlertsAreReportedBoundedAndTheRollbackStillCounts() throws Exception {
    String junk = String.join(",", java.util.Collections.nCopies(500, "null"));
    HttpResponse<String> r =
        client.post("/chaos/alertmanager", TOKEN, webhook("firing", junk + "," + ROLLBACK));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(injector.enabled()).isFalse();
    JsonNode w = json(r).get("warnings");
    assertThat(w.size()).isEqualTo(Warning.MAX_SHOWN + 1);
    assertThat(w.get(Warning.MAX_SHOWN).get("error").asText()).startsWith("480 more");
  }

  @Test
  void aPayloadWithNothingToReadIs400AndChangesNothing() throws Exception {
    for (String body : new String[] {"[]", "{\"version\":\"4\",\"alerts\":{}}", "{", "null"}) {
      HttpResponse<String> r = client.post("/chaos/alertmanager", TOKEN, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(injector.enabled()).isTrue();
  }
}
