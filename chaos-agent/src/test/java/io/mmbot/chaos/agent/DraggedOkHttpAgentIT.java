package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.BinanceConnectorProgram;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-time warning: binance-connector-java declared before mm-chaos resolves OkHttp 4.9.2,
 * okio 2.8 and Kotlin 1.4 (copied by the build into {@code target/dragged-okhttp}); a program run
 * on them under the agent gets one warning naming the version and the fix, and keeps working.
 */
class DraggedOkHttpAgentIT {

  @TempDir Path dir;

  /** The program's class path with OkHttp, okio and the Kotlin stdlib swapped for the old ones. */
  private static String draggedClassPath() throws Exception {
    Path dragged = Path.of(System.getProperty("mmChaosDraggedOkHttp", "target/dragged-okhttp"));
    String own =
        Arrays.stream(AgentProcess.programClassPath().split(File.pathSeparator))
            .filter(
                e ->
                    !e.matches(
                        ".*[/\\\\](okhttp|okio|okio-jvm|kotlin-stdlib[a-z0-9-]*)-[0-9][^/\\\\]*\\.jar"))
            .collect(Collectors.joining(File.pathSeparator));
    try (Stream<Path> jars = Files.list(dragged)) {
      String old =
          jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
      assertThat(old).contains("okhttp-4.9.2.jar", "okio-2.8.0.jar", "kotlin-stdlib-1.4.10.jar");
      return old + File.pathSeparator + own;
    }
  }

  @Test
  void anOkHttpOlderThanTheTestedRangeIsNamedAtStartWithTheFix() throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, "  enabled: false\n");
    String classPath = draggedClassPath();
    assertThat(classPath).doesNotContain("okhttp-4.12.0.jar");
    try (LoopbackExchange exchange = new LoopbackExchange();
        AgentProcess p =
            AgentProcess.start(
                Path.of(System.getProperty("java.home")),
                classPath,
                Map.of(),
                "config=" + config,
                BinanceConnectorProgram.class,
                exchange.restUrl(),
                exchange.wsUrl())) {
      assertThat(p.ask("rest", "REST")).isEqualTo("REST OK " + LoopbackExchange.ORDER_BOOK);
      assertThat(p.errors())
          .filteredOn(l -> l.contains("OkHttp 4.9.2 is on the class path"))
          .singleElement()
          .asString()
          .contains("older than 4.12.0")
          .contains("Pin com.squareup.okhttp3:okhttp to 4.12.0 or later");
    }
  }
}
