package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.testsupport.ExternalProgram;
import io.mmbot.chaos.testsupport.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet path, with a real Prometheus and a real Alertmanager on loopback: Prometheus scrapes
 * three bots and evaluates the shipped rollback rules (windows and {@code for:} shortened, see
 * {@link #rulesForTest}); Alertmanager routes each bot's {@code chaos_rollback="true"} alerts to
 * that bot's control endpoint with its bearer token. Bot a breaches the deadline-miss trigger and
 * must be rolled back; bot b stays healthy and must stay on; bot c breaches too, but its receiver
 * carries a wrong token, so it must stay on and its endpoint must log the 401.
 */
class FleetEndToEndTest {

  private static final Path SHIPPED_RULES =
      Path.of(System.getProperty("basedir", "."))
          .toAbsolutePath()
          .resolve("../docs/prometheus/mm-chaos-rules.yml")
          .normalize();

  /**
   * How the shipped rules are shortened for a test that must finish in seconds: every range and
   * every {@code for:} shrinks by the same idea (the rules' structure, expressions, labels and
   * names stay as shipped; the recorded names keep their {@code 5m} suffix).
   */
  static final Map<String, String> SHORTER = new LinkedHashMap<>();

  static {
    SHORTER.put("[5m]", "[10s]");
    SHORTER.put("[10m]", "[20s]");
    SHORTER.put("[6h]", "[2m]");
    SHORTER.put("for: 10m", "for: 4s");
    SHORTER.put("for: 5m", "for: 2s");
  }

  private static final Duration DEADLINE_MISS_FOR = Duration.ofSeconds(2);
  private static final String TOKEN_A = "token-of-bot-a-0123456789";
  private static final String TOKEN_B = "token-of-bot-b-0123456789";
  private static final String TOKEN_C = "token-of-bot-c-0123456789";
  private static final String WRONG_TOKEN_C = "not-the-token-of-bot-c-42";
  private static final Duration STARTUP = Duration.ofSeconds(30);

  @Test
  @Timeout(90)
  void deadlineMissBreachRollsBackOnlyThatBotAndAWrongTokenChangesNothing(@TempDir Path dir)
      throws Exception {
    Path prometheus = ExternalProgram.prometheus();
    Path alertmanager = ExternalProgram.alertmanager();
    try (LogCapture log = new LogCapture(ChaosControlServer.class);
        FleetBot a = new FleetBot("bot-a", TOKEN_A);
        FleetBot b = new FleetBot("bot-b", TOKEN_B);
        FleetBot c = new FleetBot("bot-c", TOKEN_C)) {
      int amPort = LocalServer.freePort();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("ALERTMANAGER_PORT", Integer.toString(amPort));
      for (FleetBot bot : List.of(a, b, c)) {
        String id = bot.name.substring(4).toUpperCase(java.util.Locale.ROOT);
        vars.put("BOT_" + id + "_METRICS", bot.metricsTarget());
        vars.put("BOT_" + id + "_WEBHOOK", bot.webhookUrl());
      }
      vars.put("BOT_A_TOKEN", TOKEN_A);
      vars.put("BOT_B_TOKEN", TOKEN_B);
      vars.put("BOT_C_TOKEN", WRONG_TOKEN_C);
      Files.writeString(dir.resolve("alertmanager.yml"), fill(template("alertmanager.yml"), vars));
      Files.writeString(dir.resolve("prometheus.yml"), fill(template("prometheus.yml"), vars));
      Files.writeString(
          dir.resolve("mm-chaos-rules.yml"), rulesForTest(Files.readString(SHIPPED_RULES)));

      try (LocalServer am =
              LocalServer.start(
                  "alertmanager",
                  List.of(
                      alertmanager.toString(),
                      "--config.file=" + dir.resolve("alertmanager.yml"),
                      "--storage.path=" + dir.resolve("am-data"),
                      "--web.listen-address=127.0.0.1:" + amPort,
                      "--cluster.listen-address="),
                  dir,
                  amPort,
                  STARTUP);
          LocalServer prom = startPrometheus(prometheus, dir)) {
        // Healthy first: every bot scraped and its miss ratio recorded (0) before the breach.
        boolean scraped =
            RealTime.await(
                STARTUP,
                Duration.ofMillis(250),
                () -> samples(prom, "instance:mm_tick_deadline_miss:ratio_rate5m == 0") == 3);
        assertThat(scraped).as("three bots scraped and healthy\n" + prom.logTail()).isTrue();

        long breach = RealTime.now();
        a.breach();
        c.breach();
        long disabledAt = a.awaitDisabled(40);
        assertThat(disabledAt)
            .as(
                "bot a rolled back within 40 s; alerts: %s\nprometheus:\n%s\nalertmanager:\n%s",
                alerts(prom), prom.logTail(), am.logTail())
            .isNotZero();
        double seconds = (disabledAt - breach) / 1e9;
        report(seconds);
        assertThat(a.injector.lastDisableReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
        assertThat(a.injector.enabled()).isFalse();
        // Never before the rule's `for:`; within scrape + evaluation + for + group_wait + send.
        assertThat(seconds).isGreaterThanOrEqualTo(DEADLINE_MISS_FOR.toSeconds()).isLessThan(30.0);

        boolean refused =
            RealTime.await(
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                () ->
                    log.messages().stream()
                        .anyMatch(
                            m ->
                                m.startsWith(
                                        "mm-chaos control: POST /chaos/alertmanager from 127.0.0.1:")
                                    && m.contains(" -> 401 ")));
        assertThat(refused).as("bot c's endpoint logged the 401\n" + am.logTail()).isTrue();
        assertThat(c.injector.enabled()).as("wrong token: bot c stays on").isTrue();
        assertThat(b.injector.enabled()).as("healthy bot b stays on").isTrue();
        assertThat(samples(prom, "ALERTS{instance=\"" + b.metricsTarget() + "\"}")).isZero();
        assertThat(
                samples(
                    prom,
                    "ALERTS{alertname=\"MmChaosRollbackDeadlineMiss\",alertstate=\"firing\",instance=\""
                        + c.metricsTarget()
                        + "\"}"))
            .as("bot c's alert fires all the same")
            .isEqualTo(1);
      }
    }
  }

  private static LocalServer startPrometheus(Path binary, Path dir)
      throws IOException, InterruptedException {
    int port = LocalServer.freePort();
    return LocalServer.start(
        "prometheus",
        List.of(
            binary.toString(),
            "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("prom-data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--rules.alert.resend-delay=1s"),
        dir,
        port,
        STARTUP);
  }

  /** The shipped rules with every window and {@code for:} shortened as {@link #SHORTER} says. */
  static String rulesForTest(String shipped) {
    String rules = shipped;
    for (Map.Entry<String, String> e : SHORTER.entrySet()) {
      assertThat(rules).as("shipped rules use %s", e.getKey()).contains(e.getKey());
      rules = rules.replace(e.getKey(), e.getValue());
    }
    return rules;
  }

  static String template(String name) throws IOException {
    try (InputStream in = FleetEndToEndTest.class.getResourceAsStream("/fleet/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String fill(String template, Map<String, String> vars) {
    String s = template;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      s = s.replace("${" + e.getKey() + "}", e.getValue());
    }
    assertThat(s).doesNotContain("${");
    return s;
  }

  private static int samples(LocalServer prom, String query) {
    try {
      return prom.query(query).size();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String alerts(LocalServer prom) {
    try {
      JsonNode r = prom.query("ALERTS");
      return r.toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** Leaves the measured time next to the build output, for the documentation. */
  private static void report(double seconds) throws IOException {
    String line = String.format(java.util.Locale.ROOT, "breach to disable: %.2f s%n", seconds);
    System.out.print("fleet end-to-end: " + line);
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("fleet-e2e.txt"), line);
  }
}
