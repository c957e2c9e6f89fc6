package io.mmbot.chaos;

/**
 * The shape of a fault once its gate has fired: the magnitude of a delay or a clock skew, the kind
 * of a reconcile perturbation, the status of a synthetic 5xx, and where a lost or failed request
 * strikes. The injector declares these as its public methods and calls these bodies with itself.
 * Stateless; safe for concurrent use.
 */
final class FaultShapes {

  private static final int LAT_SPIKE = Scenario.LAT_SPIKE.ordinal();
  private static final int WS_LAG = Scenario.WS_LAG.ordinal();
  private static final int CLOCK_SKEW = Scenario.CLOCK_SKEW.ordinal();
  private static final int RECONCILE_MISMATCH = Scenario.RECONCILE_MISMATCH.ordinal();
  private static final int[] SYNTHETIC_5XX = {500, 502, 503, 504};
  private static final MismatchType[] MISMATCH_TYPES = MismatchType.values();

  private FaultShapes() {}

  /** See {@link ChaosInjector#latencyToAddMs()}. */
  static long latencyToAddMs(ChaosInjector inj) {
    InjectorState s = GateSteps.firedIn(inj, LAT_SPIKE);
    return s == null ? 0 : s.config.latSpikeMs();
  }

  /** See {@link ChaosInjector#wsLagToAddMs()}. */
  static long wsLagToAddMs(ChaosInjector inj) {
    InjectorState s = GateSteps.firedIn(inj, WS_LAG);
    return s == null ? 0 : s.config.wsLagMs();
  }

  /** See {@link ChaosInjector#clockSkewOffsetMs()}. */
  static long clockSkewOffsetMs(ChaosInjector inj) {
    InjectorState s = GateSteps.firedIn(inj, CLOCK_SKEW);
    if (s == null) {
      return 0;
    }
    long t;
    try {
      t = inj.clock.getAsLong() - s.windowStart;
    } catch (Throwable e) {
      inj.failures.clockFailed(e);
      return 0;
    }
    return SkewDrift.offsetMs(s.config.clockSkewMs(), t);
  }

  /** See {@link ChaosInjector#reconcileMismatchOrNull()}. */
  static MismatchType reconcileMismatchOrNull(ChaosInjector inj) {
    InjectorState s = GateSteps.firedIn(inj, RECONCILE_MISMATCH);
    if (s == null) {
      return null;
    }
    return MISMATCH_TYPES[s.draws.nextInt(InjectorState.CHOICE_STREAM, MISMATCH_TYPES.length)];
  }

  /** See {@link ChaosInjector#synthetic5xxStatus()}. */
  static int synthetic5xxStatus(InjectorState s) {
    return SYNTHETIC_5XX[s.draws.nextInt(InjectorState.CHOICE_STREAM, SYNTHETIC_5XX.length)];
  }

  /** See {@link ChaosInjector#strikesAfterSend()}. */
  static boolean strikesAfterSend(InjectorState s) {
    long t = Draws.threshold(s.config.unknownOutcomeShare());
    return s.draws.next(InjectorState.CHOICE_STREAM) < t;
  }

  /** See {@link ChaosInjector#netLossStage()}. */
  static NetLossStage netLossStage(InjectorState s) {
    ChaosConfig c = s.config;
    long u = s.draws.next(InjectorState.CHOICE_STREAM);
    if (u >= Draws.threshold(c.unknownOutcomeShare())) {
      return NetLossStage.BEFORE_SEND;
    }
    return u < Draws.threshold(c.unknownOutcomeShare() * c.netLossCutShare())
        ? NetLossStage.RESPONSE_CUT
        : NetLossStage.RESPONSE_LOST;
  }
}
