package io.mmbot.chaos.examples.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The suite's own mutation test: {@link io.mmbot.chaos.examples.bot.ResilientBot} with each of its
 * resilience features switched off in turn must fail the check that judges that feature, in the run
 * that exercises it, while the unmutated bot passes the same runs. A feature without a killing run
 * must be shown equivalent ({@link #EQUIVALENT}: the exchange sees the same run) or listed in
 * {@link #NOT_KILLED} with the reason (the kill matrix in {@code docs/suite.md}). Bounded for the
 * build: seeds 1..3 unless {@code -Dmutation.seeds=A..B}; the printed matrix is the one in the
 * docs.
 */
class SuiteMutationTest {

  /** One run of the matrix: a seed scenario at the seed's intensity, or a stress scenario. */
  record Cell(
      String key, Scenario scenario, double intensity, long durationSec, StressScenario st) {

    static Cell seed(Scenario s, long durationSec) {
      return new Cell(s.key(), s, SuiteConfig.defaultIntensity(s), durationSec, null);
    }

    static Cell stress(StressScenario st) {
      return new Cell(st.key(), st.scenario(), st.intensity(), st.durationSec(), st);
    }

    RunResult run(long seed, BotConfig cfg) {
      RunResult base = SimRun.run(new RunPlan(null, seed, 0, 120, "resilient", "sim"), null);
      RunPlan p = new RunPlan(scenario, seed, intensity, durationSec, "resilient", "sim");
      return SimRun.run(p, base, cfg, st);
    }
  }

  /** What kills a feature: the run that exercises it and the checks that must notice. */
  record Kill(Cell cell, Set<Check> checks) {}

  static final Map<ResilienceFeature, Kill> KILLS = new EnumMap<>(ResilienceFeature.class);

  /**
   * Features whose removal cannot change anything the exchange sees, with the reason; asserted: on
   * every run of the battery the mutant's event log (every REST answer and WebSocket event with its
   * time) hashes the same as the unmutated bot's.
   */
  static final Map<ResilienceFeature, String> EQUIVALENT = new EnumMap<>(ResilienceFeature.class);

  /** Features neither killed nor equivalent, with the reason (see docs/suite.md). */
  static final Map<ResilienceFeature, String> NOT_KILLED = new EnumMap<>(ResilienceFeature.class);

  static {
    Cell outage = Cell.stress(StressScenario.SUSTAINED_OUTAGE);
    Cell heavyLoss = Cell.stress(StressScenario.HEAVY_LOSS);
    Cell wsStorm = Cell.stress(StressScenario.WS_STORM);
    Cell exch5xx = Cell.seed(Scenario.EXCH_5XX, 360);
    kill(ResilienceFeature.FAILED_TICK_BACKOFF, outage, Check.RETRY_STORMS);
    kill(ResilienceFeature.RETRY_AFTER, Cell.seed(Scenario.EXCH_429, 360), Check.RETRY_AFTER);
    kill(ResilienceFeature.PAUSE_ON_WS_STALE, wsStorm, Check.PLACES_WHILE_GUARDED);
    kill(
        ResilienceFeature.PAUSE_ON_CLOCK_SKEW,
        Cell.stress(StressScenario.CLOCK_BEYOND_WINDOW),
        Check.PLACES_WHILE_GUARDED);
    kill(ResilienceFeature.PAUSE_ON_EXCHANGE_ERRORS, heavyLoss, Check.PLACES_WHILE_GUARDED);
    kill(
        ResilienceFeature.PAUSE_ON_RECONCILE_PENDING,
        Cell.stress(StressScenario.MISMATCH_HEAVY),
        Check.PLACES_WHILE_GUARDED);
    kill(
        ResilienceFeature.PAUSE_ON_DNS_FALLBACK,
        Cell.stress(StressScenario.DNS_OUTAGE),
        Check.PLACES_WHILE_GUARDED);
    kill(
        ResilienceFeature.ERROR_WINDOW,
        heavyLoss,
        Check.PLACES_WHILE_FAILING,
        Check.EXPECTED_GUARDS);
    kill(ResilienceFeature.STALE_DATA_TIMEOUT, heavyLoss, Check.STALE_DATA);
    kill(
        ResilienceFeature.QUERY_UNKNOWN_PLACE,
        exch5xx,
        Check.DUPLICATE_ORDERS,
        Check.UNKNOWN_OUTCOMES);
    kill(
        ResilienceFeature.QUERY_UNKNOWN_CANCEL,
        Cell.seed(Scenario.EXCH_5XX, 1_200),
        Check.UNKNOWN_OUTCOMES,
        Check.DUPLICATE_ORDERS);
    kill(
        ResilienceFeature.CLOCK_CORRECTION,
        Cell.stress(StressScenario.CLOCK_BEYOND_WINDOW),
        Check.TIMESTAMPS);
    kill(ResilienceFeature.WS_RECONNECT_BACKOFF, wsStorm, Check.WS_ATTEMPTS);
    kill(
        ResilienceFeature.WS_SWITCH_ENDPOINT, Cell.stress(StressScenario.WS_FLAP), Check.RECONNECT);
    kill(ResilienceFeature.LIVE_AFTER_DATA, wsStorm, Check.STALE_DATA);
    kill(
        ResilienceFeature.RECONCILE_OPEN_ORDERS,
        Cell.seed(Scenario.RECONCILE_MISMATCH, 360),
        Check.FIRED,
        Check.EXPECTED_GUARDS);
    kill(
        ResilienceFeature.GIVE_UP_BEFORE_DEADLINE,
        Cell.seed(Scenario.LAT_SPIKE, 120),
        Check.P99_TICK);
    kill(
        ResilienceFeature.IN_FLIGHT_CAP, Cell.seed(Scenario.RATE_LIMIT_STORM, 360), Check.BANS_418);
    kill(ResilienceFeature.DNS_FALLBACK, Cell.seed(Scenario.DNS_FLAP, 360), Check.DNS_FALLBACK);

    kill(
        ResilienceFeature.USED_WEIGHT_GUARD,
        Cell.stress(StressScenario.WEIGHT_NEAR_LIMIT),
        Check.WEIGHT_LIMIT);
    kill(
        ResilienceFeature.SNAPSHOT_RESYNC,
        Cell.seed(Scenario.WS_DISCONNECT, 43_200),
        Check.QUOTES_OFF_MID);
    kill(
        ResilienceFeature.RETRY_BUDGET,
        Cell.stress(StressScenario.ORDERS_REFUSED),
        Check.RETRY_BUDGET);
    kill(
        ResilienceFeature.RETRY_AFTER_EXACT,
        Cell.stress(StressScenario.RETRY_AFTER_MS),
        Check.RETRY_AFTER);
    kill(
        ResilienceFeature.ADOPT_UNTRACKED,
        Cell.stress(StressScenario.BOT_RESTART),
        Check.DUPLICATE_ORDERS,
        Check.OPEN_ORDER_LIMIT,
        Check.ABANDONED_ORDERS);

    EQUIVALENT.put(
        ResilienceFeature.CANCEL_RATE_LIMIT,
        "the in-flight cap of three, one of them the open-orders query, lets at most two cancels out"
            + " per tick, 4 a second at two ticks a second: the limit (4 a second, 4 stored) never"
            + " refuses a token");
    EQUIVALENT.put(
        ResilienceFeature.HOLD_PENDING_SIDE,
        "a pending order raises RECONCILE_PENDING, which pauses all quoting, so no side is touched"
            + " while one of its orders is pending whether the hold is on or not");
    EQUIVALENT.put(
        ResilienceFeature.VERIFY_REJECTED_PLACE,
        "-2010 answers a client order id already open (the bot's ids are unique per attempt) or more"
            + " than 10 open orders (the bot holds at most 4): the exchange never sends it to this bot");
    EQUIVALENT.put(
        ResilienceFeature.OWN_ORDER_LIMIT,
        "the quoting logic holds at most two orders per side (one quote and its replacement), so"
            + " the bot's count never reaches the limit of 4 and the backstop never acts");
  }

  private static void kill(ResilienceFeature f, Cell cell, Check... checks) {
    KILLS.put(f, new Kill(cell, EnumSet.copyOf(List.of(checks))));
  }

  private static final List<Long> SEEDS = seeds(System.getProperty("mutation.seeds", "1..3"));

  @Test
  void everyFeatureIsKilledOrArgued() {
    for (ResilienceFeature f : ResilienceFeature.values()) {
      int placed =
          (KILLS.containsKey(f) ? 1 : 0)
              + (EQUIVALENT.containsKey(f) ? 1 : 0)
              + (NOT_KILLED.containsKey(f) ? 1 : 0);
      assertEquals(1, placed, f + " must be killed by a run, equivalent, or argued in NOT_KILLED");
    }
    assertTrue(ResilienceFeature.values().length >= 25);
  }

  @Test
  void theUnmutatedBotPassesEveryKillingRun() {
    List<String> failures = new ArrayList<>();
    for (Cell c : cells()) {
      for (long seed : SEEDS) {
        RunResult r = c.run(seed, BotConfig.defaults());
        if (!r.passed()) {
          failures.add(c.key() + " seed " + seed + ": " + r.failures());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyMutantIsKilledByItsCheck() {
    List<String> survivors = new ArrayList<>();
    StringBuilder matrix = new StringBuilder("feature | run | check | seeds failed\n");
    for (Map.Entry<ResilienceFeature, Kill> e : KILLS.entrySet()) {
      Kill k = e.getValue();
      BotConfig mutant = BotConfig.defaults().without(e.getKey());
      int killed = 0;
      Set<Check> seen = EnumSet.noneOf(Check.class);
      for (long seed : SEEDS) {
        RunResult r = k.cell().run(seed, mutant);
        Set<Check> hit = EnumSet.noneOf(Check.class);
        hit.addAll(r.failures().keySet());
        hit.retainAll(k.checks());
        if (!hit.isEmpty()) {
          killed++;
          seen.addAll(hit);
        }
      }
      matrix
          .append(e.getKey())
          .append(" | ")
          .append(k.cell().key())
          .append(" | ")
          .append(seen.isEmpty() ? k.checks() : seen)
          .append(" | ")
          .append(killed)
          .append('/')
          .append(SEEDS.size())
          .append('\n');
      if (killed == 0) {
        survivors.add(e.getKey() + " survived " + k.cell().key());
      }
    }
    System.out.print(matrix);
    assertEquals(List.of(), survivors);
  }

  @Test
  void everyEquivalentMutantLeavesWhatTheExchangeSeesUnchanged() {
    List<String> differing = new ArrayList<>();
    for (Cell c : battery()) {
      for (long seed : SEEDS) {
        long unmutated = c.run(seed, BotConfig.defaults()).tally().eventLogHash();
        for (ResilienceFeature f : EQUIVALENT.keySet()) {
          if (c.run(seed, BotConfig.defaults().without(f)).tally().eventLogHash() != unmutated) {
            differing.add(f + " in " + c.key() + " seed " + seed);
          }
        }
      }
    }
    assertEquals(List.of(), differing);
  }

  /** Every seed scenario (at most 360 s) and every stress scenario. */
  static List<Cell> battery() {
    List<Cell> out = new ArrayList<>();
    for (ScenarioSpec sp : ScenarioSpec.values()) {
      out.add(Cell.seed(sp.scenario(), Math.min(360, sp.durationSec())));
    }
    for (StressScenario st : StressScenario.values()) {
      out.add(Cell.stress(st));
    }
    return out;
  }

  private static List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    for (Kill k : KILLS.values()) {
      if (!out.contains(k.cell())) {
        out.add(k.cell());
      }
    }
    return out;
  }

  private static List<Long> seeds(String spec) {
    int dots = spec.indexOf("..");
    long a = Long.parseLong(dots < 0 ? spec : spec.substring(0, dots));
    long b = dots < 0 ? a : Long.parseLong(spec.substring(dots + 2));
    List<Long> s = new ArrayList<>();
    for (long i = a; i <= b; i++) {
      s.add(i);
    }
    return s;
  }
}
