package io.mmbot.chaos.exchange.model;

import io.mmbot.chaos.exchange.Endpoint;
import java.util.SplittableRandom;

/**
 * Round-trip times of the simulated network and exchange, drawn from one seeded stream. A REST
 * round trip is a fixed floor (the distance to the exchange) plus a narrow log-normal part; the
 * account endpoint takes longer (it aggregates balances). The request and the answer each take half
 * of the round trip, so an estimate of the clock offset from the midpoint is exact when no chaos
 * delays the request. WebSocket messages take a short one-way time.
 *
 * <p>The parameters are calibrated so that the bot's chaos-free tick (a parallel batch of about
 * three calls) has a p95 near 187 ms: see {@code docs/suite.md}.
 */
public final class LatencyModel {

  /** Floor of a REST round trip, ms. */
  public static final double REST_FLOOR_MS = 148;

  /** Median of the log-normal part, ms. */
  public static final double REST_MEDIAN_MS = 27;

  /** Shape (sigma) of the log-normal part. */
  public static final double REST_SIGMA = 0.17;

  /** Extra server time of the account endpoint (it aggregates balances), ms. */
  public static final double ACCOUNT_EXTRA_MS = 60;

  /** Floor of a WebSocket one-way delivery, ms. */
  public static final double WS_FLOOR_MS = 8;

  /** Mean of the exponential part of a WebSocket one-way delivery, ms. */
  public static final double WS_JITTER_MS = 4;

  private static final double LOG_MEDIAN = Math.log(REST_MEDIAN_MS);
  private static final long NANOS_PER_MS = 1_000_000L;

  private final SplittableRandom random;
  private final Gaussian gaussian;

  /** A model drawing from {@code random}. */
  public LatencyModel(SplittableRandom random) {
    this.random = random;
    this.gaussian = new Gaussian(random);
  }

  /** A REST round trip for {@code endpoint}, in nanoseconds. */
  public long restRoundTripNanos(Endpoint endpoint) {
    double ms = REST_FLOOR_MS + Math.exp(LOG_MEDIAN + REST_SIGMA * gaussian.next());
    if (endpoint == Endpoint.ACCOUNT) {
      ms += ACCOUNT_EXTRA_MS;
    }
    return (long) (ms * NANOS_PER_MS);
  }

  /** A WebSocket one-way delivery time, in nanoseconds. */
  public long wsOneWayNanos() {
    double ms = WS_FLOOR_MS - WS_JITTER_MS * Math.log(1 - random.nextDouble());
    return (long) (ms * NANOS_PER_MS);
  }

  /** A uniform draw in [lo, hi) nanoseconds. */
  public long uniformNanos(long lo, long hi) {
    return lo + (long) (random.nextDouble() * (hi - lo));
  }
}
