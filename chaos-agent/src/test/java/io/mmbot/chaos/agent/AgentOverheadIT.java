package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;

import io.mmbot.chaos.agent.programs.LoopbackLatencyProgram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's cost with chaos off, side by side: the same loopback GET loop in JVMs without and
 * with the agent, alternated, for OkHttp and the JDK client; prints the median time per request of
 * each and the ratio. A measurement, not a pass/fail test (two shared cores are too noisy for a 2 %
 * bound in CI): run it on a quiet machine with {@code -Dit.test=AgentOverheadIT
 * -Dmm.chaos.overhead=true}.
 */
@EnabledIfSystemProperty(named = "mm.chaos.overhead", matches = "true")
class AgentOverheadIT {

  private static final int PAIRS = Integer.getInteger("mm.chaos.overhead.pairs", 4);
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 2000;

  @TempDir Path dir;

  @Test
  void measureTheAgentsCostWithChaosOff() throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, "  enabled: false\n");
    try (LoopbackExchange exchange = new LoopbackExchange()) {
      for (String client : new String[] {"okhttp", "jdk", "okhttp-newcall"}) {
        List<long[]> plain = new ArrayList<>();
        List<long[]> agent = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
          plain.addAll(run(null, exchange, client));
          agent.addAll(run("config=" + config, exchange, client));
        }
        for (int k = 0; k < 2; k++) {
          long a = median(plain, k);
          long b = median(agent, k);
          System.out.printf(
              "OVERHEAD %s %s: without agent %d ns/request, with agent (chaos off) %d ns/request,"
                  + " ratio %.4f (%d rounds of %d each)%n",
              client,
              k == 0 ? "wall" : "process CPU",
              a,
              b,
              (double) b / a,
              plain.size(),
              PER_ROUND);
        }
      }
    }
  }

  private static List<long[]> run(String agentArgs, LoopbackExchange exchange, String client)
      throws Exception {
    List<long[]> rounds = new ArrayList<>();
    try (AgentProcess p =
        AgentProcess.start(
            agentArgs,
            LoopbackLatencyProgram.class,
            exchange.restUrl() + "/api/v3/depth",
            client,
            Integer.toString(ROUNDS),
            Integer.toString(PER_ROUND))) {
      for (int i = 0; i < ROUNDS; i++) {
        String line = p.await(l -> l.startsWith("ROUND "), Duration.ofSeconds(120));
        String[] f = line.split(" ");
        rounds.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return rounds;
  }

  private static long median(List<long[]> rounds, int k) {
    List<Long> sorted = new ArrayList<>();
    for (long[] r : rounds) {
      sorted.add(r[k]);
    }
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
