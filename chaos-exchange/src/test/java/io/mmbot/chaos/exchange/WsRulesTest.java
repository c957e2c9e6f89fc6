package io.mmbot.chaos.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WsRulesTest {

  @Test
  void aSixthAttemptWithinOneSecondLocksTheClientOutForTenSeconds() {
    WsRules rules = new WsRules();
    for (int i = 0; i < 5; i++) {
      assertThat(rules.admit(1_000 + i * 100)).isTrue();
    }
    assertThat(rules.admit(1_600)).isFalse();
    assertThat(rules.admit(11_599)).isFalse();
    assertThat(rules.admit(11_600)).isTrue();
    assertThat(rules.lockouts()).isEqualTo(1);
  }

  @Test
  void attemptsSpacedAQuarterSecondApartAreNeverLockedOut() {
    WsRules rules = new WsRules();
    for (int i = 0; i < 100; i++) {
      assertThat(rules.admit(i * 250L)).isTrue();
    }
  }

  @Test
  void theServerPingsEveryThreeMinutesAndClosesWithoutAPongWithinTenMinutes() {
    WsRules.Session s = new WsRules.Session(0);
    assertThat(s.check(179_999)).isEqualTo(WsRules.Verdict.OK);
    assertThat(s.check(180_000)).isEqualTo(WsRules.Verdict.PING);
    assertThat(s.check(360_000)).isEqualTo(WsRules.Verdict.PING);
    assertThat(s.check(540_000)).isEqualTo(WsRules.Verdict.PING);
    assertThat(s.check(720_000)).isEqualTo(WsRules.Verdict.PING);
    assertThat(s.check(779_999)).isEqualTo(WsRules.Verdict.OK);
    assertThat(s.check(780_000)).isEqualTo(WsRules.Verdict.PONG_MISSING);
  }

  @Test
  void aPongKeepsTheConnectionAliveUntilItsTwentyFourHoursAreUp() {
    WsRules.Session s = new WsRules.Session(0);
    for (long t = 180_000; t < WsRules.MAX_AGE_MS; t += 180_000) {
      assertThat(s.check(t)).isEqualTo(WsRules.Verdict.PING);
      s.pong();
    }
    assertThat(s.check(WsRules.MAX_AGE_MS)).isEqualTo(WsRules.Verdict.EXPIRED);
  }
}
