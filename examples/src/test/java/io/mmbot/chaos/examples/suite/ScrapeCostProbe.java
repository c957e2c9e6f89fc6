package io.mmbot.chaos.examples.suite;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.bot.GuardMetrics;
import io.mmbot.chaos.examples.external.PromText;
import io.mmbot.chaos.examples.external.Scrape;
import io.mmbot.chaos.metrics.ChaosMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development probe: what one scrape of the example bot's metrics costs the suite to parse and to
 * turn into tick samples (the text the bot serves, with its tick histogram's buckets). Prints the
 * median time per scrape over many rounds.
 */
final class ScrapeCostProbe {
  private ScrapeCostProbe() {}

  public static void main(String[] a) {
    PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    reg.config().meterFilter(io.mmbot.chaos.examples.standalone.ExternalBotMain.tickEdges(210));
    ChaosInjector injector = ChaosInjector.builder().config(ChaosConfig.builder().build()).build();
    ChaosMetrics metrics = ChaosMetrics.bind(injector, reg);
    new GuardMetrics(reg);
    for (int i = 0; i < 200; i++) {
      metrics.recordTick(150 + i % 90, i % 50 == 0);
    }
    metrics.recordReconnectAttempt("ws");
    String text = reg.scrape(ChaosMetrics.TEXT_FORMAT_004);
    int rounds = 20_000;
    long[] parse = new long[rounds];
    List<Scrape> scrapes = new ArrayList<>(rounds);
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      List<PromText.Sample> s = PromText.parse(text);
      parse[i] = System.nanoTime() - t0;
      scrapes.add(new Scrape(i * 100_000_000L, s));
    }
    java.util.Arrays.sort(parse);
    long t0 = System.nanoTime();
    ScrapedTicks.of(scrapes, (t, s) -> 0L, List.of(), new long[][] {new long[0], new long[0]});
    double perScrapeTicks = (System.nanoTime() - t0) / (double) rounds;
    System.out.printf(
        Locale.ROOT,
        "scrape text: %d bytes, %d samples; parse median %.1f us (p90 %.1f us); tick samples"
            + " %.1f us per scrape%n",
        text.length(),
        PromText.parse(text).size(),
        parse[rounds / 2] / 1e3,
        parse[rounds * 9 / 10] / 1e3,
        perScrapeTicks / 1e3);
  }
}
