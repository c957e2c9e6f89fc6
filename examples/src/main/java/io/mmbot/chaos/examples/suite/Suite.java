package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a set of scenarios over a set of seeds: first the chaos-free baseline of every seed, then
 * every scenario run, judged against its seed's baseline. Runs are independent (each has its own
 * injector, exchange, bot and registry) and may run on several threads; results come back in plan
 * order (scenario, then seed), so they do not depend on the number of threads.
 */
public final class Suite {

  /**
   * What to run: the seed's scenarios in {@code scenarios}, the stress scenarios in {@code
   * stresses} (simulated exchange only; each at its own intensity).
   */
  public record Options(
      List<Scenario> scenarios,
      List<Long> seeds,
      Double intensity,
      Long durationSec,
      String bot,
      String exchange,
      int threads,
      List<StressScenario> stresses) {

    /** Copies the stress list (null: none). */
    public Options {
      stresses = stresses == null ? List.of() : List.copyOf(stresses);
    }

    /** Runs of the seed's scenarios only. */
    public Options(
        List<Scenario> scenarios,
        List<Long> seeds,
        Double intensity,
        Long durationSec,
        String bot,
        String exchange,
        int threads) {
      this(scenarios, seeds, intensity, durationSec, bot, exchange, threads, List.of());
    }

    /** The run plan of stress scenario {@code st} with {@code seed} in this suite. */
    public RunPlan planOf(StressScenario st, long seed) {
      return st.plan(seed, durationSec != null ? durationSec : st.durationSec(), bot)
          .onExchange(exchange);
    }

    /** The intensity of {@code s} in this suite. */
    public double intensityOf(Scenario s) {
      if (intensity != null) {
        return intensity;
      }
      return loopback() ? LoopbackRun.defaultIntensity(s) : SuiteConfig.defaultIntensity(s);
    }

    /** Whether the runs go to the loopback exchange. */
    public boolean loopback() {
      return "loopback".equals(exchange);
    }

    /** The duration of a run of {@code s} (null: the baseline) in this suite. */
    public long durationOf(Scenario s) {
      if (durationSec != null) {
        return durationSec;
      }
      if (loopback()) {
        return LoopbackRun.DURATION_SEC;
      }
      return s == null ? 120 : ScenarioSpec.of(s).durationSec();
    }
  }

  /**
   * Where the runs publish their metrics: a served registry (runs then go one at a time, each
   * binding its meters for its own duration) and the pace of virtual time; {@link #NONE} for a
   * registry per run at full speed.
   */
  public record Served(
      io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry, double pace) {
    /** No served registry: every run has its own, at full speed. */
    public static final Served NONE = new Served(null, 0);
  }

  private static final ThreadLocal<Served> SERVED = ThreadLocal.withInitial(() -> Served.NONE);

  // The bot in another process that the runs of this thread run, or null for the suite's own.
  private static final ThreadLocal<ExternalBot> EXTERNAL = new ThreadLocal<>();

  /** What came out. */
  public record Outcome(List<RunResult> baselines, List<RunResult> runs) {
    /** Whether every run (baselines included) passed. */
    public boolean passed() {
      return baselines.stream().allMatch(RunResult::passed)
          && runs.stream().allMatch(RunResult::passed);
    }
  }

  private Suite() {}

  /**
   * Runs the suite; {@code progress} hears one line per scenario as its last seed finishes (from a
   * worker thread).
   */
  public static Outcome run(Options o, Consumer<String> progress) {
    return run(o, progress, Served.NONE);
  }

  /** Runs the suite publishing to {@code served} (one thread when a registry is served). */
  public static Outcome run(Options o, Consumer<String> progress, Served served) {
    return run(o, progress, served, null);
  }

  /**
   * Runs the suite on a bot in another process, {@code external} (null: the suite's own bot); the
   * options' bot is then {@code external} and its exchange {@code loopback}.
   */
  public static Outcome run(Options o, Consumer<String> progress, ExternalBot external) {
    return run(o, progress, Served.NONE, external);
  }

