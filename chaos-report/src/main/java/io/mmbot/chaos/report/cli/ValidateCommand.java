package io.mmbot.chaos.report.cli;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.config.ChaosConfigException;
import io.mmbot.chaos.config.ChaosConfigLoader;
import io.mmbot.chaos.config.ConfigWarning;
import io.mmbot.chaos.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mm-chaos validate config.yaml}: the chaos block as understood, or the config error. A file
 * that is not a regular file (a FIFO, a device, a directory) is refused at once, never read, and a
 * document that is valid but silently means "no chaos" (a misspelled or look-alike {@code chaos:},
 * an empty block, a block only through a merge key) is refused too, with a suggestion: exit 2 in
 * both cases, as for any other error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the chaos: block of a config.yaml exactly as the bot would and prints it as"
          + " understood, every key with its effective value (valid YAML, defaults included).",
      "On an error prints the key path, line and column, the bad value and what is allowed, and"
          + " exits 2.",
      "A document that is valid but leaves chaos off by mistake (choas:, Chaos:, a look-alike"
          + " chaos, chaos: {}, a chaos: block only through a merge key) exits 2 with a"
          + " suggestion. Only regular files are read: a FIFO or device exits 2 at once."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The bot's config.yaml.")
  private Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadedConfig loaded;
    try {
      loaded = ChaosConfigLoader.loadWithWarnings(config);
    } catch (ChaosConfigException e) {
      err.println("mm-chaos validate: " + config + ": " + e.getMessage());
      return MmChaos.BAD_INPUT;
    }
    if (loaded.hasWarnings()) {
      for (ConfigWarning w : loaded.warnings()) {
        err.println("mm-chaos validate: " + config + ": " + w.message());
      }
      err.flush();
      return MmChaos.BAD_INPUT;
    }
    ChaosConfig cfg = loaded.config();
    out.print(ConfigPrinter.print(config.toString(), cfg));
    out.flush();
    return MmChaos.OK;
  }
}
