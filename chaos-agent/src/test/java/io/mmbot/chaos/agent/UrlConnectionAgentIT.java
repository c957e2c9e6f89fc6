package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.UrlConnectionProgram;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An unmodified program using a plain {@code HttpURLConnection} (no rescu), under the agent, on
 * each JDK of {@link Jdks}: every HTTP fault it meets injected reads as the real fault does
 * (exception class and message, or status, status line, {@code Retry-After} and error body), and
 * reaches the server as often: the real fault is made by {@link ScriptedHttpServer} for the same
 * program run without the agent.
 */
class UrlConnectionAgentIT {

  private static final String ON = "  enabled: true\n  dry_run: false\n  burst_off_sec: 0\n";
  private static final Pattern TIME = Pattern.compile(" \\| ms=(\\d+)$");
  private static final Pattern STATUS = Pattern.compile("^R \\w+ (\\d{3}) ");

  @TempDir Path dir;
  private ScriptedHttpServer server;
  private AgentProcess plain;
  private Path jdk;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedHttpServer();
  }

  @AfterEach
  void stop() {
    if (plain != null) {
      plain.close();
    }
    server.close();
  }

  private void startPlain(Path javaHome) throws Exception {
    jdk = javaHome;
    plain = AgentProcess.start(jdk, Map.of(), null, UrlConnectionProgram.class, server.url());
  }

  /** The injected outcome of {@code method} under {@code config}, against a normal server. */
  private Outcome injected(String config, String method) throws Exception {
    Path file = dir.resolve("config-" + System.nanoTime() + ".yaml");
    writeConfig(file, ON + config);
    server.answerNormally();
    int before = server.requests();
    try (AgentProcess p =
        AgentProcess.start(
            jdk, Map.of(), "config=" + file, UrlConnectionProgram.class, server.url())) {
      String line = p.ask(method, "R " + method);
      return new Outcome(line, server.requests() - before);
    }
  }

  /** The outcome of {@code method} without the agent, against the server as it now is. */
  private Outcome real(String method) throws Exception {
    int before = server.requests();
    String line = plain.ask(method, "R " + method);
    return new Outcome(line, server.requests() - before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void aLostAnswerTimesOutAsASilentServerMakesIt(Path javaHome) throws Exception {
    startPlain(javaHome);
    Outcome injected =
        injected(
            "  unknown_outcome_share: 1\n  net_loss:\n    probability: 1.0\n    cut_share: 0\n",
            "GET");
    server.keepSilent();
    Outcome real = real("GET");

    assertThat(real.text).contains("FAIL java.net.SocketTimeoutException: Read timed out");
    injected.assertSameAs(real);
    assertThat(injected.requests).isEqualTo(1);
    assertThat(injected.ms).as("waits the read timeout").isGreaterThanOrEqualTo(1400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void aCutConnectionIsReSentOnceAndFailsAsARealReset(Path javaHome) throws Exception {
    startPlain(javaHome);
    String cut =
        "  unknown_outcome_share: 1\n  net_loss:\n    probability: 1.0\n    cut_share: 1\n";
    Outcome injectedPost = injected(cut, "POST");
    Outcome injectedGet = injected(cut, "GET");
    server.resetEach();
    Outcome realPost = real("POST");
    Outcome realGet = real("GET");

    assertThat(realPost.text).contains("FAIL java.net.SocketException: Connection reset");
    assertThat(realPost.requests).as("the JDK sends the POST again on its own").isEqualTo(2);
    injectedPost.assertSameAs(realPost);
    injectedGet.assertSameAs(realGet);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void a429IsAnsweredBeforeTheServerAsARealOneReads(Path javaHome) throws Exception {
    startPlain(javaHome);
    Outcome injected = injected("  exch_429: 1.0\n", "POST");
    answerAsExchange(429, 1);
    Outcome real = real("POST");

    assertThat(real.text).contains(" 429 again=429 ").contains("retry-after=1 ");
    assertThat(injected.text).isEqualTo(real.text);
    assertThat(injected.requests).as("a 429 never reaches the exchange").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void a5xxBeforeOrAfterExecutionReadsAsARealOne(Path javaHome) throws Exception {
    startPlain(javaHome);
    Outcome before = injected("  unknown_outcome_share: 0\n  exch_5xx: 1.0\n", "POST");
    Outcome after = injected("  unknown_outcome_share: 1\n  exch_5xx: 1.0\n", "POST");

    for (Outcome injected : new Outcome[] {before, after}) {
      int status = injected.status();
      assertThat(status).isBetween(500, 504);
      answerAsExchange(status, 0);
      Outcome real = real("POST");
      assertThat(injected.text).isEqualTo(real.text);
    }
    assertThat(before.requests).as("before execution").isZero();
    assertThat(after.requests).as("after execution").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.mmbot.chaos.agent.Jdks#all")
  void aLatencySpikeDelaysTheCallWhichThenSucceeds(Path javaHome) throws Exception {
    startPlain(javaHome);
    Outcome injected =
        injected("  lat_spike:\n    magnitude_ms: 800\n    probability: 1.0\n", "GET");
    Outcome real = real("GET");

    assertThat(real.text).contains(" 200 again=200 ");
    assertThat(injected.text).isEqualTo(real.text);
    assertThat(injected.requests).isEqualTo(1);
    assertThat(injected.ms).isGreaterThanOrEqualTo(800);
  }

  private void answerAsExchange(int status, long retryAfter) {
    StringBuilder headers = new StringBuilder();
    ExchangeAnswers.headers(status, retryAfter)
        .forEach(
            (k, v) -> {
              if (!k.equals("Content-Type")) {
                headers.append(k).append(": ").append(v).append("\r\n");
              }
            });
    server.answer(
        status,
        ExchangeAnswers.reason(status),
        headers.toString(),
        ExchangeAnswers.body(status, retryAfter));
  }

  /** What the program printed for one call, without its time, and the requests it cost. */
  private static final class Outcome {
    final String text;
    final long ms;
    final int requests;

    Outcome(String line, int requests) {
      Matcher m = TIME.matcher(line);
      assertThat(m.find()).as("time in '%s'", line).isTrue();
      this.text = line.substring(0, m.start());
      this.ms = Long.parseLong(m.group(1));
      this.requests = requests;
    }

    int status() {
      Matcher m = STATUS.matcher(text);
      assertThat(m.find()).as("status in '%s'", text).isTrue();
      return Integer.parseInt(m.group(1));
    }

    void assertSameAs(Outcome real) {
      assertThat(text).as("what the program saw").isEqualTo(real.text);
      assertThat(requests).as("requests at the server").isEqualTo(real.requests);
    }
  }
}
