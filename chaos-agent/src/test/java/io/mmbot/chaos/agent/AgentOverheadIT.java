package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;

import io.mmbot.chaos.agent.programs.LoopbackLatencyProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's cost with chaos off, measured by interleaving: two JVMs of the same loopback GET
 * program, one without and one with the agent (chaos off), both alive, run rounds in turn in the
 * order A B B A, so that a drift of the machine's load hits both sides alike. Each agent round is
 * divided by the adjacent round without the agent; the figure is the median of these ratios with
 * its 95 % distribution-free interval ({@link OverheadStats}), over several pairs of JVMs (each
 * JVM's JIT makes its own choices). Wall clock, the program's process CPU and its calling thread's
 * CPU, for OkHttp, the JDK client, and OkHttp {@code Call} creation alone.
 *
 * <p>A measurement, not a pass/fail test (two shared cores are too noisy for a 2 % bound in CI):
 * {@code -Dit.test=AgentOverheadIT -Dmm.chaos.overhead=true}; {@code -Dmm.chaos.overhead.pairs},
 * {@code .rounds}, {@code .clients} and {@code .jvmArgs} (given to both programs, as {@code
 * -Xms512m -Xmx512m}) tune it.
 */
@EnabledIfSystemProperty(named = "mm.chaos.overhead", matches = "true")
class AgentOverheadIT {

  private static final int PAIRS = Integer.getInteger("mm.chaos.overhead.pairs", 3);
  private static final int ROUNDS = Integer.getInteger("mm.chaos.overhead.rounds", 40);
  private static final int WARM_UP = Integer.getInteger("mm.chaos.overhead.warmup", 8);
  private static final int PER_ROUND = Integer.getInteger("mm.chaos.overhead.requests", 1000);
  private static final String CLIENTS =
      System.getProperty("mm.chaos.overhead.clients", "okhttp,jdk,okhttp-newcall");

  @TempDir Path dir;

  @Test
  void measureTheAgentsCostWithChaosOff() throws Exception {
    Path config = dir.resolve("config.yaml");
    writeConfig(config, "  enabled: false\n");
    try (LoopbackExchange exchange = new LoopbackExchange()) {
      for (String client : CLIENTS.split(",")) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> thread = new ArrayList<>();
        List<Long> plainWall = new ArrayList<>();
        List<Long> agentWall = new ArrayList<>();
        List<Double> pairMedians = new ArrayList<>();
        List<Double> pairCpuMedians = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
          int from = wall.size();
          try (AgentProcess plain = start(null, exchange, client);
              AgentProcess agent = start("config=" + config, exchange, client)) {
            for (int i = 0; i < WARM_UP; i++) {
              round(plain);
              round(agent);
            }
            for (int i = 0; i < ROUNDS; i += 2) {
              // A B B A: each agent round is paired with the plain round next to it
              long[] a1 = round(plain);
              long[] b1 = round(agent);
              long[] b2 = round(agent);
              long[] a2 = round(plain);
              for (long[][] ab : new long[][][] {{a1, b1}, {a2, b2}}) {
                wall.add((double) ab[1][0] / ab[0][0]);
                cpu.add((double) ab[1][1] / ab[0][1]);
                thread.add((double) ab[1][2] / ab[0][2]);
                plainWall.add(ab[0][0]);
                agentWall.add(ab[1][0]);
              }
            }
          }
          pairMedians.add(OverheadStats.of(wall.subList(from, wall.size()), 0.95).median);
          pairCpuMedians.add(OverheadStats.of(cpu.subList(from, cpu.size()), 0.95).median);
        }
        System.out.printf(
            "OVERHEAD %s wall: ratio %s; median ns/request without %d, with %d%n",
            client, OverheadStats.of(wall, 0.95), median(plainWall), median(agentWall));
        System.out.printf(
            "OVERHEAD %s median ratio of each pair of JVMs: wall %s, process CPU %s%n",
            client, pairMedians, pairCpuMedians);
        System.out.printf(
            "OVERHEAD %s process CPU: ratio %s%n", client, OverheadStats.of(cpu, 0.95));
        System.out.printf(
            "OVERHEAD %s calling thread's CPU: ratio %s%n", client, OverheadStats.of(thread, 0.95));
      }
    }
  }

  private static AgentProcess start(String agentArgs, LoopbackExchange exchange, String client)
      throws Exception {
    return AgentProcess.start(
        agentArgs,
        LoopbackLatencyProgram.class,
        exchange.restUrl() + "/api/v3/depth",
        client,
        Integer.toString(PER_ROUND));
  }

  /** One round: wall, process CPU and calling thread's CPU nanoseconds per request. */
  private static long[] round(AgentProcess p) throws Exception {
    String line = p.ask("round", "ROUND ");
    String[] f = line.split(" ");
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
  }

  private static long median(List<Long> values) {
    List<Long> s = new ArrayList<>(values);
    java.util.Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
