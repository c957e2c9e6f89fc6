package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.external.PromText;
import io.mmbot.chaos.examples.external.Scrape;
import io.mmbot.chaos.examples.judge.TickSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tick samples and the tick histogram from asynchronous scrapes, on made-up scrapes. */
class ScrapedTicksTest {

  private static final long MS = 1_000_000L;
  private static final long[][] NO_DATA = {new long[0], new long[0]};

  /** One scrape: ticks so far, their total ms, misses, a guard gauge and raise counter. */
  private static Scrape scrape(
      long atMs, double count, double sumMs, double misses, double staleActive, double raised) {
    List<PromText.Sample> s = new ArrayList<>();
    s.add(new PromText.Sample(ScrapedTicks.COUNT, Map.of(), count));
    s.add(new PromText.Sample(ScrapedTicks.SUM, Map.of(), sumMs));
    s.add(new PromText.Sample(ScrapedTicks.MISSES, Map.of(), misses));
    s.add(
        new PromText.Sample(ScrapedTicks.GUARD_ACTIVE, Map.of("reason", "WS_STALE"), staleActive));
    s.add(new PromText.Sample(ScrapedTicks.GUARD_ACTIVE, Map.of("reason", "RATE_LIMITED"), 0));
    s.add(
        new PromText.Sample(ScrapedTicks.GUARDS_RAISED, Map.of("reason", "RATE_LIMITED"), raised));
    return new Scrape(atMs * MS, s);
  }

  private static ScrapedTicks.Result ticks(List<Scrape> scrapes) {
    return ScrapedTicks.of(scrapes, (t, s) -> 0L, List.of(), NO_DATA);
  }

  @Test
  void aTickIsSeenWhenTheCountRisesAndLastsTheRiseOfTheSum() {
    ScrapedTicks.Result r =
        ticks(
            List.of(
                scrape(0, 4, 800, 0, 0, 0),
                scrape(100, 4, 800, 0, 0, 0),
                scrape(200, 5, 990, 0, 0, 0),
                scrape(300, 5, 990, 0, 0, 0),
                scrape(400, 6, 1_220, 1, 1, 0)));
    assertThat(r.samples()).hasSize(2);
    TickSample a = r.samples().get(0);
    assertThat(a.tickMs()).isCloseTo(190, within(1e-9));
    assertThat(a.atNanos()).isEqualTo(150 * MS); // between the two scrapes
    assertThat(a.missed()).isFalse();
    TickSample b = r.samples().get(1);
    assertThat(b.tickMs()).isCloseTo(230, within(1e-9));
    assertThat(b.missed()).isTrue();
    assertThat(b.guards()).isEqualTo(GuardReason.WS_STALE.bit());
    assertThat(r.crowdedIntervals()).isZero();
  }

  /**
   * An injection the exchange made late in a tick (its open-orders answer, 20 ms before the tick's
   * end) belongs to the tick the next scrape shows, with the discrepancy counter read in that same
   * scrape, not to the tick after because it fell after the estimated end half way between scrapes.
   */
  @Test
  void injectionsAreCountedAsOfTheScrapeThatShowsTheTick() {
    long injectedAt = 180 * MS;
    ScrapedTicks.Result r =
        ScrapedTicks.of(
            List.of(
                scrape(0, 1, 10, 0, 0, 0),
                scrape(100, 1, 10, 0, 0, 0),
                scrape(200, 2, 20, 0, 0, 0),
                scrape(700, 3, 30, 0, 0, 0)),
            (t, s) -> t >= injectedAt ? 1L : 0L,
            List.of(),
            NO_DATA);
    assertThat(r.samples()).extracting(TickSample::injections).containsExactly(1L, 1L);
  }

  @Test
  void twoTicksInOneIntervalShareTheRiseAndAreCounted() {
    ScrapedTicks.Result r =
        ticks(List.of(scrape(0, 0, 0, 0, 0, 0), scrape(1_100, 2, 400, 1, 0, 0)));
    assertThat(r.samples()).extracting(TickSample::tickMs).containsExactly(200.0, 200.0);
    assertThat(r.samples()).extracting(TickSample::missed).containsExactly(true, false);
    assertThat(r.crowdedIntervals()).isEqualTo(1);
  }

  @Test
  void aGuardRaisedAndClearedBetweenScrapesIsCarriedToTheNextTick() {
    ScrapedTicks.Result r =
        ticks(
            List.of(
                scrape(0, 1, 200, 0, 0, 0),
                scrape(100, 1, 200, 0, 0, 1), // raised and cleared again, no tick yet
                scrape(200, 2, 400, 0, 0, 1)));
    assertThat(r.samples()).singleElement();
    assertThat(r.samples().get(0).guards()).isEqualTo(GuardReason.RATE_LIMITED.bit());
  }

  @Test
  void theHistogramQuantileInterpolatesWithinItsBucket() {
    List<Scrape> s = new ArrayList<>();
    s.add(buckets(0, 0, 0, 0, 0));
    // 100 ticks: 60 up to 100 ms, 38 in (100, 210], 1 in (210, 250], 1 above 250
    s.add(buckets(100, 60, 98, 99, 100));
    TickHistogram h = TickHistogram.of(s, t -> true);
    assertThat(h.count()).isEqualTo(100);
    assertThat(h.quantile(0.5)).isCloseTo(100.0 * 50 / 60, within(1e-9));
    // rank 95 lies in (100, 210]: 35 of its 38
    assertThat(h.quantile(0.95)).isCloseTo(100 + 110.0 * 35 / 38, within(1e-9));
    assertThat(h.quantile(0.99)).isCloseTo(250, within(1e-9));
    assertThat(h.above(250)).isEqualTo(1);
    assertThat(TickHistogram.hasEdge(s, 210)).isTrue();
    assertThat(TickHistogram.hasEdge(s, 200)).isFalse();
    assertThat(TickHistogram.of(s, t -> false).count()).isZero();
  }

  private static Scrape buckets(long atMs, double le100, double le210, double le250, double inf) {
    return new Scrape(
        atMs * MS,
        List.of(
            new PromText.Sample(TickHistogram.BUCKET, Map.of("le", "100.0"), le100),
            new PromText.Sample(TickHistogram.BUCKET, Map.of("le", "210.0"), le210),
            new PromText.Sample(TickHistogram.BUCKET, Map.of("le", "250.0"), le250),
            new PromText.Sample(TickHistogram.BUCKET, Map.of("le", "+Inf"), inf)));
  }
}
