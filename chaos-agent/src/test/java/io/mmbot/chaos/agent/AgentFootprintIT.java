package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.JdkProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent loads into a program: the meter registry only when a metrics endpoint is asked
 * for. Class metadata counts: a program whose metaspace crosses the JVM's first threshold (about 21
 * MB by default) gets a concurrent GC cycle after which G1 may shrink the heap, and young
 * collections become more frequent for the rest of the run.
 */
class AgentFootprintIT {

  private static final List<String> METER_PACKAGES =
      List.of(".shaded.micrometer.", ".shaded.prometheus.");

  @TempDir Path dir;

  /** The classes the program loaded, from the JVM's class-load log, after one JDK request. */
  private List<String> loadedClasses(String extraAgentArgs) throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, "  enabled: false\n");
    Path log = dir.resolve("classes-" + extraAgentArgs.length() + ".log");
    LoopbackExchange exchange = new LoopbackExchange();
    try (AgentProcess p =
        AgentProcess.start(
            Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log),
            "config=" + config + extraAgentArgs,
            JdkProgram.class,
            exchange.restUrl(),
            exchange.wsUrl())) {
      assertThat(p.ask("jdk", "JDK")).contains("200");
    } finally {
      exchange.close();
    }
    return Files.readAllLines(log);
  }

  @Test
  void withoutAMetricsEndpointNoMeterRegistryIsLoaded() throws Exception {
    List<String> loaded = loadedClasses("");
    assertThat(loaded).anyMatch(l -> l.contains("io.mmbot.chaos.agent.shaded.bytebuddy."));
    assertThat(loaded).noneMatch(l -> METER_PACKAGES.stream().anyMatch(l::contains));
  }

  @Test
  void aMetricsEndpointLoadsTheMeterRegistry() throws Exception {
    List<String> loaded = loadedClasses(",metrics-port=0");
    assertThat(loaded).anyMatch(l -> l.contains(".shaded.micrometer."));
  }
}
