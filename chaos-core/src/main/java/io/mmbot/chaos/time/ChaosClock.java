package io.mmbot.chaos.time;

import io.mmbot.chaos.ChaosInjector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link Clock} that applies CLOCK_SKEW: each read adds {@link ChaosInjector#clockSkewOffsetMs()}
 * to the underlying clock, an offset that drifts within {@code ±clock_skew_ms} while a burst is on
 * (see the injector for the drift model) and is 0 otherwise (chaos off, between bursts, dry-run).
 *
 * <p>{@link #millis()} and {@link #instant()} agree: at the same moment both apply the same offset,
 * so {@code instant().toEpochMilli() == millis()} for a fixed base clock and time source. With a
 * CLOCK_SKEW probability below 1 a read may be unskewed, so two reads can disagree then; the
 * default probability is 1.
 *
 * <p>Counting: every {@link #millis()} or {@link #instant()} read for which the CLOCK_SKEW gate
 * fires counts as one CLOCK_SKEW injection (one would-be injection in dry-run), also when the
 * drifting offset happens to round to 0 ms; reads between bursts, with chaos off, and {@link
 * #getZone()} or {@link #withZone} count nothing. So {@code mm_chaos_injections_total{scenario=
 * "clock_skew"}} follows how often the bot reads the clock during bursts, not how many skew
 * episodes there were (one per burst).
 *
 * <p>Use it wherever the bot stamps requests or checks the exchange's server time, so that its
 * clock-skew guard can be exercised. Thread safety: immutable, safe for concurrent use.
 */
public final class ChaosClock extends Clock {

  private final Clock base;
  private final ChaosInjector injector;

  private ChaosClock(Clock base, ChaosInjector injector) {
    this.base = base;
    this.injector = injector;
  }

  /** {@code base} skewed by {@code injector}. */
  public static ChaosClock wrap(Clock base, ChaosInjector injector) {
    return new ChaosClock(
        Objects.requireNonNull(base, "base clock"), Objects.requireNonNull(injector, "injector"));
  }

  /** The system UTC clock skewed by {@code injector}. */
  public static ChaosClock systemUtc(ChaosInjector injector) {
    return wrap(Clock.systemUTC(), injector);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public ChaosClock withZone(ZoneId zone) {
    return new ChaosClock(base.withZone(Objects.requireNonNull(zone, "zone")), injector);
  }

  @Override
  public long millis() {
    return base.millis() + injector.clockSkewOffsetMs();
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(injector.clockSkewOffsetMs());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChaosClock
        && ((ChaosClock) o).base.equals(base)
        && ((ChaosClock) o).injector == injector;
  }

  @Override
  public int hashCode() {
    return base.hashCode() * 31 + System.identityHashCode(injector);
  }

  @Override
  public String toString() {
    return "ChaosClock{" + base + '}';
  }
}
