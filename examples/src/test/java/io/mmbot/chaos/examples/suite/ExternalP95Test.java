package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.external.BotCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-burst p95 of a bot judged from outside, against its baseline on the loopback exchange: the
 * allowed rise is 15 % of the baseline p95 or of the declared deadline, whichever is larger (plus
 * the loopback's scheduling slack), so that a baseline of a few milliseconds does not turn the cost
 * of one lost answer into a failure.
 */
class ExternalP95Test {

  private static Map<Check, String> judge(
      Scenario s, double baselineP95, double p95, BotLimits limits) {
    FiguresFixture run = new FiguresFixture(new RunPlan(s, 2, 0.3, 30, "external", "loopback"));
    run.baselineP95Ms = baselineP95;
    run.p95BurstTrimmedMs = p95;
    run.p95BurstMs = p95;
    run.external = facts(limits, p95);
    Map<Check, String> f = new EnumMap<>(run.failures());
    // the checks judged with an external bot's own readings; the rest of this quiet run fails
    // FIRED and the scenario's expected guards, which are not what is tested here
    f.keySet()
        .retainAll(
            EnumSet.of(Check.BOT_PROCESS, Check.BOT_METRICS, Check.P95_TICK, Check.P99_TICK));
    return f;
  }

  /** What the runner knows of an external bot's run that ended as it should. */
  static ExternalFacts facts(BotLimits limits, double p95) {
    ExternalBot bot =
        new ExternalBot(
            "bot {metrics_port}",
            BotCommand.parse("bot {metrics_port}"),
            "exchange",
            limits,
            Duration.ofSeconds(20),
            Duration.ofSeconds(5),
            Path.of("out"));
    return new ExternalFacts(
        bot.line(),
        "exchange",
        ExternalRun.COMPRESSION,
        limits.spec(),
        limits.deadlineMs(),
        limits.restMarketData(),
        limits.cancelsPerSec(),
        "out/runs/net_loss-2",
        "stopped by SIGTERM",
        null,
        null,
        List.of(),
        300,
        0,
        0,
        p95,
        p95,
        0,
        0,
        "replay");
  }

  @Test
  void aLostAnswersWaitOnATenMillisecondBaselinePasses() {
    // seed 2 of the binance bot: baseline 10.3 ms, net_loss 27.2 ms, lat_spike 28.6 ms
    assertThat(judge(Scenario.NET_LOSS, 10.3, 27.2, BotLimits.DEFAULTS)).isEmpty();
    assertThat(judge(Scenario.LAT_SPIKE, 10.3, 28.6, BotLimits.DEFAULTS)).isEmpty();
  }

  @Test
  void aRiseBeyondFifteenPercentOfTheDeadlineFailsWithTheLimitNamed() {
    // 10.3 + 15 % of 210 (31.5) + 15 = 56.8 ms
    Map<Check, String> f = judge(Scenario.NET_LOSS, 10.3, 57.0, BotLimits.DEFAULTS);
    assertThat(f).containsKey(Check.P95_TICK);
    assertThat(f.get(Check.P95_TICK)).contains("56.8 ms").contains("15 % of the 210 ms deadline");
    assertThat(judge(Scenario.NET_LOSS, 10.3, 56.5, BotLimits.DEFAULTS)).isEmpty();
  }

  @Test
  void aBaselineNearTheDeadlineKeepsTheRelativeRule() {
    // 15 % of 250 is more than 15 % of 210: limit 250 * 1.15 + 15 = 302.5 ms
    assertThat(judge(Scenario.NET_LOSS, 250, 302.0, BotLimits.DEFAULTS)).isEmpty();
    assertThat(judge(Scenario.NET_LOSS, 250, 303.0, BotLimits.DEFAULTS))
        .containsKey(Check.P95_TICK);
  }

  @Test
  void theDeclaredDeadlineSetsTheFloor() {
    // 15 % of a 50 ms deadline: 10.3 + 7.5 + 15 = 32.8 ms; with 210 ms, 56.8 ms
    BotLimits tight = BotLimits.parse("deadline_ms=50");
    assertThat(judge(Scenario.NET_LOSS, 10.3, 33.0, tight)).containsKey(Check.P95_TICK);
    assertThat(judge(Scenario.NET_LOSS, 10.3, 33.0, BotLimits.DEFAULTS)).isEmpty();
  }
}
