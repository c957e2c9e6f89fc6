package io.mmbot.chaos;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One immutable snapshot of everything a gate needs: the configuration, whether chaos is live on
 * this instance, and the burst window that contains the present moment. The injector publishes it
 * through one volatile field; a gate reads it once, so it sees either the old or the new
 * configuration, never a mix.
 *
 * <p>Design note: instead of computing {@code (now - start) % period} on every call, the snapshot
 * holds the bounds of the current burst window. A gate compares {@code now} with those bounds and
 * only when it has left the window computes the next one and publishes a new snapshot (an
 * allocation per boundary, not per call). Expiry is folded into the window's end so that it costs
 * nothing extra. All comparisons use differences so that {@code nanoTime} wrap-around is harmless.
 */
final class InjectorState {

  /** Stream index for the blast-radius (traffic) draw. */
  static final int TRAFFIC_STREAM = Scenario.values().length;

  /** Stream index for auxiliary choices (status codes, mismatch types, before/after send). */
  static final int CHOICE_STREAM = TRAFFIC_STREAM + 1;

  private static final long NANOS_PER_SEC = 1_000_000_000L;
  private static final long FAR = 1L << 62;

  final ChaosConfig config;
  final boolean live;
  final boolean dryRun;
  final Draws draws;
  final long cycleStart;
  final boolean expires;
  final long expiresAt;
  final boolean active;
  final long windowStart;
  final long windowEnd;

  /** Per scenario: draw threshold (probability scenarios already scaled by traffic share). */
  final long[] thresholds;

  /** Draw threshold of the traffic share; {@link Long#MAX_VALUE} when all traffic is in. */
  final long trafficThreshold;

  /** Remaining calls of the current 429 wave and of the current storm. */
  final AtomicInteger waveRemaining;

  final AtomicInteger stormRemaining;

  private InjectorState(
      ChaosConfig config, boolean live, Draws draws, long cycleStart, long now, long[] thresholds) {
    this.config = config;
    this.live = live;
    this.dryRun = config.dryRun();
    this.draws = draws;
    this.cycleStart = cycleStart;
    this.expires = config.maxDurationSec() > 0;
    this.expiresAt = cycleStart + config.maxDurationSec() * NANOS_PER_SEC;
    this.thresholds = thresholds;
    this.trafficThreshold =
        config.trafficPct() >= 100 ? Long.MAX_VALUE : Draws.threshold(config.trafficPct() / 100);
    this.waveRemaining = new AtomicInteger();
    this.stormRemaining = new AtomicInteger();

    long on = config.burstOnSec() * NANOS_PER_SEC;
    long off = config.burstOffSec() * NANOS_PER_SEC;
    long start;
    long end;
    boolean isActive;
    if (!live) {
      isActive = false;
      start = now - FAR;
      end = now + FAR;
    } else if (off == 0) {
      isActive = true;
      start = cycleStart;
      end = cycleStart + FAR;
    } else {
      long period = on + off;
      long k = Math.floorDiv(now - cycleStart, period);
      long periodStart = cycleStart + k * period;
      isActive = now - periodStart < on;
      start = isActive ? periodStart : periodStart + on;
      end = isActive ? periodStart + on : periodStart + period;
    }
    if (live && expires && end - expiresAt > 0) {
      end = expiresAt;
    }
    this.active = isActive;
    this.windowStart = start;
    this.windowEnd = end;
  }

  /** A live or dormant snapshot of {@code config} at {@code now}. */
  static InjectorState of(
      ChaosConfig config, boolean instanceSelected, Draws draws, long cycleStart, long now) {
    boolean live = config.enabled() && instanceSelected;
    return new InjectorState(
        config, live, draws, cycleStart, now, live ? thresholds(config) : new long[0]);
  }

  /** The snapshot for the burst window that contains {@code now}, same configuration. */
  InjectorState at(long now) {
    return new InjectorState(config, live, draws, cycleStart, now, thresholds);
  }

  /** Whether {@code now} lies in this snapshot's window. */
  boolean contains(long now) {
    return now - windowStart >= 0 && now - windowEnd < 0;
  }

  /** Whether the expiry has passed at {@code now}. */
  boolean expiredAt(long now) {
    return live && expires && now - expiresAt >= 0;
  }

  private static long[] thresholds(ChaosConfig c) {
    double traffic = c.trafficPct() / 100;
    long[] t = new long[Scenario.values().length];
    for (Scenario s : Scenario.values()) {
      switch (s.kind()) {
        case PROBABILITY:
        case MAGNITUDE:
          t[s.ordinal()] = Draws.threshold(c.probability(s) * traffic);
          break;
        case WAVE:
          t[s.ordinal()] = Draws.threshold(waveStartProbability(c.intensity(s), c.runCalls(s)));
          break;
        case RATE:
          t[s.ordinal()] = c.wsDisconnect() > 0 ? 1 : 0; // marks the gate as configured
          break;
      }
    }
    return t;
  }

  /**
   * The chance that a call outside a wave starts one, so that waves of {@code calls} consecutive
   * calls cover a long-run share {@code share} of all calls: with q the start chance and L the
   * length, the share is {@code L / (L + (1 - q) / q)}, which solved for q gives {@code share / (L
   * (1 - share) + share)}.
   */
  static double waveStartProbability(double share, int calls) {
    if (share <= 0) {
      return 0;
    }
    return share / (calls * (1 - share) + share);
  }
}
