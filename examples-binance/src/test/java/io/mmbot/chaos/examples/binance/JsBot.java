package io.mmbot.chaos.examples.binance;

import static org.junit.jupiter.api.Assertions.fail;

import io.mmbot.chaos.testsupport.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The JavaScript bot the tests run: where it lies, and the {@code node} that runs it once ccxt is
 * installed beside it. Missing either aborts the test, except in CI, where it fails it.
 */
final class JsBot {

  /** The bot's directory ({@code bot.mjs}, its lockfile, {@code node_modules}). */
  static final Path DIR = Path.of(System.getProperty("mmJsBotDir", "src/main/js"));

  private JsBot() {}

  /** The {@code node} program, after checking that ccxt is installed. */
  static Path requireNodeAndCcxt() {
    Path node = ExternalProgram.require("node", "apt-get install -y nodejs");
    if (!Files.isDirectory(DIR.resolve("node_modules/ccxt"))) {
      String why = "ccxt is not installed: run npm ci in examples-binance/src/main/js";
      if (ExternalProgram.inCi()) {
        fail(why + "; CI=true requires it");
      }
      Assumptions.abort(why);
    }
    return node;
  }
}
