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
  public static String fileName(RunResult run) {
    return run.plan().key() + "-" + run.plan().seed() + ".json";
  }

  /** Writes {@code run} into {@code dir} atomically; returns the file. */
  public static Path write(Path dir, RunResult run, boolean defaultDuration) throws IOException {
    Path f = dir.resolve(fileName(run));
    AtomicFiles.write(f, json(run, defaultDuration));
    return f;
  }

  /** The JSON text of a run record. */
  public static String json(RunResult run, boolean defaultDuration) {
    ObjectNode record = MAPPER.createObjectNode();
    putRun(record, run);
    putMetrics(record.putObject("metrics"), run);
    putMeasured(record.putObject("measured"), run);
    putInvariants(record.putObject("invariants"), run);
    ObjectNode checks = record.putObject("failed_checks");
    run.failures().forEach((c, msg) -> checks.put(c.name().toLowerCase(Locale.ROOT), msg));
    record.put("replay", run.replay(defaultDuration));
    if (run.external() != null) {
      ExternalRecords.put(record.putObject("external"), run.external());
    }
    record.put("event_log_hash", String.format(Locale.ROOT, "%016x", run.tally().eventLogHash()));
    putTimeline(record.putObject("timeline"), run.timeline());
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(record) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What ran, where, when and with what result. */
  private static void putRun(ObjectNode record, RunResult run) {
    RunPlan plan = run.plan();
    record.put("schema_version", RunReader.SCHEMA_VERSION);
    record.put("scenario", plan.scenarioKey());
    if (plan.stress() != null) {
      record.put("stress", plan.stress().key());
    }
    record.put("intensity", plan.intensity());
    record.put("duration_sec", plan.durationSec());
    record.put("result", run.passed() ? "pass" : "fail");
    record.put("seed", plan.seed());
    record.put("bot", plan.bot());
    record.put("exchange", plan.exchange());
    Instant start = Instant.ofEpochMilli(SimExchange.START_EPOCH_MS);
    record.put("started_at", start.toString());
    record.put("finished_at", start.plusSeconds(plan.durationSec()).toString());
    record.put("time", plan.exchange().equals("loopback") ? "real (compressed bursts)" : "virtual");
    if (run.external() != null) {
      record.put("inject", run.external().inject());
      record.put("bot_cmd", run.external().command());
      record.put("compression", run.external().compression());
    }
  }

  /** The contract's metrics, which chaos-report judges. */
  private static void putMetrics(ObjectNode metrics, RunResult run) {
    metrics.put("p95_tick_ms", Stats.round2(run.latency().p95BurstMs()));
    metrics.put("deadline_miss_pct", Stats.round2(run.shares().deadlineMissPct()));
    metrics.put("recovery_ticks", run.recovery().worstTicks());
    metrics.put("baseline_p95_tick_ms", Stats.round2(run.baseline().p95Ms()));
    metrics.put("p99_tick_ms", Stats.round2(run.latency().p99BurstMs()));
    metrics.put("reconnect_ticks", run.connection().reconnectTicks());
    metrics.put("cancel_storms", run.storms().cancelStorms());
    metrics.put("retry_storms", run.storms().retryStorms());
    metrics.put("duplicate_orders", run.orders().duplicateOrders());
    metrics.put("orphan_orders", run.unknowns().orphanOrders());
    metrics.put("bans_418", run.tally().bans418());
  }

  /** The suite's own figures: in bursts, after recovery, per burst, guards and injections. */
  private static void putMeasured(ObjectNode measured, RunResult run) {
    TickLatency latency = run.latency();
    TickShares shares = run.shares();
    measured.put("ticks", latency.ticks());
    measured.put("burst_ticks", latency.burstTicks());
    measured.put("burst_p95_tick_ms", Stats.round2(latency.p95BurstMs()));
    measured.put("burst_p99_tick_ms", Stats.round2(latency.p99BurstMs()));
    measured.put("burst_deadline_miss_pct", Stats.round2(shares.deadlineMissBurstPct()));
    measured.put("run_p95_tick_ms", Stats.round2(latency.p95RunMs()));
    measured.put("run_p99_tick_ms", Stats.round2(latency.p99RunMs()));
    measured.put("after_recovery_p95_tick_ms", Stats.round2(latency.p95AfterRecoveryMs()));
    measured.put("after_recovery_deadline_miss_pct", Stats.round2(shares.deadlineMissAfterPct()));
    measured.put("baseline_deadline_miss_pct", Stats.round2(run.baseline().deadlineMissPct()));
    measured.put(
        "burst_vs_baseline_p95_pct",
        Stats.round2(pct(latency.p95BurstMs(), run.baseline().p95Ms())));
    ArrayNode rec = measured.putArray("recovery_ticks_per_burst");
    run.recovery().perBurst().forEach(rec::add);
    measured.put("max_cancels_per_sec", run.storms().maxCancelsPerSecond());
    measured.put("max_retries_per_sec", run.storms().maxRetriesPerSecond());
    measured.put("burst_quoting_pct", Stats.round2(shares.quotingBurstPct()));
    measured.put("ws_gap_p95_burst_ms", Stats.round2(run.connection().wsGapP95BurstMs()));
    measured.put("ws_gap_p95_after_recovery_ms", Stats.round2(run.connection().wsGapP95AfterMs()));
    measured.put("baseline_ws_gap_p95_ms", Stats.round2(run.baseline().wsGapP95Ms()));
    measured.put("dns_failures", run.connection().dnsFailures());
    measured.put("retry_after_violations", run.storms().retryAfterViolations());
    measured.put("weight_refusals", run.tally().weightRefusals());
    measured.put("abandoned_orders", run.orders().abandonedOrders());
    measured.put("quotes_off_mid", run.orders().quotesOffMid());
    measured.put("quote_worst_stray_ticks", run.orders().worstQuoteStrayTicks());
    measured.put("timestamp_rejections", run.tally().timestampRejections());
    measured.put("max_resolve_ticks", run.reconcile().maxPendingTicks());
    ArrayNode guards = measured.putArray("guard_codes_seen");
    for (GuardReason g : GuardReason.of(run.guards().seen())) {
      guards.add(g.name());
    }
    ObjectNode inj = measured.putObject("injections");
    for (Scenario s : Scenario.values()) {
      inj.put(s.key(), run.tally().injections(s));
    }
  }

  /** The invariants chaos-report reads. */
  private static void putInvariants(ObjectNode inv, RunResult run) {
    inv.put("no_duplicate_order", run.orders().duplicateOrders() == 0);
    inv.put("no_orphan_after_one_tick", run.unknowns().orphanOrders() == 0);
    inv.put("open_orders_within_limit", !run.failures().containsKey(Check.OPEN_ORDER_LIMIT));
    inv.put("max_open_orders", run.orders().maxOpenOrders());
    inv.put("no_418", run.tally().bans418() == 0);
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
