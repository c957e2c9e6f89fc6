package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.external.BotCommand;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the suite runs a bot it did not write ({@code --bot-cmd}, SPEC section 9).
 *
 * @param line the command line as given
 * @param command the command, split and checked
 * @param inject {@code exchange} (the exchange applies the faults) or {@code bot} (the bot's own
 *     injector, driven through its control endpoint)
 * @param limits what the bot declares
 * @param ready how long the bot may take to answer on its metrics port
 * @param grace how long the bot may take to exit after SIGTERM
 * @param out the suite's output directory (run directories go under {@code out/runs/})
 */
public record ExternalBot(
    String line,
    BotCommand command,
    String inject,
    BotLimits limits,
    Duration ready,
    Duration grace,
    Path out) {

  /** The default readiness bound, s. */
  static final long READY_SEC = 20;

  /** The default grace after SIGTERM, s. */
  static final long GRACE_SEC = 5;

  /** Whether the bot's own injector is driven (mode {@code bot}). */
  boolean botInjects() {
    return inject.equals("bot");
  }

  /** The run directory of {@code plan}: {@code out/runs/<scenario>-<seed>/}. */
  Path runDir(RunPlan plan) {
    return out.resolve("runs").resolve(plan.key() + "-" + plan.seed());
  }
}
