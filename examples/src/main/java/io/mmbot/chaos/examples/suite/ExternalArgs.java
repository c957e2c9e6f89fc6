package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.external.BotCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The runner's options for a bot it did not write ({@code --bot-cmd}, SPEC section 9). */
final class ExternalArgs {

  /** The options of this group; each takes a value. */
  static final Set<String> OPTIONS =
      Set.of(
          "--bot-cmd",
          "--inject",
          "--bot-limits",
          "--bot-grace-sec",
          "--bot-ready-sec",
          "--parallel");

  /**
   * Runs at once by default: each is a bot process that mostly waits for its ticks, and at most two
   * start at a time (measured on two cores: see docs/your-bot.md).
   */
  static final int DEFAULT_PARALLEL = 5;

  /** Options that make no sense with a bot in another process. */
  private static final List<String> IN_PROCESS_ONLY =
      List.of(
          "--bot",
          "--exchange",
          "--serve-metrics",
          "--pace",
          "--shrink",
          "--benchmark",
          "--threads");

  String line;
  BotCommand command;
  String inject = "exchange";
  BotLimits limits = BotLimits.DEFAULTS;
  long graceSec = ExternalBot.GRACE_SEC;
  long readySec = ExternalBot.READY_SEC;
  Integer parallel;

  void option(String opt, String v) throws SuiteArgs.BadInput {
    switch (opt) {
      case "--bot-cmd":
        try {
          command = BotCommand.parse(v);
        } catch (IllegalArgumentException e) {
          throw new SuiteArgs.BadInput("--bot-cmd: " + e.getMessage());
        }
        line = v;
        break;
      case "--inject":
        if (!v.equals("exchange") && !v.equals("bot")) {
          throw new SuiteArgs.BadInput("--inject: '" + v + "' is not exchange or bot");
        }
        inject = v;
        break;
      case "--bot-limits":
        try {
          limits = BotLimits.parse(v);
        } catch (IllegalArgumentException e) {
          throw new SuiteArgs.BadInput("--bot-limits: " + e.getMessage());
        }
        break;
      case "--bot-grace-sec":
        graceSec = whole(opt, v, 1, 600);
        break;
      case "--bot-ready-sec":
        readySec = whole(opt, v, 1, 600);
        break;
      case "--parallel":
        parallel = (int) whole(opt, v, 1, 64);
        break;
      default:
        throw new SuiteArgs.BadInput("unknown option '" + opt + "'");
    }
  }

  /**
   * Checks the group against the rest of the command line: the group needs {@code --bot-cmd}; an
   * in-process option does not go with it; DNS_FLAP cannot be applied by the exchange (named alone
   * it is bad input, within {@code all} it is skipped with a warning).
   */
  void check(SuiteArgs a, Set<String> seen, boolean scenarioGiven, boolean allScenarios)
      throws SuiteArgs.BadInput {
    if (command == null) {
      for (String o : OPTIONS) {
        if (seen.contains(o)) {
          throw new SuiteArgs.BadInput(o + " only applies with --bot-cmd");
        }
      }
      return;
    }
    for (String o : IN_PROCESS_ONLY) {
      if (seen.contains(o)) {
        throw new SuiteArgs.BadInput(o + " does not apply with --bot-cmd (the bot is yours)");
      }
    }
    if (inject.equals("exchange") && a.scenarios.contains(Scenario.DNS_FLAP)) {
      if (scenarioGiven && !allScenarios) {
        throw new SuiteArgs.BadInput(
            "--scenario dns_flap needs --inject bot: an exchange cannot make the bot's name"
                + " lookups fail (the bot's own resolver hook must)");
      }
      List<Scenario> rest = new ArrayList<>(a.scenarios);
      rest.remove(Scenario.DNS_FLAP);
      a.scenarios = List.copyOf(rest);
      a.warnings.add(
          "note: dns_flap skipped with --inject exchange (an exchange cannot make the bot's name"
              + " lookups fail; run it with --inject bot)");
    }
    if (a.scenarios.isEmpty()) {
      throw new SuiteArgs.BadInput("no scenario left to run");
    }
    a.threads = parallel != null ? parallel : DEFAULT_PARALLEL;
  }

  /** The settings, once checked; null without {@code --bot-cmd}. */
  ExternalBot bot(Path out) {
    if (command == null) {
      return null;
    }
    return new ExternalBot(
        line,
        command,
        inject,
        limits,
        Duration.ofSeconds(readySec),
        Duration.ofSeconds(graceSec),
        out);
  }

  private static long whole(String opt, String v, long min, long max) throws SuiteArgs.BadInput {
    try {
      long n = Long.parseLong(v.strip());
      if (n < min || n > max) {
        throw new SuiteArgs.BadInput(
            opt + ": " + n + " is out of range [" + min + ", " + max + "]");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new SuiteArgs.BadInput(opt + ": '" + v + "' is not a whole number");
    }
  }
}
