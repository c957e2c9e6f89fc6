package io.mmbot.chaos.examples.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.exchange.sim.SimExchange;
import io.mmbot.chaos.report.AtomicFiles;
import io.mmbot.chaos.report.RunReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes run records in the format chaos-report reads ({@link RunReader}, schema version {@value
 * RunReader#SCHEMA_VERSION}): the contract's fields, the optional metrics the report judges, and
 * the suite's extras (seed, bot, exchange, in-burst and after-recovery figures, recovery per burst,
 * guard codes, injections per scenario, invariants, checks, replay command, event-log hash,
 * timeline). A stress run's {@code scenario} is the library scenario it drives, and its {@code
 * stress} names it. Times are virtual; the same simulated run always gives the same bytes (a
 * loopback run is in real time and says so in {@code time}, with the same nominal timestamps).
 */
public final class RunRecords {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RunRecords() {}

  /**
   * The file name of a run: {@code <scenario>-<seed>.json}, a stress run's named by its stress
   * scenario ({@code <stress>-<seed>.json}).
   */
  public static String fileName(RunResult r) {
    return r.plan().key() + "-" + r.plan().seed() + ".json";
  }

  /** Writes {@code r} into {@code dir} atomically; returns the file. */
  public static Path write(Path dir, RunResult r, boolean defaultDuration) throws IOException {
    Path f = dir.resolve(fileName(r));
    AtomicFiles.write(f, json(r, defaultDuration));
    return f;
  }

