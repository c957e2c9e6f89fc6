package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The runner's command line, parsed and checked; every problem is one {@link BadInput} line. */
final class SuiteArgs {

  /** Bad input: the message is the one line the runner prints before exiting with 2. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  static final String USAGE =
      "usage: java -jar examples/target/mm-chaos-suite.jar [--scenario KEY[,KEY...]|all|stress]\n"
          + "         [--seeds A..B | --seed N] [--intensity X] [--duration-sec N]\n"
          + "         [--bot resilient|naive] [--exchange sim|loopback] [--out DIR]\n"
          + "         [--serve-metrics HOST:PORT [--pace X]] [--report | --no-report]\n"
          + "         [--threads N] [--benchmark] [--shrink]\n"
          + "         [--bot-cmd \"COMMAND {placeholders}\" [--inject exchange|bot]\n"
          + "          [--bot-limits open_per_side=N,retries_per_sec=R,cancels_per_sec=C,...]\n"
          + "          [--bot-grace-sec N] [--bot-ready-sec N] [--parallel N]]\n"
          + "Defaults: all scenarios, seeds 1..20, the seed's intensities, 120 s virtual (12 h for\n"
          + "ws_disconnect), the resilient bot, the simulated exchange, --out artifacts/chaos,\n"
          + "report on. With --serve-metrics the bot's Prometheus metrics are served at\n"
          + "http://HOST:PORT/metrics while the runs go one at a time, X virtual seconds per\n"
          + "wall-clock second (default 1). Exit 0 when every criterion holds, 1 when any failed,\n"
          + "2 on bad input. --bot-cmd runs your bot as a process per run against an exchange per\n"
          + "run (docs/your-bot.md).\n"
          + "Scenario keys (all: these ten): net_loss, exch_429, exch_5xx, lat_spike, ws_lag,\n"
          + "ws_disconnect, dns_flap, clock_skew, rate_limit_storm, reconcile_mismatch.\n"
          + "Stress scenario keys (stress: these eleven; simulated exchange, own intensities):\n"
          + "sustained_outage, heavy_loss, ws_storm, ws_flap, clock_beyond_window, dns_outage,\n"
          + "mismatch_heavy, weight_near_limit, orders_refused, retry_after_ms, bot_restart. Kinds\n"
          + "and keys mix in one list.";

  /**
   * The most runs one invocation makes, counting one baseline per seed: seeds times (scenarios +
   * 1). Every run's result is kept until the report is written.
   */
  static final int MAX_RUNS = 100_000;

  /**
   * The largest seed magnitude, 2^53 - 1: every JSON reader (JavaScript, jq, Python's float path)
   * reads a seed of a run record or a replay line exactly.
   */
  static final long MAX_SEED = (1L << 53) - 1;

  /** The options that take a value. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--scenario",
          "--seeds",
          "--seed",
          "--intensity",
          "--duration-sec",
          "--bot",
          "--exchange",
          "--out",
          "--serve-metrics",
          "--pace",
          "--threads");

  List<Scenario> scenarios = List.of(Scenario.values());
  List<StressScenario> stresses = List.of();
  List<String> warnings = new ArrayList<>();
  List<Long> seeds = range(1, 20);
  Double intensity;
  Long durationSec;
  String bot = "resilient";
  String exchange = "sim";
  Path out = Path.of("artifacts", "chaos");
  InetSocketAddress serveMetrics;
  Double pace;
  boolean report = true;
  int threads = Runtime.getRuntime().availableProcessors();
  boolean benchmark;
  boolean help;
  boolean shrink; // one failing simulated run: narrow its injections (ShrinkCommand)
  ExternalArgs external = new ExternalArgs();

  static SuiteArgs parse(String[] args) throws BadInput {
    SuiteArgs a = new SuiteArgs();
    Set<String> seen = new LinkedHashSet<>();
    boolean allScenarios = false;
    for (int i = 0; i < args.length; i++) {
      String opt = args[i];
      String value = null;
      int eq = opt.indexOf('=');
      if (opt.startsWith("--") && eq > 0) {
        value = opt.substring(eq + 1);
        opt = opt.substring(0, eq);
      }
      String key = opt.equals("--seed") ? "--seeds" : opt.equals("--no-report") ? "--report" : opt;
      if (!seen.add(key)) {
        throw new BadInput(opt + " given twice (or together with its alternative)");
      }
      if (a.flag(opt)) {
        continue;
      }
      if (!VALUE_OPTIONS.contains(opt) && !ExternalArgs.OPTIONS.contains(opt)) {
        throw new BadInput("unknown option '" + opt + "' (--help lists the options)");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new BadInput(opt + " needs a value");
        }
        value = args[++i];
      }
      if (ExternalArgs.OPTIONS.contains(opt)) {
        a.external.option(opt, value);
      } else {
        a.option(opt, value);
        if (opt.equals("--scenario") && value.equals("all")) {
          allScenarios = true;
        }
      }
    }
    a.checkCombination(seen, allScenarios);
    return a;
  }

  /** Sets the flag {@code opt} names; false if it names none. */
  private boolean flag(String opt) {
    switch (opt) {
      case "--help":
      case "-h":
        help = true;
        return true;
      case "--report":
        report = true;
        return true;
      case "--no-report":
        report = false;
        return true;
      case "--benchmark":
        benchmark = true;
        return true;
      case "--shrink":
        shrink = true;
        return true;
      default:
        return false;
    }
  }

