package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.examples.external.BotCommand;
import io.mmbot.chaos.examples.external.PromText;
import io.mmbot.chaos.examples.external.Scrape;
import io.mmbot.chaos.examples.judge.RunFacts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics a bot in another process must export, and its tick histogram's edges. */
class ExternalEvidenceTest {

  private static final long SEC = 1_000_000_000L;

  private static final ExternalBot BOT =
      new ExternalBot(
          "bot {metrics_port}",
          BotCommand.parse("bot {metrics_port}"),
          "exchange",
          BotLimits.DEFAULTS,
          Duration.ofSeconds(20),
          Duration.ofSeconds(5),
          Path.of("out"));

  private static final RunFacts FACTS =
      new RunFacts(
          0, 30 * SEC, 3 * SEC, 12 * SEC, SEC / 2, true, BotLimits.DEFAULTS.declared(), false);

  private static Scrape scrape(long at, double ticks, String... edges) {
    List<PromText.Sample> s = new ArrayList<>();
    s.add(new PromText.Sample(ScrapedTicks.COUNT, Map.of(), ticks));
    s.add(new PromText.Sample(ScrapedTicks.SUM, Map.of(), ticks * 200));
    s.add(new PromText.Sample(ScrapedTicks.MISSES, Map.of(), 0));
    s.add(new PromText.Sample(ScrapedTicks.RECONNECTS, Map.of("kind", "ws"), 0));
    s.add(new PromText.Sample(ScrapedTicks.GUARD_ACTIVE, Map.of("reason", "WS_STALE"), 0));
    s.add(new PromText.Sample(ScrapedTicks.GUARDS_RAISED, Map.of("reason", "WS_STALE"), 0));
    for (String e : edges) {
      s.add(new PromText.Sample(TickHistogram.BUCKET, Map.of("le", e), ticks));
    }
    s.add(new PromText.Sample(TickHistogram.BUCKET, Map.of("le", "+Inf"), ticks));
    return new Scrape(at, s);
  }

  private static ExternalFacts facts(List<Scrape> scrapes) {
    RunPlan plan = new RunPlan(null, 1, 0, 30, "external", "loopback");
    return ExternalEvidence.facts(
        plan, BOT, new ExternalOutcome(), scrapes, 0, FACTS, Path.of("out/runs/baseline-1"));
  }

  @Test
  void aHistogramWithTheDeadlineAndTwoHundredFiftyAsEdgesPasses() {
    ExternalFacts f =
        facts(
            List.of(
                scrape(0, 1, "100.0", "210.0", "250.0"),
                scrape(SEC, 3, "100.0", "210.0", "250.0")));
    assertThat(f.metricsFailure()).isNull();
    assertThat(f.missingMetrics()).isEmpty();
  }

  @Test
  void aMissingEdgeFailsTheRunNamingIt() {
    ExternalFacts f =
        facts(List.of(scrape(0, 1, "100.0", "256.0"), scrape(SEC, 3, "100.0", "256.0")));
    assertThat(f.metricsFailure())
        .contains("no bucket edge at 210 ms and 250 ms")
        .contains("serviceLevelObjectives");
  }

  @Test
  void missingNamesAreNamedAndNoScrapeAtAllIsSaid() {
    List<Scrape> bare =
        List.of(new Scrape(0, List.of(new PromText.Sample(ScrapedTicks.COUNT, Map.of(), 1))));
    ExternalFacts f = facts(bare);
    assertThat(f.metricsFailure())
        .contains("missing")
        .contains(ScrapedTicks.MISSES)
        .contains(ScrapedTicks.GUARD_ACTIVE);
    assertThat(facts(List.of()).metricsFailure())
        .isEqualTo("no scrape of the metrics endpoint succeeded");
  }
}
