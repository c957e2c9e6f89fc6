package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulation and the judge are fast because of how they compute, never because of what they
 * compute: every figure and every verdict of a set of runs (the seed's ten scenarios over three
 * seeds with the resilient bot, and over one seed with the naive bot, which fails many checks) is
 * compared, as a digest per run, with the digests the same runs gave before the simulation and the
 * judge were made faster. A change that is meant to change results (the bot, a check, the simulated
 * exchange) changes these digests as well: the failure lists the new ones beside the old, and
 * {@link #EXPECTED} is replaced in the same commit, saying why.
 */
class UnchangedResultsTest {

  /** Recorded with the simulation and the judge as they were before the speed-ups. */
  static final String EXPECTED =
      """
      baseline 1 resilient 327b8a7ee7d79eeb
      net_loss 1 resilient 681baf2e641bbf46
      exch_429 1 resilient 6478e6e6af87c70b
      exch_5xx 1 resilient 0bff8699ed660f40
      lat_spike 1 resilient 30fc2afb12274898
      ws_lag 1 resilient 2de4048663f7338e
      ws_disconnect 1 resilient ddba7b2383f3a137
      dns_flap 1 resilient 5849c7ab4cd3d579
      clock_skew 1 resilient 32f7dec08e304752
      rate_limit_storm 1 resilient e44c374af3b5efa9
      reconcile_mismatch 1 resilient f7e94de3eb30f096
      baseline 2 resilient e4702aaaa21063d8
      net_loss 2 resilient e036cdcaab16defa
      exch_429 2 resilient 7cb06e9a6e45ed79
      exch_5xx 2 resilient bfd2c992b79e8685
      lat_spike 2 resilient de9db737eeb2ca50
      ws_lag 2 resilient e9cd2f78eb6d2d40
      ws_disconnect 2 resilient 2dac28d0eb83b32c
      dns_flap 2 resilient b5d0396b86029b8d
      clock_skew 2 resilient 2aece6e09e781fe1
      rate_limit_storm 2 resilient 9ab4d613ab6b8161
      reconcile_mismatch 2 resilient ebe1f07fe8047740
      baseline 3 resilient 1c87d1a7336c524f
      net_loss 3 resilient 3690344e37629f83
      exch_429 3 resilient a98c3e7b47df07dd
      exch_5xx 3 resilient c4f2da49cc8cb7f5
      lat_spike 3 resilient 3b82137e6d1ea891
      ws_lag 3 resilient cc34ab9cc01e28cd
      ws_disconnect 3 resilient ed506a9ff6070dff
      dns_flap 3 resilient 1c2dddeb27018bfa
      clock_skew 3 resilient ff77a8c67ceab622
      rate_limit_storm 3 resilient 2e487efbcd674f41
      reconcile_mismatch 3 resilient 657511e9857b9479
      baseline 1 naive c86f50528e69457e
      net_loss 1 naive b7ac447ed05257d7
      exch_429 1 naive 4367d511275b669a
      exch_5xx 1 naive b068f86497710eed
      lat_spike 1 naive ee6c81aba6b8310f
      ws_lag 1 naive 6e7ac2b6831ebaae
      ws_disconnect 1 naive ca1dbfe71cabca0c
      dns_flap 1 naive 2ab65abc1db8dcaa
      clock_skew 1 naive 8b5e49b10a92d0ea
      rate_limit_storm 1 naive 93e53a73d947454a
      reconcile_mismatch 1 naive bf8fc83c89385de8
      """;

  @Test
  void everyFigureAndVerdictIsAsBefore() {
    assertThat(digests()).isEqualTo(EXPECTED.strip().lines().toList());
  }

  /** One line per run: its scenario, seed and bot, and a digest of its figures and verdict. */
  static List<String> digests() {
    List<String> out = new ArrayList<>();
    for (String bot : List.of("resilient", "naive")) {
      long seeds = bot.equals("resilient") ? 3 : 1;
      for (long seed = 1; seed <= seeds; seed++) {
        RunResult base = SimRun.run(new RunPlan(null, seed, 0, 120, bot, "sim"), null);
        out.add(line(base));
        for (Scenario s : Scenario.values()) {
          RunPlan p =
              new RunPlan(
                  s,
                  seed,
                  SuiteConfig.defaultIntensity(s),
                  ScenarioSpec.of(s).durationSec(),
                  bot,
                  "sim");
          out.add(line(SimRun.run(p, base, BotConfig.defaults(), null, 0)));
        }
      }
    }
    return out;
  }

  private static String line(RunResult r) {
    List<Object> v =
        List.of(
            r.latency().ticks(),
            r.latency().burstTicks(),
            r.latency().p95BurstMs(),
            r.latency().p99BurstMs(),
            r.latency().p95RunMs(),
            r.latency().p99RunMs(),
            r.latency().p95AfterRecoveryMs(),
            r.shares().deadlineMissPct(),
            r.shares().deadlineMissBurstPct(),
            r.shares().deadlineMissAfterPct(),
            r.baseline().p95Ms(),
            r.baseline().deadlineMissPct(),
            r.recovery().perBurst(),
            r.connection().reconnectTicks(),
            r.storms().maxCancelsPerSecond(),
            r.storms().cancelStorms(),
            r.storms().maxRetriesPerSecond(),
            r.storms().retryStorms(),
            r.guards().seen(),
            Arrays.toString(r.tally().injections()),
            r.orders().duplicateOrders(),
            r.unknowns().orphanOrders(),
            r.unknowns().count(),
            r.unknowns().placedBeforeTruth(),
            r.orders().placesWhileFailing(),
            r.orders().placesWhileGuarded(),
            r.orders().maxOrdersPerSide(),
            r.connection().staleUnguardedTicks(),
            r.connection().reconnectMs(),
            r.reconcile().injectionsNotQueried(),
            r.reconcile().injectionsUndetected(),
            r.orders().maxOpenOrders(),
            r.tally().bans418(),
            r.storms().retryAfterViolations(),
            r.orders().abandonedOrders(),
            r.tally().weightRefusals(),
            r.tally().timestampRejections(),
            r.connection().dnsFailures(),
            r.connection().wsGapP95BurstMs(),
            r.connection().wsGapP95AfterMs(),
            r.baseline().wsGapP95Ms(),
            r.reconcile().maxPendingTicks(),
            r.shares().quotingBurstPct(),
            r.tally().eventLogHash(),
            r.timeline().windowSec(),
            Arrays.deepToString(r.timeline().windows().toArray()),
            r.failures());
    String digest;
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(v.toString().getBytes(StandardCharsets.UTF_8));
      digest = HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return r.plan().key() + " " + r.plan().seed() + " " + r.plan().bot() + " " + digest;
  }
}
