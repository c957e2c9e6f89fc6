package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.bot.NaiveBot;
import io.mmbot.chaos.examples.bot.ResilienceFeature;
import io.mmbot.chaos.examples.bot.ResilientBot;
import io.mmbot.chaos.examples.exchange.ConnectorChaos;
import io.mmbot.chaos.examples.exchange.sim.SimClock;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The restarts of {@code bot_restart}: their schedule, drawn from the seed in virtual time; client
 * order ids that no later start of the process reuses; and the resilient bot's adoption of the
 * orders an earlier start left open on the exchange (and, with {@link
 * ResilienceFeature#ADOPT_UNTRACKED} off, its ignoring them).
 */
class BotRestartTest {

  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  @Test
  void threeRestartsFallEachEarlyInItsThirdOfTheBurstAndComeFromTheSeedAlone() {
    long from = 10 * S;
    long burst = 30 * S;
    Set<List<BotRestarts.Restart>> distinct = new HashSet<>();
    for (long seed = 1; seed <= 500; seed++) {
      BotRestarts r = BotRestarts.draw(seed, from, burst);
      assertThat(BotRestarts.draw(seed, from, burst)).isEqualTo(r);
      distinct.add(r.restarts());
      assertThat(r.restarts()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        BotRestarts.Restart x = r.restarts().get(i);
        long slot = from + i * 10 * S;
        assertThat(x.atNanos()).isBetween(slot, slot + 2 * S - 1);
        assertThat(x.downNanos()).isBetween(1_000 * MS, 3_000 * MS);
        // back up (a tick of at most 500 ms may finish first) well before the slot ends
        assertThat(x.atNanos() + 500 * MS + x.downNanos()).isLessThan(slot + 10 * S - 4 * S);
      }
    }
    assertThat(distinct).hasSize(500);
  }

  @Test
  void theRestartsOfARunAreTheScheduleOfItsSeedAndCountAsItsInjections() {
    for (long seed = 1; seed <= 3; seed++) {
      RunPlan p = StressScenario.BOT_RESTART.plan(seed, "resilient");
      RunResult r = SimRun.run(p, SimRun.run(p.baselinePlan(), null));
      assertThat(r.tally().injections(p.scenario())).isEqualTo(BotRestarts.COUNT);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"resilient", "naive"})
  void noStartOfTheProcessReusesAClientOrderIdAndEveryIdKeepsThePrefix(String kind) {
    for (long s = 1; s <= 5; s++) {
      long seed = s;
      Harness h = new Harness(seed);
      ProcessSupervisor process =
          new ProcessSupervisor(
              h.tap,
              BotRestarts.draw(seed, 10 * S, 30 * S),
              (on, start) ->
                  kind.equals("naive")
                      ? new NaiveBot(on, BotConfig.defaults(), h.chaos, h.metrics, start)
                      : new ResilientBot(on, BotConfig.defaults(), h.chaos, h.metrics, seed, start),
              new long[1]);
      process.run(60 * S, r -> {}, () -> {});
      h.metrics.close();
      Set<String> ids = new HashSet<>();
      for (WireLog.Request q : h.wire.requests()) {
        if (!q.endpoint().equals("PLACE_ORDER")) {
          continue;
        }
        assertThat(q.clientOrderId()).startsWith(Bot.ID_PREFIX);
        assertThat(ids.add(q.clientOrderId()))
            .as("seed %d: %s placed twice", seed, q.clientOrderId())
            .isTrue();
        assertThat(q.code())
            .as("seed %d: %s refused as a duplicate", seed, q.clientOrderId())
            .isNotEqualTo(ExchangeRules.ERR_REJECTED);
      }
      Set<String> startTags = new HashSet<>();
      for (String id : ids) {
        startTags.add(id.startsWith("mmr") ? id.substring(0, 4) : "mm");
      }
      assertThat(startTags).as("seed %d", seed).contains("mm", "mmr1", "mmr2", "mmr3");
    }
  }

  @Test
  void aRestartedResilientBotAdoptsWhatItsPredecessorLeftOpenAndWithoutAdoptionIgnoresIt() {
    int judged = 0;
    for (long seed = 1; seed <= 10; seed++) {
      Restarted adopting = restartOnce(seed, BotConfig.defaults());
      Restarted ignoring =
          restartOnce(seed, BotConfig.defaults().without(ResilienceFeature.ADOPT_UNTRACKED));
      // Both runs are the same until the second start's first query answer, and fills do not
      // depend on the bot: an order of the first start open at the end of the adopting run is
      // open at the end of the other too. Judge the seeds where one was still open at the end.
      if (ignoring.leftOpen().isEmpty()) {
        continue;
      }
      judged++;
      for (Ledger.Entry old : adopting.leftOpen()) {
        assertThat(adopting.second().knows(old.clientOrderId()))
            .as("seed %d: %s tracked by the second start", seed, old.clientOrderId())
            .isTrue();
        assertThat(adopting.placedOn())
            .as("seed %d: nothing placed beside the adopted %s", seed, old.clientOrderId())
            .doesNotContain(old.side().name().charAt(0));
      }
      boolean besideNew = false;
      for (Ledger.Entry old : ignoring.leftOpen()) {
        assertThat(ignoring.cancelled())
            .as("seed %d: without adoption %s is never cancelled", seed, old.clientOrderId())
            .doesNotContain(old.clientOrderId());
        besideNew |= ignoring.placedOn().contains(old.side().name().charAt(0));
      }
      assertThat(besideNew)
          .as("seed %d: without adoption the second start quotes beside the old order", seed)
          .isTrue();
    }
    assertThat(judged).as("seeds with an order left open across the restart").isGreaterThan(3);
  }

  @Test
  void aNewStartPlacesNothingBeforeItsFirstOpenOrdersAnswerEvenWithARequestToSpare() {
    // Without the snapshot after a (re)connect the first tick has a request to spare beside the
    // open orders and the account refresh: the start must still not quote before it knows what
    // is open.
    BotConfig cfg = BotConfig.defaults().without(ResilienceFeature.SNAPSHOT_RESYNC);
    for (long seed = 1; seed <= 5; seed++) {
      Restarted r = restartOnce(seed, cfg);
      assertThat(r.firstViewAt()).as("seed %d", seed).isLessThan(Long.MAX_VALUE);
      assertThat(r.firstPlaceAt())
          .as("seed %d: first place of the second start after its first open-orders answer", seed)
          .isGreaterThanOrEqualTo(r.firstViewAt());
    }
  }

  /**
   * The second start; the first start's orders still open when the run ended; the client order ids
   * the second start sent a cancel for; the sides ('B', 'S') it placed orders on; when its first
   * place left, and when its first open-orders answer came back.
   */
  private record Restarted(
      Bot second,
      List<Ledger.Entry> leftOpen,
      Set<String> cancelled,
      Set<Character> placedOn,
      long firstPlaceAt,
      long firstViewAt) {}

  /** A first start until 20 s, down 1 s, a second start for 3 s. */
  private static Restarted restartOnce(long seed, BotConfig cfg) {
    Harness h = new Harness(seed);
    ProcessExchange first = new ProcessExchange(h.tap);
    Bot a = new ResilientBot(first, cfg, h.chaos, h.metrics, seed, 0);
    a.run(20 * S, r -> {});
    a.close();
    first.kill();
    long restartAt = h.exchange.nanoTime() + S;
    h.exchange.idleUntil(restartAt);
    Bot b = new ResilientBot(new ProcessExchange(h.tap), cfg, h.chaos, h.metrics, seed, 1);
    b.run(restartAt + 3 * S, r -> {});
    b.close();
    h.metrics.close();
    List<Ledger.Entry> open = h.exchange.rules().openEntries();
    List<Ledger.Entry> left = new ArrayList<>();
    for (Ledger.Entry e : open) {
      if (!e.clientOrderId().startsWith("mmr")) {
        left.add(e);
      }
    }
    Set<String> cancelled = new HashSet<>();
    Set<Character> placedOn = new HashSet<>();
    long firstPlaceAt = Long.MAX_VALUE;
    long firstViewAt = Long.MAX_VALUE;
    for (WireLog.Request q : h.wire.requests()) {
      if (q.sentAtNanos() < restartAt) {
        continue;
      }
      if (q.endpoint().equals("CANCEL_ORDER")) {
        cancelled.add(q.clientOrderId());
      } else if (q.endpoint().equals("PLACE_ORDER")) {
        placedOn.add(q.side());
        firstPlaceAt = Math.min(firstPlaceAt, q.sentAtNanos());
      } else if (q.endpoint().equals("OPEN_ORDERS") && q.succeeded()) {
        firstViewAt = Math.min(firstViewAt, q.doneAtNanos());
      }
    }
    return new Restarted(b, left, cancelled, placedOn, firstPlaceAt, firstViewAt);
  }

  /** A chaos-free simulated exchange behind a wire tap, with the metrics a bot binds to. */
  private static final class Harness {
    final SimExchange exchange;
    final WireLog wire = new WireLog();
    final WireTap tap;
    final ConnectorChaos chaos;
    final ChaosMetrics metrics;

    Harness(long seed) {
      SimClock time = SimExchange.clockFor();
      ChaosInjector injector =
          ChaosInjector.builder()
              .config(SuiteConfig.forRun(null, 0, seed))
              .nanoClock(time)
              .instanceId("mm-bot-1")
              .build();
      exchange = SimExchange.create(seed, injector, time);
      tap = new WireTap(exchange, wire);
      chaos = ConnectorChaos.of(injector, time);
      metrics = ChaosMetrics.bind(injector, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
  }
}
