package io.mmbot.chaos.agent;

import static io.mmbot.chaos.agent.AgentEndpoints.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.agent.programs.BinanceConnectorProgram;
import io.mmbot.chaos.agent.programs.JdkProgram;
import io.mmbot.chaos.agent.programs.XChangeProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With chaos off, the agent changes nothing a program can see: the same program, with and without
 * the agent, side by side against the same stand-in, prints the same answers and the same
 * exceptions (classes and messages) for a good answer, a 500 and a refused connection.
 */
class ChaosOffAgentIT {

  @TempDir Path dir;

  private List<String> both(AgentProcess plain, AgentProcess agent, String cmd, String prefix)
      throws Exception {
    String a = plain.ask(cmd, prefix);
    String b = agent.ask(cmd, prefix);
    assertThat(b).as("with the agent, for '%s'", cmd).isEqualTo(a);
    List<String> out = new ArrayList<>();
    out.add(a);
    return out;
  }

  private void sideBySide(Class<?> program, String[][] commands) throws Exception {
    Path config = dir.resolve(program.getSimpleName() + ".yaml");
    writeConfig(config, "  enabled: false\n  exch_5xx: 1.0\n  net_loss: 1.0\n");
    LoopbackExchange exchange = new LoopbackExchange();
    try (AgentProcess plain =
            AgentProcess.start(null, program, exchange.restUrl(), exchange.wsUrl());
        AgentProcess agent =
            AgentProcess.start("config=" + config, program, exchange.restUrl(), exchange.wsUrl())) {
      List<String> seen = new ArrayList<>();
      for (String[] c : commands) {
        seen.addAll(both(plain, agent, c[0], c[1]));
      }
      exchange.answerStatus(500);
      for (String[] c : commands) {
        seen.addAll(both(plain, agent, c[0], c[1]));
      }
      exchange.close();
      for (String[] c : commands) {
        seen.addAll(both(plain, agent, c[0], c[1]));
      }
      assertThat(seen).anyMatch(l -> l.contains("OK") || l.matches("\\w+ 200 .*"));
      assertThat(seen).anyMatch(l -> l.contains("FAIL") || l.matches("\\w+ 500 .*"));
    } finally {
      exchange.close();
    }
  }

  @Test
  void binanceConnectorJavaSeesNoDifference() throws Exception {
    sideBySide(BinanceConnectorProgram.class, new String[][] {{"rest", "REST"}});
  }

  @Test
  void xchangeSeesNoDifference() throws Exception {
    sideBySide(XChangeProgram.class, new String[][] {{"rest", "REST"}});
  }

  @Test
  void theJdkClientsSeeNoDifference() throws Exception {
    sideBySide(JdkProgram.class, new String[][] {{"jdk", "JDK"}, {"url", "URL"}});
  }
}
