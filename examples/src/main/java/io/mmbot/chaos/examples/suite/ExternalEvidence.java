package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.external.MetricsPoller;
import io.mmbot.chaos.examples.external.Scrape;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.WireLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The evidence of a bot in another process that is read from its metrics and the wire. */
final class ExternalEvidence {

  static final String INJECTIONS = "mm_chaos_injections_total";

  private ExternalEvidence() {}

  /** The injections per scenario the exchange's injector made (zeros without one). */
  static long[] injections(ChaosInjector injector) {
    long[] out = new long[Scenario.values().length];
    if (injector != null) {
      for (Scenario s : Scenario.values()) {
        out[s.ordinal()] = injector.injections(s);
      }
    }
    return out;
  }

  /** The injections per scenario the bot's own metrics showed in its last scrape. */
  static long[] scrapedInjections(List<Scrape> scrapes) {
    long[] out = new long[Scenario.values().length];
    if (!scrapes.isEmpty()) {
      Scrape last = scrapes.get(scrapes.size() - 1);
      for (Scenario s : Scenario.values()) {
        out[s.ordinal()] = scrapedInjections(last, s);
      }
    }
    return out;
  }

  /** Injections of {@code s} in one scrape of the bot's metrics (0 when absent). */
  static long scrapedInjections(Scrape scrape, Scenario s) {
    if (s == null) {
      return 0;
    }
    Double v = scrape.byLabel(INJECTIONS, "scenario").get(s.key());
    return v == null ? 0 : Math.round(v);
  }

  /**
   * 418 bans answered by the exchange's faults rather than earned under its rules: episodes of
   * consecutive 418 answers, less the bans the rules counted.
   */
  static long syntheticBans(WireLog w, long ruleBans) {
    long episodes = 0;
    boolean in418 = false;
    for (WireLog.Request r : w.requests()) {
      if (r.outcome() != WireLog.Outcome.ANSWERED) {
        continue;
      }
      boolean ban = r.status() == 418;
      if (ban && !in418) {
        episodes++;
      }
      in418 = ban;
    }
    return Math.max(0, episodes - ruleBans);
  }

  /**
   * The tick histogram's missing bucket edges (the declared deadline and the 250 ms p99 limit, so
   * that the share of ticks above each is exact), said as a problem; null when both are edges.
   */
  private static String missingBucketEdges(List<Scrape> scrapes, double deadlineMs) {
    List<String> edges = new ArrayList<>();
    for (double edge : new double[] {deadlineMs, 250}) {
      if (!TickHistogram.hasEdge(scrapes, edge)) {
        edges.add(RunPlan.number(edge) + " ms");
      }
    }
    if (edges.isEmpty()) {
      return null;
    }
    return "mm_tick_total_ms has no bucket edge at "
        + String.join(" and ", edges)
        + " (the declared deadline and the p99 limit must be edges, e.g. Micrometer's"
        + " serviceLevelObjectives)";
  }

  /** The run's {@link ExternalFacts}: the metrics checked, the bucket quantiles, the process. */
  static ExternalFacts facts(
      RunPlan plan,
      ExternalBot bot,
      ExternalOutcome o,
      List<Scrape> scrapes,
      int crowded,
      RunFacts facts,
      Path runDir) {
    List<String> missing = new ArrayList<>();
    if (!scrapes.isEmpty()) { // without any scrape, that is the one thing to say
      missing.addAll(MetricsPoller.missing(scrapes, ScrapedTicks.REQUIRED));
    }
    List<String> problems = new ArrayList<>();
    if (o.processFailure == null && scrapes.isEmpty()) {
      problems.add("no scrape of the metrics endpoint succeeded");
    }
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing));
    }
    List<String> optional = MetricsPoller.missing(scrapes, List.of(ScrapedTicks.GUARDS_RAISED));
    if (!scrapes.isEmpty() && missing.isEmpty()) {
      String edges = missingBucketEdges(scrapes, bot.limits().deadlineMs());
      if (edges != null) {
        problems.add(edges);
      }
    }
    if (!scrapes.isEmpty() && !optional.isEmpty()) {
      missing.addAll(optional); // reported; a raise between two scrapes may then be missed
    }
    TickHistogram burst =
        TickHistogram.of(scrapes, t -> t >= facts.warmupNanos() && facts.inBurst(t));
    double above = burst.above(250);
    double count = burst.count();
    return new ExternalFacts(
        bot.line(),
        bot.inject(),
        ExternalRun.COMPRESSION,
        bot.limits().spec(),
        bot.limits().deadlineMs(),
        bot.limits().restMarketData(),
        bot.limits().cancelsPerSec(),
        runDir.toString(),
        o.ending,
        o.processFailure,
        problems.isEmpty() ? null : String.join("; ", problems),
        missing,
        scrapes.size(),
        o.scrapeFailures,
        crowded,
        burst.quantile(0.95),
        burst.quantile(0.99),
        count > 0 && !Double.isNaN(above) ? 100 * above / count : 0,
        o.ordersLeftOpen,
        ExternalRun.replay(plan, bot));
  }
}
