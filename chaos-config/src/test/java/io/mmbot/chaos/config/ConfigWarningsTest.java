package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid documents that silently mean "no chaos" keep chaos off but say so: a warning in the log and
 * in {@link LoadedConfig#warnings()}, with a suggestion where there is one.
 */
class ConfigWarningsTest {

  private static final String BODY = "  enabled: true\n  dry_run: false\n  net_loss: 0.3\n";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "choas    | choas    | is not read: only `chaos:` is",
        "chaso    | chaso    | is not read: only `chaos:` is",
        "chas     | chas     | is not read: only `chaos:` is",
        "chaoss   | chaoss   | is not read: only `chaos:` is",
        "Chaos    | Chaos    | keys are case-sensitive",
        "CHAOS    | CHAOS    | keys are case-sensitive",
        "\u0441haos | \u0441haos | U+0441 (CYRILLIC SMALL LETTER ES)",
        "cha\u043es | cha\u043es | U+043E (CYRILLIC SMALL LETTER O)",
        "\uff43haos | \uff43haos | U+FF43 (FULLWIDTH LATIN SMALL LETTER C)",
        "'cha\u200bos' | cha\u200bos | U+200B (ZERO WIDTH SPACE)",
      })
  void aTopLevelBlockThatLooksLikeChaosWarnsWithASuggestion(
      String key, String path, String fragment) {
    LoadedConfig loaded = ChaosConfigLoader.parseWithWarnings("bot: 1\n" + key + ":\n" + BODY);

    assertThat(loaded.config()).isEqualTo(ChaosConfig.defaults());
    assertThat(loaded.warnings()).hasSize(1);
    ConfigWarning w = loaded.warnings().get(0);
    assertThat(w.keyPath()).isEqualTo(path);
    assertThat(w.line()).isEqualTo(2);
    assertThat(w.column()).isEqualTo(1);
    assertThat(w.detail()).contains(fragment).contains("chaos stays off");
    assertThat(w.suggestion()).isEqualTo("chaos:");
    assertThat(w.message()).endsWith("did you mean `chaos:`?");
  }

  @Test
  void anEmptyChaosBlockWarns() {
    LoadedConfig loaded = ChaosConfigLoader.parseWithWarnings("bot: 1\nchaos: {}\n");

    assertThat(loaded.config()).isEqualTo(ChaosConfig.defaults());
    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.keyPath()).isEqualTo("chaos");
              assertThat(w.line()).isEqualTo(2);
              assertThat(w.detail()).contains("empty").contains("chaos stays off");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "base: &b\n  chaos:\n" + "    enabled: true\n    net_loss: 0.3\n<<: *b\n",
        "base: &b\n  chaos: {enabled: true}\nother: &o {x: 1}\n<<: [*o, *b]\n",
      })
  void aChaosBlockThatArrivesOnlyThroughARootMergeKeyWarns(String yaml) {
    LoadedConfig loaded = ChaosConfigLoader.parseWithWarnings(yaml);

    assertThat(loaded.config()).isEqualTo(ChaosConfig.defaults());
    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.keyPath()).isEqualTo("<<");
              assertThat(w.detail()).contains("merge key").contains("chaos stays off");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bot: 1\nchaos:\n" + BODY,
        "bot: 1\n",
        "class: 1\ncache: 2\nhosts: [a]\nchaos_monkey: x\nchain: 3\nchaos:\n  enabled: false\n",
        "base: &b {x: 1}\n<<: *b\n",
        "base: &b\n  chaos: {enabled: true}\n<<: *b\nchaos:\n  enabled: false\n",
      })
  void ordinaryDocumentsHaveNoWarnings(String yaml) {
    assertThat(ChaosConfigLoader.parseWithWarnings(yaml).warnings()).isEmpty();
  }

  @Test
  void loadAndParseLogTheWarnings() throws Exception {
    Logger jul = Logger.getLogger(ChaosConfigLoader.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(handler);
    try {
      Path file = Files.writeString(dir.resolve("config.yaml"), "choas:\n" + BODY);

      assertThat(ChaosConfigLoader.load(file)).isEqualTo(ChaosConfig.defaults());
      assertThat(ChaosConfigLoader.parse("chaos: {}\n")).isEqualTo(ChaosConfig.defaults());

      assertThat(records).hasSize(2).allMatch(r -> r.getLevel() == Level.WARNING);
      assertThat(records.get(0).getParameters()[0].toString())
          .startsWith("choas at 1:1: ")
          .endsWith("did you mean `chaos:`?");
      assertThat(ChaosConfigLoader.loadWithWarnings(file).warnings()).hasSize(1);
    } finally {
      jul.removeHandler(handler);
    }
  }
}
