package io.mmbot.chaos.examples.suite;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mmbot.chaos.examples.bot.Bot;
import io.mmbot.chaos.examples.bot.GuardMetrics;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.bot.TickReport;
import io.mmbot.chaos.examples.judge.TickSample;
import io.mmbot.chaos.examples.judge.WireLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Scrapes the bot's exported metrics at the end of every tick, as a Prometheus scraping at the tick
 * rate would, and adds what the harness sees at the same moment (the scenario's injections, the
 * client's open orders on the exchange, the wire's market-data gaps). The tick report handed to
 * {@link #onTick} is used only as the moment to scrape: nothing of it is read. Not thread-safe.
 */
final class Scraper implements Bot.TickListener {

  private static final GuardReason[] REASONS = GuardReason.values();

  private final LongSupplier now;
  private final MeterRegistry registry;
  private final WireLog wire;
  private final IntSupplier exchangeOpen;
  private final LongSupplier injections;
  private final List<TickSample> samples;
  private DistributionSummary tick;
  private Counter misses;
  private Gauge[] guards;
  private double lastSum;
  private double lastMisses;
  // The discrepancy counters (one per type, registered on first use), kept up to date by the
  // registry's listeners: a search of the registry at every tick was a sixth of a run's time.
  private final List<Counter> discrepancyCounters =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  Scraper(
      int expectedTicks,
      LongSupplier now,
      MeterRegistry registry,
      WireLog wire,
      IntSupplier exchangeOpen,
      LongSupplier injections) {
    this.now = now;
    this.registry = registry;
    this.wire = wire;
    this.exchangeOpen = exchangeOpen;
    this.injections = injections;
    this.samples = new ArrayList<>(Math.max(16, expectedTicks + 2));
    registry
        .config()
        .onMeterAdded(
            m -> {
              if (m instanceof Counter c && DISCREPANCIES.equals(m.getId().getName())) {
                discrepancyCounters.add(c);
              }
            })
        .onMeterRemoved(discrepancyCounters::remove);
    discrepancyCounters.addAll(registry.find(DISCREPANCIES).counters());
  }

  private static final String DISCREPANCIES = "mm.reconcile.discrepancies";

  @Override
  public void onTick(TickReport ignored) {
    if (tick == null) {
      resolve();
    }
    long t = now.getAsLong();
    double sum = tick.totalAmount();
    double miss = misses.count();
    double ms = sum - lastSum;
    boolean missed = miss > lastMisses;
    lastSum = sum;
    lastMisses = miss;
    int mask = 0;
    for (int i = 0; i < REASONS.length; i++) {
      if (guards[i] != null && guards[i].value() >= 0.5) {
        mask |= REASONS[i].bit();
      }
    }
    long start = t - Math.round(ms * 1e6);
    samples.add(
        new TickSample(
            t,
            ms,
            missed,
            mask,
            injections.getAsLong(),
            exchangeOpen.getAsInt(),
            wire.takeMaxGapMs(),
            wire.lastDataAtOrBefore(start),
            discrepancies()));
  }

  private double discrepancies() {
    double sum = 0;
    for (Counter c : discrepancyCounters) {
      sum += c.count();
    }
    return sum;
  }

  /**
   * The bot's process started again: its guard gauges are new meters, looked up at the next scrape.
   * The tick sum and the deadline-miss counter are read on as before: the restarted process's ticks
   * add to them, as Prometheus's {@code increase()} reads a counter across a restart's reset.
   */
  void processRestarted() {
    tick = null;
  }

  /** The samples so far. */
  List<TickSample> samples() {
    return samples;
  }

  private void resolve() {
    tick = registry.get("mm.tick.total").summary();
    misses = registry.get("mm.tick.deadline.miss").counter();
    guards = new Gauge[REASONS.length];
    for (int i = 0; i < REASONS.length; i++) {
      guards[i] = registry.find(GuardMetrics.ACTIVE).tag("reason", REASONS[i].name()).gauge();
    }
  }
}
