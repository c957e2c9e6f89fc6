package io.mmbot.chaos.examples.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The runner with {@code --bot-cmd}: every run starts the bot as a process against an exchange of
 * its own, several runs at once; the records, reports and the bots' logs ({@code
 * runs/<scenario>-<seed>/bot.std*.log}) are written as for the suite's own bot.
 */
final class ExternalMain {

  private ExternalMain() {}

  static int run(SuiteArgs a, ExternalBot bot, PrintStream out, PrintStream err) {
    Suite.Options o =
        new Suite.Options(
            a.scenarios, a.seeds, a.intensity, a.durationSec, "external", "loopback", a.threads);
    Path work = bot.out().resolve("runs");
    err.printf(
        Locale.ROOT,
        "mm-chaos suite: %d scenario(s) x %d seed(s) + baselines, your bot (%s), faults from the"
            + " %s, %d run(s) at once%n",
        a.scenarios.size(),
        a.seeds.size(),
        bot.line(),
        bot.botInjects() ? "bot's own injector (control endpoint)" : "exchange",
        a.threads);
    err.printf(
        Locale.ROOT,
        "timing is compressed: %s; %d s runs; limits %s%n",
        ExternalRun.COMPRESSION,
        o.durationOf(null),
        bot.limits().spec());
    long t0 = System.nanoTime();
    Suite.Outcome outcome = Suite.run(o, line -> err.println("  " + line), bot);
    double runSec = (System.nanoTime() - t0) / 1e9;
    boolean defaultDuration = a.durationSec == null;
    for (RunResult r : SuiteMain.all(outcome)) {
      if (!r.passed()) {
        err.println(r.describeFailures(defaultDuration));
      }
    }
    SuiteReport.Written written;
    try {
      written =
          RunArtifacts.write(
              a.out,
              outcome,
              a.report,
              (dir, r) -> {
                RunRecords.write(dir, r, defaultDuration);
                Path logs = work.resolve(r.plan().key() + "-" + r.plan().seed());
                if (Files.isDirectory(logs)) {
                  Files.move(logs, dir.resolve(logs.getFileName()));
                }
              });
    } catch (IOException e) {
      err.println("mm-chaos-suite: cannot write to " + a.out + ": " + e.getMessage());
      return SuiteMain.BAD_INPUT;
    }
    SuiteMain.summary(out, a, outcome, written, runSec);
    return outcome.passed() ? SuiteMain.OK : SuiteMain.FAILED;
  }
}
