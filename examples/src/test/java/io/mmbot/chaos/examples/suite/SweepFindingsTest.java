package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Failure classes found by 1,000-seed sweeps, each pinned to a seed that showed it. */
class SweepFindingsTest {

  private static RunResult run(Scenario s, long seed, String bot) {
    RunPlan p = new RunPlan(s, seed, SuiteConfig.defaultIntensity(s), 120, bot, "sim");
    return SimRun.run(p, SimRun.run(p.baselinePlan(), null));
  }

  /** The failed checks of the resilient bot's run of {@code s} at its own length, per seed. */
  private static Map<Long, Map<Check, String>> failuresAtSpecLength(Scenario s, long... seeds) {
    Map<Long, Map<Check, String>> out = new TreeMap<>();
    for (long seed : seeds) {
      RunPlan p =
          new RunPlan(
              s,
              seed,
              SuiteConfig.defaultIntensity(s),
              ScenarioSpec.of(s).durationSec(),
              "resilient",
              "sim");
      RunResult r = SimRun.run(p, SimRun.run(p.baselinePlan(), null));
      if (!r.passed()) {
        out.put(seed, r.failures());
      }
    }
    return out;
  }

  /** The failed checks of the resilient bot's baseline runs, per seed. */
  private static Map<Long, Map<Check, String>> baselineFailures(long... seeds) {
    Map<Long, Map<Check, String>> out = new TreeMap<>();
    for (long seed : seeds) {
      RunResult r = SimRun.run(new RunPlan(null, seed, 0, 120, "resilient", "sim"), null);
      if (!r.passed()) {
        out.put(seed, r.failures());
      }
    }
    return out;
  }

  @Test
  void aReconcileGuardForARequestTheExchangeAnsweredTooLateIsNotUnexpectedInTheBaseline() {
    // A chaos-free cancel or place answered later than the bot's give-up (the latency's tail):
    // an unknown outcome on the wire, which the bot rightly verifies under RECONCILE_PENDING.
    assertThat(baselineFailures(1654, 7563, 7911, 8337, 9274)).isEmpty();
  }

  @Test
  void anUnknownOutcomeSettledByAFillBeforeTheNextTickNeedsNoReconcileGuard() {
    // A place or cancel left unknown whose order's fill report reached the bot before its next
    // tick: the truth came first, there was nothing to verify.
    assertThat(failuresAtSpecLength(Scenario.NET_LOSS, 447, 3697, 4087, 4548, 5913, 8365, 8751))
        .isEmpty();
  }

  @Test
  void aSilenceOfTheFeedLongerThanTheStalenessTimeMayRaiseWsStale() {
    // Eleven and more frames dropped in a row: no market data reached the bot for over 1 s.
    assertThat(failuresAtSpecLength(Scenario.NET_LOSS, 1464, 1992, 2492, 8737, 9070)).isEmpty();
  }

  @Test
  void lossesAtTheEndOfABurstDoNotDelayRecoveryPastThreeTicks() {
    assertThat(failuresAtSpecLength(Scenario.NET_LOSS, 933)).isEmpty();
  }

  @Test
  void aPerturbedViewOfAnOrderUnderVerificationNeedNotBeCountedAgain() {
    assertThat(
            failuresAtSpecLength(
                Scenario.RECONCILE_MISMATCH,
                151,
                246,
                336,
                1270,
                1283,
                3186,
                3650,
                4443,
                5062,
                5129,
                5566,
                6374,
                6475,
                6490,
                7323,
                7808,
                9525,
                9957))
        .isEmpty();
  }

  @Test
  void aLatencySpikeRunIsLongEnoughForTheFaultToFire() {
    // At 120 s about one run in 7,000 had no spike at all (seeds 5123 and 8853).
    assertThat(failuresAtSpecLength(Scenario.LAT_SPIKE, 5123, 8853)).isEmpty();
  }

  @Test
  void aRateLimitStormRunIsLongEnoughForAStormToStart() {
    // At 360 s (three bursts, about 250 calls, each starting a storm with chance 0.4 / 12.4) about
    // one run in 3,000 had no storm at all (seeds 2415, 3669 and 9139 of 10,000).
    assertThat(failuresAtSpecLength(Scenario.RATE_LIMIT_STORM, 2415, 3669, 9139)).isEmpty();
  }

  @Test
  void aDisconnectHealedBetweenTwoTickStartsNeedsNoStaleGuard() {
    // Every abnormal close of these runs was followed by fresh data within about 300 ms, between
    // two tick starts: no tick began without live market data, so there was nothing to guard.
    assertThat(failuresAtSpecLength(Scenario.WS_DISCONNECT, 477, 638, 663)).isEmpty();
  }

  @Test
  void aReconnectThatMeetsTheFailingEndpointFirstStillTakesAtMostThreeTicks() {
    // Seed 499: both endpoints refused for 0.9 s; the bot's next attempt went to the endpoint still
    // failing over, and with waits of up to 800 ms between attempts its data came back 1,680 ms
    // after the other endpoint accepted again.
    assertThat(failuresAtSpecLength(Scenario.WS_DISCONNECT, 499)).isEmpty();
  }

  @Test
  void aFailOverThatBeginsAfterTheCloseIsNotCountedAsReconnectTime() {
    // Seeds 1009 and 1776: the session opened after the close was dropped again before any data,
    // and both endpoints then refused for about 1.8 s; the judge counted that time as the bot's.
    assertThat(failuresAtSpecLength(Scenario.WS_DISCONNECT, 1009, 1776)).isEmpty();
  }

  @Test
  void aFailOverThatOutlastsTheBurstIsNotCountedAsRecoveryTime() {
    // Seed 1275: a disconnect 0.4 s before the burst's end, then both endpoints refused until
    // 1.5 s after it; the bot had data 0.3 s later, but recovery was counted from the burst's end.
    assertThat(failuresAtSpecLength(Scenario.WS_DISCONNECT, 1275)).isEmpty();
  }

  @Test
  void netLossWithoutAnyOrderLeftUnknownDoesNotRequireTheReconcileGuard() {
    // Seed 353: losses, none of them on a place or cancel: nothing to reconcile. (Seed 103 was
    // such a run until the bot fetched depth snapshots after gaps in the depth diffs: every
    // request draws its fault, so the extra requests moved the losses onto other calls.)
    RunResult r = run(Scenario.NET_LOSS, 353, "resilient");
    assertThat(r.unknowns().count()).isZero();
    assertThat(r.failures()).doesNotContainKey(Check.EXPECTED_GUARDS);
  }

  @Test
  void netLossWithAnOrderLeftUnknownStillRequiresTheReconcileGuard() {
    RunResult r = run(Scenario.NET_LOSS, 1, "naive");
    assertThat(r.unknowns().count()).isPositive();
    assertThat(r.failures()).containsKey(Check.EXPECTED_GUARDS);
  }

  @Test
  void exchangeErrorsClearOnceTheExchangeAnswersEveryRequestOfATickAgain() {
    // Seeds 422 and 524: three losses in the burst's last second kept EXCHANGE_ERRORS up for the
    // whole 2 s window after the burst (recovery 4 ticks); the guard now clears with its cause.
    for (long seed : new long[] {422, 524}) {
      RunResult r = run(Scenario.NET_LOSS, seed, "resilient");
      assertThat(r.failures()).as("seed %d", seed).isEmpty();
    }
  }
}
