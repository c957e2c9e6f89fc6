package io.mmbot.chaos.report.cli;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.config.ChaosConfigException;
import io.mmbot.chaos.config.ChaosConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mm-chaos validate config.yaml}: the chaos block as understood, or the config error. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the chaos: block of a config.yaml exactly as the bot would and prints it as"
          + " understood, every key with its effective value (valid YAML, defaults included).",
      "On an error prints the key path, line and column, the bad value and what is allowed, and"
          + " exits 2."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The bot's config.yaml.")
  private Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChaosConfig cfg;
    try {
      cfg = ChaosConfigLoader.load(config);
    } catch (ChaosConfigException e) {
      err.println("mm-chaos validate: " + config + ": " + e.getMessage());
      return MmChaos.BAD_INPUT;
    }
    out.print(ConfigPrinter.print(config.toString(), cfg));
    out.flush();
    return MmChaos.OK;
  }
}
