package io.mmbot.chaos.report.cli;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.RollbackConfig;
import java.math.BigDecimal;

/**
 * Writes a {@link ChaosConfig} back as a {@code chaos:} block: every key with its effective value,
 * defaults included, magnitude and wave scenarios in their structured form, remarks as YAML
 * comments. The output is valid input for the config loader and binds to an equal configuration.
 */
final class ConfigPrinter {

  private final StringBuilder b = new StringBuilder(1024);

  private ConfigPrinter() {}

  static String print(String source, ChaosConfig c) {
    ConfigPrinter p = new ConfigPrinter();
    p.header(source, c);
    p.switches(c);
    p.scenarios(c);
    p.reach(c);
    p.rollback(c.rollback());
    return p.b.toString();
  }

  /** The comment lines that say whether chaos is on, and the {@code chaos:} line. */
  private void header(String source, ChaosConfig c) {
    b.append("# ").append(source).append(": valid. The chaos: block as understood");
    b.append(" (every key, defaults included).\n");
    if (!c.enabled()) {
      b.append("# Chaos is OFF: enabled is false (or the file has no chaos: block).\n");
    } else if (c.dryRun()) {
      b.append("# Chaos is ON in shadow mode: gates are counted, nothing is perturbed.\n");
    } else {
      b.append("# Chaos is ON: faults are injected.\n");
    }
    b.append("chaos:\n");
  }

  /** {@code enabled}, {@code dry_run} and the seed. */
  private void switches(ChaosConfig c) {
    line(1, "enabled", Boolean.toString(c.enabled()), null);
    line(
        1,
        "dry_run",
        Boolean.toString(c.dryRun()),
        c.dryRun() ? "shadow: nothing is perturbed" : null);
    if (c.hasSeed()) {
      line(1, "seed", Long.toString(c.seed()), "reproducible decisions");
    } else {
      b.append("  # seed: none (decisions are not reproducible)\n");
    }
  }

  /** The ten scenarios, magnitude and wave ones in their structured form. */
  private void scenarios(ChaosConfig c) {
    if (c.netLossCutShare() == ChaosConfig.DEFAULT_NET_LOSS_CUT_SHARE) {
      line(1, "net_loss", num(c.netLoss()), null);
    } else {
      block("net_loss");
      line(2, "probability", num(c.netLoss()), null);
      line(2, "cut_share", num(c.netLossCutShare()), "after-send losses cut mid-response");
    }
    block("exch_429");
    line(2, "probability", num(c.exch429()), "long-run share of calls, in waves");
    line(2, "wave_calls", Integer.toString(c.exch429WaveCalls()), null);
    line(1, "exch_5xx", num(c.exch5xx()), null);
    block("lat_spike");
    line(2, "magnitude_ms", Long.toString(c.latSpikeMs()), null);
    line(2, "probability", num(c.latSpikeProbability()), "per call");
    block("ws_lag");
    line(2, "magnitude_ms", Long.toString(c.wsLagMs()), null);
    line(2, "probability", num(c.wsLagProbability()), "per message");
    line(1, "ws_disconnect", num(c.wsDisconnect()), "per minute");
    line(1, "dns_flap", num(c.dnsFlap()), null);
    block("clock_skew");
    line(2, "magnitude_ms", Long.toString(c.clockSkewMs()), "plus or minus");
    line(2, "probability", num(c.clockSkewProbability()), null);
    block("rate_limit_storm");
    line(2, "probability", num(c.rateLimitStorm()), "long-run share of calls, in storms");
    line(2, "storm_calls", Integer.toString(c.rateLimitStormCalls()), null);
    line(1, "reconcile_mismatch", num(c.reconcileMismatch()), null);
  }

  /** The burst clock, the expiry, the blast radius and how faults strike. */
  private void reach(ChaosConfig c) {
    line(1, "burst_on_sec", Long.toString(c.burstOnSec()), null);
    line(
        1,
        "burst_off_sec",
        Long.toString(c.burstOffSec()),
        c.burstOffSec() == 0 ? "continuous chaos" : null);
    line(
        1,
        "max_duration_sec",
        Long.toString(c.maxDurationSec()),
        c.maxDurationSec() == 0 ? "never expires" : null);
    line(1, "traffic_pct", num(c.trafficPct()), "share of calls chaos may touch");
    line(1, "instance_pct", num(c.instancePct()), "share of instances chaos may touch");
    if (!c.instanceId().isEmpty()) {
      line(1, "instance_id", quoted(c.instanceId()), "this instance, for instance_pct");
    } else {
      b.append("  # instance_id: none (MM_CHAOS_INSTANCE_ID, else the host name)\n");
    }
    line(1, "unknown_outcome_share", num(c.unknownOutcomeShare()), null);
    if (c.dnsFlapEvictPool()) {
      line(1, "dns_flap_evict_pool", "true", "dns_flap drawn per call, pooled connections evicted");
    }
  }

  /** The {@code rollback:} block. */
  private void rollback(RollbackConfig r) {
    block("rollback");
    line(2, "enabled", Boolean.toString(r.enabled()), null);
    line(2, "p95_tick_increase_pct", num(r.p95TickIncreasePct()), null);
    line(2, "p95_tick_window_sec", Long.toString(r.p95TickWindowSec()), null);
    line(
        2,
        "baseline_p95_ms",
        num(r.baselineP95Ms()),
        r.baselineP95Ms() == 0 ? "measured on chaos-off ticks" : null);
    line(2, "deadline_miss_pct", num(r.deadlineMissPct()), null);
    line(2, "deadline_miss_window_sec", Long.toString(r.deadlineMissWindowSec()), null);
    line(2, "partial_fail_pct", num(r.partialFailPct()), null);
    line(2, "partial_fail_window_sec", Long.toString(r.partialFailWindowSec()), null);
  }

  private void block(String key) {
    b.append("  ").append(key).append(":\n");
  }

  private void line(int depth, String key, String value, String comment) {
    int start = b.length();
    b.append("  ".repeat(depth)).append(key).append(": ").append(value);
    if (comment != null) {
      int pad = Math.max(1, 34 - (b.length() - start));
      b.append(" ".repeat(pad)).append("# ").append(comment);
    }
    b.append('\n');
  }

  /** A YAML double-quoted string. */
  static String quoted(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        q.append('\\');
      }
      q.append(ch);
    }
    return q.append('"').toString();
  }

  /** A plain decimal without exponent or trailing zeros: {@code 0.05}, {@code 1}, {@code 100}. */
  static String num(double v) {
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
