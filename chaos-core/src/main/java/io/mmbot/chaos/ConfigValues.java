package io.mmbot.chaos;

import java.util.List;

/**
 * Every value of one {@link ChaosConfig}, in one place: the configuration's equality and hash come
 * from this record, its text from {@link #toString()}, which names the config keys.
 *
 * @param scenarios one setting per {@link Scenario}, by ordinal
 */
record ConfigValues(
    boolean enabled,
    boolean dryRun,
    List<ScenarioSetting> scenarios,
    long burstOnSec,
    long burstOffSec,
    long maxDurationSec,
    double trafficPct,
    double instancePct,
    double unknownOutcomeShare,
    boolean dnsFlapEvictPool,
    double netLossCutShare,
    RollbackConfig rollback,
    boolean hasSeed,
    long seed,
    String instanceId) {

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ChaosConfig{enabled=").append(enabled);
    b.append(", dry_run=").append(dryRun);
    for (Scenario s : Scenario.values()) {
      ScenarioSetting set = scenarios.get(s.ordinal());
      b.append(", ").append(s.configKey()).append('=');
      switch (s.kind()) {
        case MAGNITUDE:
          b.append((long) set.intensity()).append(" (p=").append(set.probability()).append(')');
          break;
        case RATE:
          b.append(set.intensity()).append("/min");
          break;
        default:
          b.append(set.intensity());
      }
    }
    b.append(", burst_on_sec=").append(burstOnSec);
    b.append(", burst_off_sec=").append(burstOffSec);
    b.append(", max_duration_sec=").append(maxDurationSec);
    b.append(", traffic_pct=").append(trafficPct);
    b.append(", instance_pct=").append(instancePct);
    for (Scenario s : Scenario.values()) {
      if (s.kind() == Scenario.Kind.WAVE) {
        b.append(", ").append(ScenarioSetting.runCallsLabel(s)).append('=');
        b.append(scenarios.get(s.ordinal()).runCalls());
      }
    }
    b.append(", unknown_outcome_share=").append(unknownOutcomeShare);
    if (dnsFlapEvictPool) {
      b.append(", dns_flap_evict_pool=true");
    }
    b.append(", net_loss.cut_share=").append(netLossCutShare);
    b.append(", rollback=").append(rollback);
    b.append(", seed=").append(hasSeed ? Long.toString(seed) : "none");
    if (!instanceId.isEmpty()) {
      b.append(", instance_id=").append(instanceId);
    }
    return b.append('}').toString();
  }
}