  /** Checks what the options ask for together ({@code seen}: the options given). */
  private void checkCombination(Set<String> seen, boolean allScenarios) throws BadInput {
    ScenarioChoice.checkStress(stresses, seen.contains("--bot-cmd"), exchange, intensity);
    external.check(this, seen, seen.contains("--scenario"), allScenarios);
    int kinds = scenarios.size() + stresses.size();
    long runs = (long) seeds.size() * (kinds + 1);
    if (runs > MAX_RUNS) {
      throw new BadInput(
          seeds.size()
              + " seed(s) x ("
              + kinds
              + " scenario(s) + baseline) is "
              + runs
              + " runs, more than the "
              + MAX_RUNS
              + " one invocation makes");
    }
    if (pace != null && serveMetrics == null) {
      throw new BadInput("--pace only applies with --serve-metrics");
    }
    checkIntensity();
    if (!benchmark && !help && !shrink) {
      checkWritable(out);
    }
  }

  /** An intensity applies to one scenario and must be valid for it. */
  private void checkIntensity() throws BadInput {
    if (intensity != null) {
      if (scenarios.size() != 1) {
        throw new BadInput(
            "--intensity needs exactly one --scenario (intensities of different scenarios have"
                + " different units)");
      }
      try {
        SuiteConfig.forRun(scenarios.get(0), intensity, 1);
      } catch (IllegalArgumentException e) {
        throw new BadInput(
            "--intensity "
                + PlanFormat.number(intensity)
                + " for "
                + scenarios.get(0).key()
                + ": "
                + e.getMessage());
      }
    }
  }

  private void option(String opt, String v) throws BadInput {
    switch (opt) {
      case "--scenario":
        ScenarioChoice choice = ScenarioChoice.parse(v);
        scenarios = choice.scenarios();
        stresses = choice.stresses();
        break;
      case "--seeds":
        seeds = seedRange(v);
        break;
      case "--seed":
        seeds = List.of(parseLong("--seed", v, -MAX_SEED, MAX_SEED));
        break;
      case "--intensity":
        intensity = parseDouble("--intensity", v);
        if (!(intensity > 0)) {
          throw new BadInput(
              "--intensity: " + v + " must be above 0 (a run without chaos is the baseline)");
        }
        break;
      case "--duration-sec":
        durationSec = parseLong("--duration-sec", v, 1, 7 * 86_400);
        break;
      case "--bot":
        bot = oneOf("--bot", v, "resilient", "naive");
        break;
      case "--exchange":
        exchange = oneOf("--exchange", v, "sim", "loopback");
        break;
      case "--out":
        if (v.isBlank()) {
          throw new BadInput("--out: empty directory name");
        }
        out = Path.of(v);
        break;
      case "--serve-metrics":
        serveMetrics(v);
        break;
      case "--pace":
        pace = parseDouble("--pace", v);
        if (!(pace > 0 && pace <= 1e6)) {
          throw new BadInput("--pace: " + v + " is out of range (0, 1000000]");
        }
        break;
      case "--threads":
        threads = (int) parseLong("--threads", v, 1, 256);
        break;
      default:
        throw new BadInput("unknown option '" + opt + "'");
    }
  }

