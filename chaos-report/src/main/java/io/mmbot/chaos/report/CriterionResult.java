package io.mmbot.chaos.report;

/**
 * How the runs of one scenario did against one criterion: the worst run's value next to its target,
 * and how many runs missed it.
 *
 * @param criterion the criterion
 * @param target the worst run's target
 * @param margin the worst run's margin (see {@link Criterion#margin(RunRecord)})
 * @param worstValue the worst run's measured value
 * @param worstRun the worst run's label ({@link RunRecord#label()})
 * @param runsMissing how many runs missed the target
 * @param runsJudged how many runs recorded the value
 */
public record CriterionResult(
    Criterion criterion,
    double target,
    double margin,
    double worstValue,
    String worstRun,
    int runsMissing,
    int runsJudged) {

  /** Whether the worst run met the target (then every run did). */
  public boolean met() {
    return criterion.met(worstValue, target);
  }

  /**
   * How far the worst value lies beyond the target, in units of the margin: negative when met (the
   * share of the margin left is its negation), positive when missed. For criteria without a margin
   * this is the plain difference.
   */
  public double excessInMargins() {
    double diff = worstValue - target;
    double excess = margin > 0 ? diff / margin : diff;
    // Report values carry two decimals: round away binary noise such as 0.09999999999999998,
    // so that a value exactly on a severity boundary is judged by its written figures.
    return Math.round(excess * 1e9) / 1e9;
  }
}
