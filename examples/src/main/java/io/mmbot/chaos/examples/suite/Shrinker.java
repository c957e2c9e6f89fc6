package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.BotConfig;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule;
import io.mmbot.chaos.examples.exchange.sim.InjectionSchedule.Injection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Narrows a failing simulated run to a smallest set of its injections that still fails: the run is
 * recorded ({@link InjectionSchedule}), then delta debugging (ddmin) replays subsets of the
 * recorded injections, each replay deterministic, until no single injection can be removed without
 * the failure going away (1-minimal) or the replay budget is spent.
 *
 * <p>"Still fails" means: fails at least one of the checks the recorded run failed, leaving out
 * {@link Check#FIRED} and {@link Check#EXPECTED_GUARDS}, which fewer injections fail by themselves.
 */
public final class Shrinker {

  /** Checks that are not a failure to narrow: a subset of the injections fails them trivially. */
  static final Set<Check> NOT_SHRUNK = EnumSet.of(Check.FIRED, Check.EXPECTED_GUARDS);

  /**
   * What the shrink found.
   *
   * @param recorded the recorded run
   * @param all its injections
   * @param target the failed checks being narrowed (empty: nothing to shrink)
   * @param minimal the smallest failing subset found
   * @param minimalRun the replay of {@code minimal}
   * @param replays how many runs the shrink replayed
   * @param oneMinimal whether {@code minimal} is 1-minimal (false when the budget ran out)
   */
  public record Result(
      RunResult recorded,
      List<Injection> all,
      Set<Check> target,
      List<Injection> minimal,
      RunResult minimalRun,
      int replays,
      boolean oneMinimal) {}

  private Shrinker() {}

  /**
   * Records {@code plan}, judged against {@code baseline}, and shrinks its injections if it fails;
   * at most {@code maxReplays} replays.
   */
  public static Result shrink(
      RunPlan plan, RunResult baseline, BotConfig cfg, StressScenario stress, int maxReplays) {
    InjectionSchedule rec = InjectionSchedule.recording();
    RunResult recorded = SimRun.run(plan, baseline, cfg, stress, rec);
    List<Injection> all = List.copyOf(rec.applied());
    Set<Check> target = EnumSet.noneOf(Check.class);
    target.addAll(recorded.failures().keySet());
    target.removeAll(NOT_SHRUNK);
    if (target.isEmpty()) {
      return new Result(recorded, all, target, all, recorded, 0, false);
    }
    int[] replays = {0};
    RunResult[] last = {recorded};
    Predicate<List<Injection>> fails =
        subset -> {
          replays[0]++;
          RunResult r =
              SimRun.run(plan, baseline, cfg, stress, InjectionSchedule.replaying(subset));
          boolean failed = r.failures().keySet().stream().anyMatch(target::contains);
          if (failed) {
            last[0] = r;
          }
          return failed;
        };
    if (!fails.test(all)) {
      // The replay of the whole list must reproduce the run; if it does not, there is no shrink.
      return new Result(recorded, all, target, all, recorded, replays[0], false);
    }
    Ddmin<Injection> dd = new Ddmin<>(fails, maxReplays - replays[0]);
    List<Injection> minimal = dd.minimize(all);
    RunResult minimalRun =
        SimRun.run(plan, baseline, cfg, stress, InjectionSchedule.replaying(minimal));
    return new Result(recorded, all, target, minimal, minimalRun, replays[0] + 1, dd.complete());
  }

  /** The shrink as a short report: the failing check, then the smallest failing timeline. */
  public static String describe(Result r, String replayCommand) {
    StringBuilder s = new StringBuilder();
    RunPlan p = r.recorded().plan();
    String run = p.key() + " seed " + p.seed() + " (" + p.bot() + ")";
    if (r.target().isEmpty()) {
      s.append("shrink: ")
          .append(run)
          .append(
              r.recorded().passed()
                  ? " passed"
                  : " failed only " + r.recorded().failures().keySet())
          .append(": nothing to shrink\n");
      return s.toString();
    }
    s.append("shrink: ")
        .append(run)
        .append(": ")
        .append(r.all().size())
        .append(" injections recorded, failing ")
        .append(keys(r.target()))
        .append('\n');
    s.append("shrink: ")
        .append(r.minimal().size())
        .append(" of ")
        .append(r.all().size())
        .append(" still fail")
        .append(r.minimal().size() == 1 ? "s" : "")
        .append(" (")
        .append(r.oneMinimal() ? "1-minimal: removing any one passes" : "replay budget spent")
        .append(", ")
        .append(r.replays())
        .append(" replays)\n");
    s.append("timeline (virtual time since start; chaos from ")
        .append(SimRun.WARMUP_SEC)
        .append(" s):\n");
    for (Injection i : r.minimal()) {
      s.append("  ").append(i.line()).append('\n');
    }
    for (var e : r.minimalRun().failures().entrySet()) {
      if (r.target().contains(e.getKey())) {
        s.append("  failed ")
            .append(key(e.getKey()))
            .append(": ")
            .append(e.getValue())
            .append('\n');
      }
    }
    s.append("  replay: ").append(replayCommand).append(" --shrink\n");
    return s.toString();
  }

  private static String keys(Set<Check> checks) {
    List<String> k = new ArrayList<>();
    checks.forEach(c -> k.add(key(c)));
    return String.join(", ", k);
  }

  private static String key(Check c) {
    return c.name().toLowerCase(Locale.ROOT);
  }
}
