package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.testsupport.Await;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (a {@link FakeBot} in its own JVM), started, awaited and stopped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotProcessTest {

  private static final Duration READY = Duration.ofSeconds(15);
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path runDir;

  @Test
  void aBotThatServesMetricsIsReadyKeepsItsLogsAndEndsOnSigterm() throws Exception {
    int port = Ports.freePort();
    try (BotProcess bot =
        BotProcess.start(FakeBot.command("--port", Integer.toString(port)), runDir, GRACE)) {
      assertThat(bot.awaitReady(metrics(port), READY)).isNull();
      assertThat(bot.isAlive()).isTrue();
      assertThat(bot.exitCode()).isEmpty();
      assertThat(Ports.isFree(port)).isFalse();

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.TERMINATED);
      assertThat(ending.exitCode()).isEqualTo(143);
      assertThat(ending.took()).isLessThan(GRACE);
      assertThat(bot.isAlive()).isFalse();
      assertThat(bot.exitCode()).hasValue(143);
      assertThat(bot.stop()).isSameAs(ending);
    }
    assertThat(Ports.isFree(port)).isTrue();
    assertThat(Files.readString(runDir.resolve(BotProcess.STDOUT_LOG)))
        .contains("fakebot out --port " + port);
    assertThat(Files.readString(runDir.resolve(BotProcess.STDERR_LOG))).contains("fakebot err");
  }

  @Test
  void aBotThatExitsBeforeItsMetricsAnswerIsReportedWithItsCode() throws Exception {
    int port = Ports.freePort();
    try (BotProcess bot = BotProcess.start(FakeBot.command("--exit", "3"), runDir, GRACE)) {
      assertThat(bot.awaitReady(metrics(port), READY))
          .isEqualTo("exited early with code 3 before its metrics answered");
      assertThat(bot.exitCode()).hasValue(3);
      BotProcess.Ending ending = bot.stop();
      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.EXITED_BY_ITSELF);
      assertThat(ending.exitCode()).isEqualTo(3);
    }
  }

  @Test
  void aBotThatNeverServesMetricsIsNotReadyWithinTheTimeout() throws Exception {
    int port = Ports.freePort();
    try (BotProcess bot = BotProcess.start(FakeBot.command(), runDir, GRACE)) {
      long start = Await.mark();
      String why = bot.awaitReady(metrics(port), Duration.ofMillis(1500));
      long took = Await.elapsedMillis(start);
      assertThat(why)
          .startsWith("metrics endpoint did not answer within 1.5 s (last poll of ")
          .contains("Connection refused");
      assertThat(took).isBetween(1400L, 5000L);
      assertThat(bot.stop().kind()).isEqualTo(BotProcess.EndKind.TERMINATED);
    }
  }

  @Test
  void aBotThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    int port = Ports.freePort();
    Duration grace = Duration.ofMillis(800);
    try (BotProcess bot =
        BotProcess.start(
            FakeBot.command("--ignore-term", "--port", Integer.toString(port)), runDir, grace)) {
      assertThat(bot.awaitReady(metrics(port), READY)).isNull();

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.KILLED);
      assertThat(ending.exitCode()).isEqualTo(137);
      assertThat(ending.took()).isGreaterThanOrEqualTo(grace).isLessThan(Duration.ofSeconds(10));
      assertThat(bot.isAlive()).isFalse();
    }
    assertThat(Ports.isFree(port)).isTrue();
  }

  @Test
  void stoppingABotStopsTheProcessesItStarted() throws Exception {
    int port = Ports.freePort();
    Path pidFile = runDir.resolve("child.pid");
    try (BotProcess bot =
        BotProcess.start(
            FakeBot.command("--child", pidFile.toString(), "--port", Integer.toString(port)),
            runDir,
            GRACE)) {
      assertThat(bot.awaitReady(metrics(port), READY)).isNull();
      ProcessHandle child = childOf(pidFile);
      assertThat(child.isAlive()).isTrue();

      bot.stop();

      assertThat(child.isAlive()).isFalse();
    }
  }

  @Test
  void aChildLeftBehindByABotThatExitedIsStoppedToo() throws Exception {
    Path pidFile = runDir.resolve("child.pid");
    try (BotProcess bot =
        BotProcess.start(
            FakeBot.command("--child", pidFile.toString(), "--exit", "0"), runDir, GRACE)) {
      ProcessHandle child = childOf(pidFile);
      Await.until("the bot to exit", READY, () -> !bot.isAlive());
      assertThat(child.isAlive()).isTrue();

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.EXITED_BY_ITSELF);
      assertThat(child.isAlive()).isFalse();
    }
  }

  @Test
  void refusesAnEmptyCommandAndReportsAProgramThatCannotStart() {
    assertThatThrownBy(() -> BotProcess.start(List.of(), runDir, GRACE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BotProcess.start(List.of("/nonexistent/bot-binary"), runDir, GRACE))
        .isInstanceOf(IOException.class);
  }

  private static URI metrics(int port) {
    return URI.create("http://127.0.0.1:" + port + "/metrics");
  }

  /** The child whose pid the bot wrote, once it has written it. */
  private static ProcessHandle childOf(Path pidFile) throws Exception {
    Await.until("the child's pid file", READY, () -> Files.exists(pidFile) && size(pidFile) > 0);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
