package io.mmbot.chaos;

/**
 * One draw that picks at most one HTTP fault for a request, so that every scenario's share of
 * requests is its configured intensity even when several are on at once: NET_LOSS and EXCH_5XX hit
 * a share {@code p} of requests, EXCH_429 waves and RATE_LIMIT_STORM storms cover a share {@code p}
 * of requests with runs of {@code exch429WaveCalls} and {@code rateLimitStormCalls} consecutive
 * calls.
 *
 * <p>When the four intensities sum to more than 1, they are served in the precedence NET_LOSS,
 * RATE_LIMIT_STORM, EXCH_429, EXCH_5XX: each gets its intensity while what is left allows and the
 * rest gets what remains, so every request meets a fault and the first scenarios keep exactly what
 * was asked of them.
 *
 * <p>Design: a request inside a storm or a wave belongs to it. Any other request (a "free" one)
 * draws one uniform number that falls into one of four regions: a loss, the start of a storm, the
 * start of a wave, a server error, or none. With shares {@code n, s, w, e}, run lengths {@code Ls,
 * Lw} and {@code F} the share of free requests, the share of requests in storms is {@code F c Ls}
 * for a start region of width {@code c}, and so on; solving for the region widths gives {@code F =
 * 1 - s (1 - 1/Ls) - w (1 - 1/Lw)}, widths {@code n/F, s/(F Ls), w/(F Lw), e/F}, and widths that
 * add up to at most 1 exactly when {@code n + s + w + e <= 1}. The widths are computed once per
 * configuration. The runs themselves are the injector's (they end with the burst, as the single
 * gates' runs do).
 */
final class HttpFaultChoice {

  /** A draw stream of its own, so the choice does not shift the single gates' draws. */
  static final int STREAM = InjectorState.CHOICE_STREAM + 1;

  static final int NET_LOSS = Scenario.NET_LOSS.ordinal();
  static final int EXCH_429 = Scenario.EXCH_429.ordinal();
  static final int EXCH_5XX = Scenario.EXCH_5XX.ordinal();
  static final int STORM = Scenario.RATE_LIMIT_STORM.ordinal();

  private volatile Regions cached;

  /** The ordinal of the fault for this request in {@code s}, or -1 for none. */
  int choose(InjectorState s) {
    if (RunGate.takeOne(s.stormRemaining)) {
      return STORM;
    }
    if (RunGate.takeOne(s.waveRemaining)) {
      return EXCH_429;
    }
    Regions r = regions(s.config);
    if (r.none) {
      return -1;
    }
    long u = s.draws.next(STREAM);
    if (u < r.loss) {
      return NET_LOSS;
    }
    if (u < r.storm) {
      s.stormRemaining.set(s.config.rateLimitStormCalls() - 1);
      return STORM;
    }
    if (u < r.wave) {
      s.waveRemaining.set(s.config.exch429WaveCalls() - 1);
      return EXCH_429;
    }
    return u < r.serverError ? EXCH_5XX : -1;
  }

  private Regions regions(ChaosConfig c) {
    Regions r = cached;
    if (r == null || r.config != c) {
      r = new Regions(c);
      cached = r;
    }
    return r;
  }

  /** The shares actually served for {@code c}, in the order NET_LOSS, storm, wave, 5xx. */
  static double[] servedShares(ChaosConfig c) {
    double left = 1;
    double[] asked = {c.netLoss(), c.rateLimitStorm(), c.exch429(), c.exch5xx()};
    double[] served = new double[4];
    for (int i = 0; i < 4; i++) {
      served[i] = Math.max(0, Math.min(asked[i], left));
      left -= served[i];
    }
    return served;
  }

  /** Cumulative draw thresholds of the four regions for one configuration. */
  private static final class Regions {
    final ChaosConfig config;
    final boolean none;
    final long loss;
    final long storm;
    final long wave;
    final long serverError;

    Regions(ChaosConfig c) {
      config = c;
      double[] p = servedShares(c);
      double ls = c.rateLimitStormCalls();
      double lw = c.exch429WaveCalls();
      double free = 1 - p[1] * (1 - 1 / ls) - p[2] * (1 - 1 / lw);
      double a = p[0] / free;
      double b = a + p[1] / (free * ls);
      double d = b + p[2] / (free * lw);
      double e = d + p[3] / free;
      none = p[0] + p[1] + p[2] + p[3] == 0;
      loss = threshold(a);
      storm = threshold(b);
      wave = threshold(d);
      serverError = threshold(e);
    }

    private static long threshold(double cumulative) {
      return cumulative >= 1 ? Long.MAX_VALUE : Draws.threshold(cumulative);
    }
  }
}
