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
    p.b.append("# ").append(source).append(": valid. The chaos: block as understood");
    p.b.append(" (every key, defaults included).\n");
    if (!c.enabled()) {
      p.b.append("# Chaos is OFF: enabled is false (or the file has no chaos: block).\n");
    } else if (c.dryRun()) {
      p.b.append("# Chaos is ON in shadow mode: gates are counted, nothing is perturbed.\n");
    } else {
      p.b.append("# Chaos is ON: faults are injected.\n");
    }
    p.b.append("chaos:\n");
    p.line(1, "enabled", Boolean.toString(c.enabled()), null);
    p.line(
        1,
        "dry_run",
        Boolean.toString(c.dryRun()),
        c.dryRun() ? "shadow: nothing is perturbed" : null);
    if (c.hasSeed()) {
      p.line(1, "seed", Long.toString(c.seed()), "reproducible decisions");
    } else {
      p.b.append("  # seed: none (decisions are not reproducible)\n");
    }
    if (c.netLossCutShare() == ChaosConfig.DEFAULT_NET_LOSS_CUT_SHARE) {
      p.line(1, "net_loss", num(c.netLoss()), null);
    } else {
      p.block("net_loss");
      p.line(2, "probability", num(c.netLoss()), null);
      p.line(2, "cut_share", num(c.netLossCutShare()), "after-send losses cut mid-response");
    }
    p.block("exch_429");
    p.line(2, "probability", num(c.exch429()), "long-run share of calls, in waves");
    p.line(2, "wave_calls", Integer.toString(c.exch429WaveCalls()), null);
    p.line(1, "exch_5xx", num(c.exch5xx()), null);
    p.block("lat_spike");
    p.line(2, "magnitude_ms", Long.toString(c.latSpikeMs()), null);
    p.line(2, "probability", num(c.latSpikeProbability()), "per call");
    p.block("ws_lag");
    p.line(2, "magnitude_ms", Long.toString(c.wsLagMs()), null);
    p.line(2, "probability", num(c.wsLagProbability()), "per message");
    p.line(1, "ws_disconnect", num(c.wsDisconnect()), "per minute");
    p.line(1, "dns_flap", num(c.dnsFlap()), null);
    p.block("clock_skew");
    p.line(2, "magnitude_ms", Long.toString(c.clockSkewMs()), "plus or minus");
    p.line(2, "probability", num(c.clockSkewProbability()), null);
    p.block("rate_limit_storm");
    p.line(2, "probability", num(c.rateLimitStorm()), "long-run share of calls, in storms");
    p.line(2, "storm_calls", Integer.toString(c.rateLimitStormCalls()), null);
    p.line(1, "reconcile_mismatch", num(c.reconcileMismatch()), null);
    p.line(1, "burst_on_sec", Long.toString(c.burstOnSec()), null);
    p.line(
        1,
        "burst_off_sec",
        Long.toString(c.burstOffSec()),
        c.burstOffSec() == 0 ? "continuous chaos" : null);
    p.line(
        1,
        "max_duration_sec",
        Long.toString(c.maxDurationSec()),
        c.maxDurationSec() == 0 ? "never expires" : null);
    p.line(1, "traffic_pct", num(c.trafficPct()), "share of calls chaos may touch");
    p.line(1, "instance_pct", num(c.instancePct()), "share of instances chaos may touch");
    if (!c.instanceId().isEmpty()) {
      p.line(1, "instance_id", quoted(c.instanceId()), "this instance, for instance_pct");
    } else {
      p.b.append("  # instance_id: none (MM_CHAOS_INSTANCE_ID, else the host name)\n");
    }
    p.line(1, "unknown_outcome_share", num(c.unknownOutcomeShare()), null);
    if (c.dnsFlapEvictPool()) {
      p.line(
          1, "dns_flap_evict_pool", "true", "dns_flap drawn per call, pooled connections evicted");
    }
    RollbackConfig r = c.rollback();
    p.block("rollback");
    p.line(2, "enabled", Boolean.toString(r.enabled()), null);
    p.line(2, "p95_tick_increase_pct", num(r.p95TickIncreasePct()), null);
    p.line(2, "p95_tick_window_sec", Long.toString(r.p95TickWindowSec()), null);
    p.line(
        2,
        "baseline_p95_ms",
        num(r.baselineP95Ms()),
        r.baselineP95Ms() == 0 ? "measured on chaos-off ticks" : null);
    p.line(2, "deadline_miss_pct", num(r.deadlineMissPct()), null);
    p.line(2, "deadline_miss_window_sec", Long.toString(r.deadlineMissWindowSec()), null);
    p.line(2, "partial_fail_pct", num(r.partialFailPct()), null);
    p.line(2, "partial_fail_window_sec", Long.toString(r.partialFailWindowSec()), null);
    return p.b.toString();
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
