package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.MarketDataChecks;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.TickSample;
import io.mmbot.chaos.exchange.server.RestObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Staleness of a bot that polls its market data over REST ({@code --bot-limits market_data=rest}):
 * judged from the market-data answers the exchange wrote to it, with no stream at all.
 */
class RestMarketDataTest {

  private static final long MS = 1_000_000L;
  private static final int STALE = GuardReason.WS_STALE.bit();

  private static RestObservation answer(long atMs, String endpoint, int status) {
    return new RestObservation(
        atMs * MS,
        atMs * MS + 2 * MS,
        endpoint,
        RestObservation.Ending.ANSWERED,
        status,
        status == 200 ? 0 : -1000,
        0,
        null,
        (char) 0,
        0);
  }

  /**
   * A bot ticking every 500 ms from 0 to 20 s that fetches the depth at the start of each tick;
   * ticks starting in [gapFromMs, gapToMs) get a 503 for it and raise {@code guards}.
   */
  private static Evidence run(long gapFromMs, long gapToMs, int guards) {
    ServerWireLog wire = new ServerWireLog();
    for (long t = 0; t < 20_000; t += 500) {
      boolean gap = t >= gapFromMs && t < gapToMs;
      wire.onRequest(answer(t + 1, "DEPTH_SNAPSHOT", gap ? 503 : 200));
      wire.onRequest(answer(t + 5, "OPEN_ORDERS", 200));
    }
    long[][] data = wire.restMarketData();
    List<TickSample> samples = new ArrayList<>();
    for (long t = 0; t < 20_000; t += 500) {
      long start = t * MS;
      boolean gap = t >= gapFromMs && t < gapToMs;
      samples.add(
          new TickSample(
              start + 10 * MS,
              10,
              false,
              gap ? guards : 0,
              0,
              2,
              0,
              ScrapedTicks.lastAtOrBefore(data[0], start),
              0));
    }
    RunFacts facts =
        new RunFacts(
            2_000 * MS,
            20_000 * MS,
            3_000 * MS,
            12_000 * MS,
            500 * MS,
            false,
            BotLimits.DEFAULTS.declared(),
            false);
    return new Evidence(wire.wireLog(), List.of(), samples, facts, List.of(), 2);
  }

  @Test
  void onlySuccessfulMarketDataAnswersCount() {
    ServerWireLog wire = new ServerWireLog();
    wire.onRequest(answer(10, "BOOK_TICKER", 200));
    wire.onRequest(answer(20, "DEPTH_SNAPSHOT", 503));
    wire.onRequest(answer(30, "OPEN_ORDERS", 200));
    wire.onRequest(answer(40, "PRICE_TICKER", 200));
    assertThat(wire.restMarketData()[0]).containsExactly(12 * MS, 42 * MS);
  }

  @Test
  void aBotPollingEveryTickIsNeverStale() {
    assertThat(MarketDataChecks.staleRestDataUnguarded(run(0, 0, 0), STALE, 1_000 * MS)).isZero();
  }

  @Test
  void ticksOnDataOlderThanTheLimitWithoutTheGuardAreCounted() {
    // depth fails for the ticks starting at 6 to 8 s: those starting at 7, 7.5, 8 and 8.5 s
    // last had data written at 5.503 s (the 8.5 s tick's own answer comes after its start)
    assertThat(MarketDataChecks.staleRestDataUnguarded(run(6_000, 8_500, 0), STALE, 1_000 * MS))
        .isEqualTo(4);
  }

  @Test
  void theGuardExcusesStaleTicks() {
    Evidence e = run(6_000, 9_000, STALE); // guarded up to 8.5 s; the 9 s tick is not
    assertThat(MarketDataChecks.staleRestDataUnguarded(e, STALE, 1_000 * MS)).isEqualTo(1);
  }
}
