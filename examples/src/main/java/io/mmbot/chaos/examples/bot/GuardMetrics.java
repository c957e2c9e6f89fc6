package io.mmbot.chaos.examples.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bot's guards as metrics, so that a judge outside the bot can see them: {@value #ACTIVE}{@code
 * {reason}}, 1 while the reason holds and 0 otherwise, and {@value #RAISED}{@code {reason}},
 * counting every time the reason went from clear to raised. Registered for every reason at
 * construction, so a scrape shows all of them from the start. Not thread-safe: the bot's thread
 * writes; gauges are read by the registry.
 */
public final class GuardMetrics implements AutoCloseable {

  /** The 0/1 gauge per guard reason. */
  public static final String ACTIVE = "mm.bot.guard.active";

  /** The counter of raises per guard reason. */
  public static final String RAISED = "mm.bot.guards.raised";

  private static final GuardReason[] REASONS = GuardReason.values();

  private final int[] active = new int[REASONS.length];
  private final Counter[] raised = new Counter[REASONS.length];
  private final Gauge[] gauges = new Gauge[REASONS.length];
  private final MeterRegistry registry;
  private int mask;

  /** Registers the gauges and counters in {@code registry}. */
  public GuardMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (GuardReason r : REASONS) {
      int i = r.ordinal();
      gauges[i] =
          Gauge.builder(ACTIVE, active, a -> a[i])
              .description(
                  "1 while the bot's guard for this reason is raised (quoting paused), else 0")
              .tag("reason", r.name())
              .strongReference(true)
              .register(registry);
      raised[i] =
          Counter.builder(RAISED)
              .description("Times the bot's guard for this reason went from clear to raised")
              .tag("reason", r.name())
              .register(registry);
    }
  }

  /** The guards now raised (a {@link GuardReason} mask). */
  public void update(int guards) {
    int rising = guards & ~mask;
    mask = guards;
    for (int i = 0; i < REASONS.length; i++) {
      int bit = 1 << i;
      active[i] = (guards & bit) != 0 ? 1 : 0;
      if ((rising & bit) != 0) {
        raised[i].increment();
      }
    }
  }

  /** Removes the meters from the registry (a registry shared by several runs). */
  @Override
  public void close() {
    for (int i = 0; i < REASONS.length; i++) {
      registry.remove(gauges[i]);
      registry.remove(raised[i]);
    }
  }
}
