package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.testsupport.Await;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (a {@link FakeBot} in its own JVM), started, awaited and stopped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotProcessTest {

  private static final Duration READY = Duration.ofSeconds(15);
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path runDir;

  // Every process a test starts, so that a failing test leaves none behind.
  private final List<BotProcess> bots = new ArrayList<>();
  private final List<ProcessHandle> children = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    for (BotProcess bot : bots) {
      ProcessHandle.of(bot.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private BotProcess start(Duration grace, String... flags) throws IOException {
    BotProcess bot = BotProcess.start(FakeBot.command(flags), runDir, grace);
    bots.add(bot);
    return bot;
  }

  @Test
  void aBotThatServesMetricsIsReadyKeepsItsLogsAndEndsOnSigterm() throws Exception {
    int port = Ports.freePort();
    try (BotProcess bot = start(GRACE, "--port", Integer.toString(port))) {
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
    try (BotProcess bot = start(GRACE, "--exit", "3")) {
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
    try (BotProcess bot = start(GRACE)) {
      long start = Await.mark();
      String why = bot.awaitReady(metrics(port), Duration.ofMillis(1500));
      long took = Await.elapsedMillis(start);
      assertThat(why)
          .startsWith("metrics endpoint did not answer within 1.5 s (last poll of ")
          .contains("Connection refused");
      assertThat(took).isBetween(1400L, 5000L);

      Thread.currentThread().interrupt();
      try {
        assertThat(bot.awaitReady(metrics(port), READY))
            .startsWith("interrupted while waiting for its metrics endpoint");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(bot.stop().kind()).isEqualTo(BotProcess.EndKind.TERMINATED);
    }
  }

  @Test
  void aBotThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    int port = Ports.freePort();
    Duration grace = Duration.ofMillis(800);
    try (BotProcess bot = start(grace, "--ignore-term", "--port", Integer.toString(port))) {
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
        start(GRACE, "--child", pidFile.toString(), "--port", Integer.toString(port))) {
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
    try (BotProcess bot = start(GRACE, "--child", pidFile.toString(), "--exit", "0")) {
      ProcessHandle child = childOf(pidFile);
      Await.until("the bot to exit", READY, () -> !bot.isAlive());
      assertThat(child.isAlive()).isTrue();

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.EXITED_BY_ITSELF);
      assertThat(child.isAlive()).isFalse();
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aGrandchildStartedAfterTheBotAndItsChildExitedIsStoppedOnLinux() throws Exception {
    Path pidFile = runDir.resolve("grandchild.pid");
    try (BotProcess bot = start(GRACE, "--late-child", pidFile.toString())) {
      ProcessHandle grandchild = childOf(pidFile);
      Await.until("the bot to exit", READY, () -> !bot.isAlive());
      assertThat(grandchild.isAlive()).isTrue();

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.EXITED_BY_ITSELF);
      assertThat(grandchild.isAlive()).isFalse();
    }
  }

  @Test
  void aBotNotStoppedWhenTheJvmExitsIsKilledThen() throws Exception {
    Path pidFile = runDir.resolve("inner.pid");
    try (BotProcess outer = start(GRACE, "--bot", pidFile.toString())) {
      ProcessHandle inner = childOf(pidFile);
      Await.until("the outer JVM to exit", READY, () -> !outer.isAlive());
      Await.until("the inner bot to be killed", READY, () -> !inner.isAlive());
      assertThat(outer.exitCode()).hasValue(0);
    }
  }

  @Test
  void aDescendantThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    int port = Ports.freePort();
    Path pidFile = runDir.resolve("child.pid");
    Duration grace = Duration.ofMillis(800);
    try (BotProcess bot =
        start(grace, "--stubborn-child", pidFile.toString(), "--port", Integer.toString(port))) {
      assertThat(bot.awaitReady(metrics(port), READY)).isNull();
      ProcessHandle child = childOf(pidFile);

      BotProcess.Ending ending = bot.stop();

      assertThat(ending.kind()).isEqualTo(BotProcess.EndKind.TERMINATED);
      assertThat(ending.exitCode()).isEqualTo(143);
      assertThat(ending.took()).isGreaterThanOrEqualTo(grace);
      assertThat(child.isAlive()).isFalse();
    }
  }

  @Test
  void aMetricsEndpointThatAnswersAnErrorIsNotReady() throws Exception {
    int port = Ports.freePort();
    try (BotProcess bot = start(GRACE, "--port", Integer.toString(port))) {
      URI wrongPath = URI.create("http://127.0.0.1:" + port + "/prometheus");
      assertThat(bot.awaitReady(metrics(port), READY)).isNull();
      assertThat(bot.awaitReady(wrongPath, Duration.ofMillis(500)))
          .startsWith("metrics endpoint did not answer within 0.5 s")
          .endsWith(": HTTP 404)");
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
  private ProcessHandle childOf(Path pidFile) throws Exception {
    Await.until("the child's pid file", READY, () -> Files.exists(pidFile) && size(pidFile) > 0);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle child =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    children.add(child);
    return child;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