  /** {@code v} if it is {@code a} or {@code b}. */
  private static String oneOf(String opt, String v, String a, String b) throws BadInput {
    if (!v.equals(a) && !v.equals(b)) {
      throw new BadInput(opt + ": '" + v + "' is not " + a + " or " + b);
    }
    return v;
  }

  /** Where to serve the bot's metrics; warns when that is not a loopback address. */
  private void serveMetrics(String v) throws BadInput {
    serveMetrics = hostPort(v);
    if (!serveMetrics.isUnresolved() && !serveMetrics.getAddress().isLoopbackAddress()) {
      warnings.add(
          "warning: --serve-metrics "
              + v
              + " is not a loopback address: the bot's metrics are open to the network"
              + " (bind 127.0.0.1 unless that is meant)");
    }
  }

  private static List<Long> seedRange(String v) throws BadInput {
    int dots = v.indexOf("..");
    if (dots < 0) {
      throw new BadInput("--seeds: '" + v + "' is not a range A..B (use --seed N for one seed)");
    }
    long a = parseLong("--seeds", v.substring(0, dots), -MAX_SEED, MAX_SEED);
    long b = parseLong("--seeds", v.substring(dots + 2), -MAX_SEED, MAX_SEED);
    if (b < a) {
      throw new BadInput("--seeds: empty range " + v + " (B must not be below A)");
    }
    // Both ends are within 2^53 of 0, so b - a + 1 cannot overflow.
    if (b - a + 1 > MAX_RUNS / 2) {
      throw new BadInput(
          "--seeds: " + v + " is " + (b - a + 1) + " seeds, more than " + MAX_RUNS / 2 + " runs");
    }
    return range(a, b);
  }

  /** The seeds {@code a..b}; the caller bounds the range, so the count fits an int. */
  private static List<Long> range(long a, long b) {
    int n = Math.toIntExact(b - a + 1);
    List<Long> s = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      s.add(a + i);
    }
    return s;
  }

  private static long parseLong(String opt, String v, long min, long max) throws BadInput {
    long n;
    String t = v.strip();
    try {
      n = Long.parseLong(t);
    } catch (NumberFormatException e) {
      if (t.matches("[+-]?[0-9]{1,10000}")) {
        throw new BadInput(opt + ": " + t + " is out of range [" + min + ", " + max + "]");
      }
      throw new BadInput(opt + ": '" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new BadInput(opt + ": " + n + " is out of range [" + min + ", " + max + "]");
    }
    return n;
  }

  /** A finite number; one beyond a double's range is out of range, not malformed. */
  private static double parseDouble(String opt, String v) throws BadInput {
    double d;
    try {
      d = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new BadInput(opt + ": '" + v + "' is not a number");
    }
    if (Double.isNaN(d) || (Double.isInfinite(d) && v.strip().matches("(?i)[+-]?(inf|infinity)"))) {
      throw new BadInput(opt + ": '" + v + "' is not a finite number");
    }
    if (Double.isInfinite(d)) {
      throw new BadInput(opt + ": " + v + " is out of range (beyond " + Double.MAX_VALUE + ")");
    }
    return d;
  }

  private static InetSocketAddress hostPort(String v) throws BadInput {
    int colon = v.lastIndexOf(':');
    if (colon <= 0) {
      throw new BadInput("--serve-metrics: '" + v + "' is not HOST:PORT");
    }
    int port = (int) parseLong("--serve-metrics port", v.substring(colon + 1), 0, 65_535);
    return new InetSocketAddress(v.substring(0, colon), port);
  }

  /** The output directory must be a writable directory or creatable in a writable one. */
  private static void checkWritable(Path out) throws BadInput {
    Path p = out.toAbsolutePath();
    if (Files.exists(p)) {
      if (!Files.isDirectory(p)) {
        throw new BadInput("--out " + out + ": exists and is not a directory");
      }
      if (!Files.isWritable(p)) {
        throw new BadInput("--out " + out + ": directory is not writable");
      }
      Path runs = p.resolve("runs");
      if (Files.exists(runs) && (!Files.isDirectory(runs) || !Files.isWritable(runs))) {
        throw new BadInput("--out " + out + ": " + runs + " is not a writable directory");
      }
      return;
    }
    Path parent = p.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new BadInput("--out " + out + ": cannot be created (no writable parent directory)");
    }
  }

  /** Number formatting shared with the replay commands. */
  static final class PlanFormat {
    private PlanFormat() {}

    static String number(double d) {
      return RunPlan.number(d);
    }
  }
}