  private static Outcome run(
      Options o, Consumer<String> progress, Served served, ExternalBot external) {
    if (served.registry() != null) {
      o =
          new Options(
              o.scenarios(),
              o.seeds(),
              o.intensity(),
              o.durationSec(),
              o.bot(),
              o.exchange(),
              1,
              o.stresses());
    }
    Served chosen = served;
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, o.threads()), daemonThreads(chosen, external));
    try {
      List<RunResult> baselines = baselines(pool, o);
      progress.accept(line("baseline", baselines));
      Map<Long, RunResult> bySeed = bySeed(baselines);
      List<RunResult> runs = runs(pool, plans(o, o.scenarios(), o.stresses()), bySeed, progress);
      return new Outcome(baselines, runs);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The baseline run of every seed of {@code o}, in seed order. */
  public static List<RunResult> baselines(Options o) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), daemonThreads());
    try {
      return baselines(pool, o);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The runs of {@code s} over the seeds of {@code o}, judged against {@code baselines}. */
  public static List<RunResult> scenario(Options o, Scenario s, Map<Long, RunResult> baselines) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), daemonThreads());
    try {
      return runs(pool, plans(o, List.of(s), List.of()), baselines, line -> {});
    } finally {
      pool.shutdownNow();
    }
  }

  /** Baselines by seed. */
  public static Map<Long, RunResult> bySeed(List<RunResult> baselines) {
    Map<Long, RunResult> bySeed = new HashMap<>();
    for (RunResult r : baselines) {
      bySeed.put(r.plan().seed(), r);
    }
    return bySeed;
  }

  private static List<RunResult> baselines(ExecutorService pool, Options o) {
    List<RunPlan> basePlans = new ArrayList<>();
    for (long seed : o.seeds()) {
      basePlans.add(new RunPlan(null, seed, 0, o.durationOf(null), o.bot(), o.exchange()));
    }
    return invokeAll(pool, basePlans, p -> runOne(p, null));
  }

  /**
   * The scenario runs of {@code o}: the seed's scenarios of {@code scenarios}, then the stress
   * scenarios of {@code stresses}, each over every seed.
   */
  private static List<RunPlan> plans(
      Options o, List<Scenario> scenarios, List<StressScenario> stresses) {
    List<RunPlan> plans = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (long seed : o.seeds()) {
        plans.add(new RunPlan(s, seed, o.intensityOf(s), o.durationOf(s), o.bot(), o.exchange()));
      }
    }
    for (StressScenario st : stresses) {
      for (long seed : o.seeds()) {
        plans.add(o.planOf(st, seed));
      }
    }
    return plans;
  }

  /** Runs {@code plans}; {@code progress} hears one line per run name as its last seed ends. */
  private static List<RunResult> runs(
      ExecutorService pool,
      List<RunPlan> plans,
      Map<Long, RunResult> bySeed,
      Consumer<String> progress) {
    Map<String, AtomicInteger> left = new HashMap<>();
    Map<String, List<RunResult>> done = new HashMap<>();
    for (RunPlan p : plans) {
      left.computeIfAbsent(p.key(), k -> new AtomicInteger()).incrementAndGet();
      done.computeIfAbsent(p.key(), k -> new ArrayList<>());
    }
    return invokeAll(
        pool,
        plans,
        p -> {
          RunResult r = runOne(p, bySeed.get(p.seed()));
          List<RunResult> list = done.get(p.key());
          synchronized (list) {
            list.add(r);
            if (left.get(p.key()).decrementAndGet() == 0) {
              progress.accept(line(p.key(), list));
            }
          }
          return r;
        });
  }

  /** One run on the exchange the plan names. */
  static RunResult runOne(RunPlan p, RunResult baseline) {
    ExternalBot external = EXTERNAL.get();
    if (p.stress() != null && (external != null || !p.exchange().equals("sim"))) {
      // its load, refusals and failovers are rules of the simulated exchange: never half-run it
      throw new IllegalArgumentException(p.key() + " runs on the simulated exchange only");
    }
    if (external != null) {
      return ExternalRun.run(p, () -> baseline, external);
    }
    if (p.exchange().equals("sim")) {
      Served s = SERVED.get();
      return SimRun.run(
          p, baseline, io.mmbot.chaos.examples.bot.BotConfig.defaults(), s.registry(), s.pace());
    }
    if (p.exchange().equals("loopback")) {
      return LoopbackRun.run(p, () -> baseline);
    }
    throw new IllegalArgumentException("unknown exchange " + p.exchange());
  }

  private static String line(String key, List<RunResult> results) {
    long passed = results.stream().filter(RunResult::passed).count();
    return String.format(
        java.util.Locale.ROOT,
        "%-19s %3d/%-3d seeds  %3d passed",
        key,
        results.size(),
        results.size(),
        passed);
  }

  private interface Task {
    RunResult run(RunPlan p);
  }

  /** Runs the plans longest first (for balance) and returns the results in plan order. */
  private static List<RunResult> invokeAll(ExecutorService pool, List<RunPlan> plans, Task task) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> -plans.get(i).durationSec()));
    List<Future<RunResult>> futures = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      futures.add(null);
    }
    for (int i : order) {
      RunPlan p = plans.get(i);
      Callable<RunResult> c = () -> task.run(p);
      futures.set(i, pool.submit(c));
    }
    List<RunResult> out = new ArrayList<>(plans.size());
    for (Future<RunResult> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c;
        }
        throw new IllegalStateException(c);
      }
    }
    return out;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return daemonThreads(Served.NONE, null);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(
      Served served, ExternalBot external) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Runnable withServed =
          () -> {
            SERVED.set(served);
            EXTERNAL.set(external);
            r.run();
          };
      Thread t = new Thread(withServed, "mm-chaos-suite-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
