package io.mmbot.chaos;

/**
 * The blast radius: {@code traffic_pct}, the share of calls a gate may touch (an independent draw
 * per call, on a stream of its own), and {@code instance_pct}, the share of instances, chosen by a
 * stable hash of the instance id so that the same id is always in or out. Stateless.
 */
final class BlastRadius {

  private BlastRadius() {}

  /** Whether this call falls inside the traffic share of {@code s}. */
  static boolean inTraffic(InjectorState s) {
    long t = s.trafficThreshold;
    return t == Long.MAX_VALUE || s.draws.next(InjectorState.TRAFFIC_STREAM) < t;
  }

  /**
   * Whether the instance {@code instanceId} falls inside {@code instancePct} percent (always, at
   * 100: every position is below it).
   */
  static boolean selected(String instanceId, double instancePct) {
    // A stable position of this instance in [0, 100): the same id is always in or out.
    long h = instanceId.hashCode() * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    double position = (h >>> 11) * 0x1p-53 * 100;
    return position < instancePct;
  }
}