  /** The JSON text of a run record. */
  public static String json(RunResult r, boolean defaultDuration) {
    ObjectNode o = MAPPER.createObjectNode();
    putRun(o, r);
    putMetrics(o.putObject("metrics"), r);
    putMeasured(o.putObject("measured"), r);
    putInvariants(o.putObject("invariants"), r);
    ObjectNode checks = o.putObject("failed_checks");
    r.failures().forEach((c, msg) -> checks.put(c.name().toLowerCase(Locale.ROOT), msg));
    o.put("replay", r.replay(defaultDuration));
    if (r.external() != null) {
      ExternalRecords.put(o.putObject("external"), r.external());
    }
    o.put("event_log_hash", String.format(Locale.ROOT, "%016x", r.tally().eventLogHash()));
    putTimeline(o.putObject("timeline"), r.timeline());
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What ran, where, when and with what result. */
  private static void putRun(ObjectNode o, RunResult r) {
    RunPlan plan = r.plan();
    o.put("schema_version", RunReader.SCHEMA_VERSION);
    o.put("scenario", plan.scenarioKey());
    if (plan.stress() != null) {
      o.put("stress", plan.stress().key());
    }
    o.put("intensity", plan.intensity());
    o.put("duration_sec", plan.durationSec());
    o.put("result", r.passed() ? "pass" : "fail");
    o.put("seed", plan.seed());
    o.put("bot", plan.bot());
    o.put("exchange", plan.exchange());
    Instant start = Instant.ofEpochMilli(SimExchange.START_EPOCH_MS);
    o.put("started_at", start.toString());
    o.put("finished_at", start.plusSeconds(plan.durationSec()).toString());
    o.put("time", plan.exchange().equals("loopback") ? "real (compressed bursts)" : "virtual");
    if (r.external() != null) {
      o.put("inject", r.external().inject());
      o.put("bot_cmd", r.external().command());
      o.put("compression", r.external().compression());
    }
  }

  /** The contract's metrics, which chaos-report judges. */
  private static void putMetrics(ObjectNode m, RunResult r) {
    m.put("p95_tick_ms", Stats.round2(r.latency().p95BurstMs()));
    m.put("deadline_miss_pct", Stats.round2(r.shares().deadlineMissPct()));
    m.put("recovery_ticks", r.recovery().worstTicks());
    m.put("baseline_p95_tick_ms", Stats.round2(r.baseline().p95Ms()));
    m.put("p99_tick_ms", Stats.round2(r.latency().p99BurstMs()));
    m.put("reconnect_ticks", r.connection().reconnectTicks());
    m.put("cancel_storms", r.storms().cancelStorms());
    m.put("retry_storms", r.storms().retryStorms());
    m.put("duplicate_orders", r.orders().duplicateOrders());
    m.put("orphan_orders", r.unknowns().orphanOrders());
    m.put("bans_418", r.tally().bans418());
  }

  /** The suite's own figures: in bursts, after recovery, per burst, guards and injections. */
  private static void putMeasured(ObjectNode x, RunResult r) {
    TickLatency latency = r.latency();
    TickShares shares = r.shares();
    x.put("ticks", latency.ticks());
    x.put("burst_ticks", latency.burstTicks());
    x.put("burst_p95_tick_ms", Stats.round2(latency.p95BurstMs()));
    x.put("burst_p99_tick_ms", Stats.round2(latency.p99BurstMs()));
    x.put("burst_deadline_miss_pct", Stats.round2(shares.deadlineMissBurstPct()));
    x.put("run_p95_tick_ms", Stats.round2(latency.p95RunMs()));
    x.put("run_p99_tick_ms", Stats.round2(latency.p99RunMs()));
    x.put("after_recovery_p95_tick_ms", Stats.round2(latency.p95AfterRecoveryMs()));
    x.put("after_recovery_deadline_miss_pct", Stats.round2(shares.deadlineMissAfterPct()));
    x.put("baseline_deadline_miss_pct", Stats.round2(r.baseline().deadlineMissPct()));
    x.put(
        "burst_vs_baseline_p95_pct", Stats.round2(pct(latency.p95BurstMs(), r.baseline().p95Ms())));
    ArrayNode rec = x.putArray("recovery_ticks_per_burst");
    r.recovery().perBurst().forEach(rec::add);
    x.put("max_cancels_per_sec", r.storms().maxCancelsPerSecond());
    x.put("max_retries_per_sec", r.storms().maxRetriesPerSecond());
    x.put("burst_quoting_pct", Stats.round2(shares.quotingBurstPct()));
    x.put("ws_gap_p95_burst_ms", Stats.round2(r.connection().wsGapP95BurstMs()));
    x.put("ws_gap_p95_after_recovery_ms", Stats.round2(r.connection().wsGapP95AfterMs()));
    x.put("baseline_ws_gap_p95_ms", Stats.round2(r.baseline().wsGapP95Ms()));
    x.put("dns_failures", r.connection().dnsFailures());
    x.put("retry_after_violations", r.storms().retryAfterViolations());
    x.put("weight_refusals", r.tally().weightRefusals());
    x.put("abandoned_orders", r.orders().abandonedOrders());
    x.put("timestamp_rejections", r.tally().timestampRejections());
    x.put("max_resolve_ticks", r.reconcile().maxPendingTicks());
    ArrayNode guards = x.putArray("guard_codes_seen");
    for (GuardReason g : GuardReason.of(r.guards().seen())) {
      guards.add(g.name());
    }
    ObjectNode inj = x.putObject("injections");
    for (Scenario s : Scenario.values()) {
      inj.put(s.key(), r.tally().injections(s));
    }
  }

  /** The invariants chaos-report reads. */
  private static void putInvariants(ObjectNode inv, RunResult r) {
    inv.put("no_duplicate_order", r.orders().duplicateOrders() == 0);
    inv.put("no_orphan_after_one_tick", r.unknowns().orphanOrders() == 0);
    inv.put("open_orders_within_limit", !r.failures().containsKey(Check.OPEN_ORDER_LIMIT));
    inv.put("max_open_orders", r.orders().maxOpenOrders());
    inv.put("no_418", r.tally().bans418() == 0);
  }

  /** The tick timeline in windows, for the report. */
  private static void putTimeline(ObjectNode t, TickTimeline timeline) {
    t.put("window_sec", timeline.windowSec());
    ArrayNode w = t.putArray("windows");
    for (double[] win : timeline.windows()) {
      ObjectNode e = w.addObject();
      e.put("start_sec", Stats.round2(win[0]));
      e.put("p95_tick_ms", Stats.round2(win[1]));
      e.put("deadline_misses", (long) win[2]);
      e.put("burst", win[3] != 0);
      e.put("injections", (long) win[4]);
    }
  }

  private static double pct(double v, double base) {
    return base <= 0 ? 0 : 100.0 * (v - base) / base;
  }
}
