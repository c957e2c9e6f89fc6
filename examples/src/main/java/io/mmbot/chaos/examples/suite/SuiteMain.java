package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.report.Wilson;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite runner, {@code examples/target/mm-chaos-suite.jar}: runs the bot through the chosen
 * scenarios and seeds, writes {@code DIR/runs/<scenario>-<seed>.json} (and the baselines in {@code
 * DIR/baseline/}), then {@code report.md}, {@code report.html} and {@code findings.json}; progress
 * per scenario on stderr, a one-screen summary on stdout. Exit 0 when every criterion holds, 1 when
 * any failed, 2 on bad input (nothing is written then).
 */
public final class SuiteMain {

  /** Every criterion held. */
  public static final int OK = 0;

  /** A criterion failed. */
  public static final int FAILED = 1;

  /** Bad input. */
  public static final int BAD_INPUT = 2;

  private SuiteMain() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SuiteArgs cli;
    try {
      cli = SuiteArgs.parse(args);
    } catch (SuiteArgs.BadInput e) {
      err.println("mm-chaos-suite: " + e.getMessage());
      return BAD_INPUT;
    }
    for (String w : cli.warnings) {
      err.println("mm-chaos-suite: " + w);
    }
    if (cli.help) {
      out.println(SuiteArgs.USAGE);
      return OK;
    }
    ExternalBot external = cli.external.bot(cli.out);
    if (external != null) {
      return ExternalMain.run(cli, external, out, err);
    }
    Suite.Options options =
        new Suite.Options(
            cli.scenarios,
            cli.seeds,
            cli.intensity,
            cli.durationSec,
            cli.bot,
            cli.exchange,
            cli.threads,
            cli.stresses);
    if (cli.benchmark) {
      return benchmark(options, out);
    }
    if (cli.shrink) {
      return ShrinkCommand.run(options, out, err);
    }
    return runSuite(cli, options, out, err);
  }

  /** Runs the suite's selection, reports failures, writes the artifacts and prints the summary. */
  private static int runSuite(
      SuiteArgs cli, Suite.Options options, PrintStream out, PrintStream err) {
    announce(cli, options, err);
    MetricsServer server = null;
    if (cli.serveMetrics != null) {
      try {
        server = MetricsServer.start(cli.serveMetrics);
      } catch (IOException e) {
        err.println("mm-chaos-suite: cannot serve metrics on " + cli.serveMetrics + ": " + e);
        return BAD_INPUT;
      }
    }
    long t0 = System.nanoTime();
    Suite.Outcome outcome;
    try {
      outcome = Suite.run(options, line -> err.println("  " + line), served(cli, server, err));
    } finally {
      if (server != null) {
        server.close();
      }
    }
    double runSec = (System.nanoTime() - t0) / 1e9;
    boolean defaultDuration = cli.durationSec == null;
    for (RunResult r : all(outcome)) {
      if (!r.passed()) {
        err.println(r.describeFailures(defaultDuration));
      }
    }
    SuiteReport.Written written;
    try {
      written = RunArtifacts.write(cli.out, outcome, cli.report, defaultDuration);
    } catch (IOException e) {
      err.println("mm-chaos-suite: cannot write to " + cli.out + ": " + e.getMessage());
      return BAD_INPUT;
    }
    summary(out, cli, outcome, written, runSec);
    return outcome.passed() ? OK : FAILED;
  }

  /** The selection and, on the loopback exchange, its compressed timing, on stderr. */
  private static void announce(SuiteArgs cli, Suite.Options options, PrintStream err) {
    err.printf(
        Locale.ROOT,
        "mm-chaos suite: %d scenario(s)%s x %d seed(s), %s bot, %s, %d thread(s)%n",
        cli.scenarios.size(),
        cli.stresses.isEmpty() ? "" : " + " + cli.stresses.size() + " stress scenario(s)",
        cli.seeds.size(),
        cli.bot,
        options.loopback()
            ? "loopback exchange (real HTTP and WebSocket on 127.0.0.1, real time)"
            : "simulated exchange (virtual time)",
        cli.threads);
    if (options.loopback()) {
      err.printf(
          Locale.ROOT,
          "timing is compressed on the loopback exchange: bursts %d s on / %d s off (not 30 s /"
              + " 90 s), %d s runs after a %.2f s warm-up, loopback intensities (docs/suite.md)%n",
          LoopbackRun.BURST_ON_SEC,
          LoopbackRun.BURST_OFF_SEC,
          options.durationOf(null),
          LoopbackRun.WARMUP_MS / 1000.0);
    }
  }

  /** Where the bot's metrics are served ({@code server} null: nowhere), said on stderr. */
  private static Suite.Served served(SuiteArgs cli, MetricsServer server, PrintStream err) {
    if (server == null) {
      return Suite.Served.NONE;
    }
    double pace = cli.pace != null ? cli.pace : 1.0;
    err.printf(
        Locale.ROOT,
        "serving the bot's metrics at %s, runs one at a time, %s virtual s per wall-clock s%n",
        server.url(),
        RunPlan.number(pace));
    return new Suite.Served(server.registry(), pace);
  }

  static List<RunResult> all(Suite.Outcome outcome) {
    List<RunResult> l = new ArrayList<>(outcome.baselines());
    l.addAll(outcome.runs());
    return l;
  }

  static void summary(
      PrintStream out, SuiteArgs cli, Suite.Outcome outcome, SuiteReport.Written w, double runSec) {
    out.printf(
        Locale.ROOT,
        "%-19s %7s %-15s %9s %9s %8s %6s %5s %9s%n",
        "scenario",
        "passed",
        "95% Wilson",
        "p95 burst",
        "baseline",
        "miss %",
        "recov",
        "p99",
        "injected");
    line(out, "baseline", outcome.baselines());
    for (Scenario s : cli.scenarios) {
      List<RunResult> rs = new ArrayList<>();
      for (RunResult r : outcome.runs()) {
        if (r.plan().scenario() == s && r.plan().stress() == null) {
          rs.add(r);
        }
      }
      line(out, s.key(), rs);
    }
    if (!cli.stresses.isEmpty()) {
      out.println("stress scenarios (own intensities and bounds, docs/suite.md):");
    }
    for (StressScenario st : cli.stresses) {
      List<RunResult> rs = new ArrayList<>();
      for (RunResult r : outcome.runs()) {
        if (r.plan().stress() == st) {
          rs.add(r);
        }
      }
      line(out, st.key(), rs);
    }
    long failed = all(outcome).stream().filter(r -> !r.passed()).count();
    out.printf(
        Locale.ROOT,
        "%d run(s) in %.1f s wall; %s%n",
        all(outcome).size(),
        runSec,
        failed == 0 ? "every criterion held" : failed + " run(s) failed (replay lines on stderr)");
    if (w != null) {
      out.printf(
          Locale.ROOT,
          "wrote %s/runs/*.json, report.md, report.html, findings.json (%d finding(s))%n",
          cli.out,
          w.findings().size());
    } else {
      out.printf(Locale.ROOT, "wrote %s/runs/*.json (report off)%n", cli.out);
    }
  }

  private static void line(PrintStream out, String key, List<RunResult> rs) {
    if (rs.isEmpty()) {
      return;
    }
    int passed = (int) rs.stream().filter(RunResult::passed).count();
    Wilson w = Wilson.of(passed, rs.size());
    boolean base = rs.get(0).plan().baseline();
    double p95 =
        rs.stream()
            .mapToDouble(r -> base ? r.latency().p95RunMs() : r.latency().p95BurstMs())
            .max()
            .orElse(0);
    double basep95 = rs.stream().mapToDouble(r -> r.baseline().p95Ms()).average().orElse(0);
    double miss = rs.stream().mapToDouble(r -> r.shares().deadlineMissPct()).max().orElse(0);
    int rec = rs.stream().mapToInt(r -> r.recovery().worstTicks()).max().orElse(0);
    double p99 =
        rs.stream()
            .mapToDouble(r -> base ? r.latency().p99RunMs() : r.latency().p99BurstMs())
            .max()
            .orElse(0);
    long inj = rs.stream().mapToLong(RunResult::ownInjections).sum();
    out.printf(
        Locale.ROOT,
        "%-19s %3d/%-3d [%5.1f-%5.1f%%] %9.1f %9.1f %8.2f %6d %5.0f %9d%n",
        key,
        passed,
        rs.size(),
        100 * w.lower(),
        100 * w.upper(),
        p95,
        basep95,
        miss,
        rec,
        p99,
        inj);
  }

  private static int benchmark(Suite.Options options, PrintStream out) {
    // On this thread, one run after the other, so that its CPU time is the simulation's alone.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long ticks = 0;
    int runs = 0;
    for (long seed : options.seeds()) {
      RunPlan base =
          new RunPlan(null, seed, 0, options.durationOf(null), options.bot(), options.exchange());
      RunResult b = Suite.runOne(base, null);
      ticks += b.latency().ticks();
      runs++;
      for (Scenario s : options.scenarios()) {
        RunPlan p =
            new RunPlan(
                s,
                seed,
                options.intensityOf(s),
                options.durationOf(s),
                options.bot(),
                options.exchange());
        ticks += Suite.runOne(p, b).latency().ticks();
        runs++;
      }
      for (StressScenario st : options.stresses()) {
        ticks += Suite.runOne(options.planOf(st, seed), b).latency().ticks();
        runs++;
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    out.printf(
        Locale.ROOT,
        "benchmark: %d runs, %d simulated ticks on one thread: %.2f s wall (%.0f ticks/s),"
            + " %.2f s CPU (%.0f ticks per CPU second)%n",
        runs,
        ticks,
        wall,
        ticks / wall,
        cpu,
        ticks / cpu);
    return OK;
  }
}
