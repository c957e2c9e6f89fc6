package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mmbot.chaos.ChaosConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md cannot drift from the binder: its key table must equal the one rendered
 * here from {@link KeyTable}, and the number of bad documents it quotes must equal the suite's. Run
 * with {@code -Ddocs.update=true} to rewrite the table after changing a key.
 */
class ConfigurationDocTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final String BEGIN = "<!-- key-table:begin (generated from KeyTable) -->\n";
  private static final String END = "<!-- key-table:end -->";

  static String renderTable() {
    StringBuilder b = new StringBuilder();
    b.append("| key | type | default | range | meaning |\n");
    b.append("|---|---|---|---|---|\n");
    for (KeyTable.Key k : KeyTable.keys()) {
      Object def = k.getter().apply(ChaosConfig.defaults());
      String shown =
          def == null
              ? "none"
              : def instanceof Double ? KeyTable.plain((Double) def) : def.toString();
      b.append("| `")
          .append(k.fullPath())
          .append("` | ")
          .append(k.type().label)
          .append(" | `")
          .append(shown)
          .append("` | ")
          .append(k.range().isEmpty() ? "`true`, `false`" : k.range())
          .append(" | ")
          .append(k.meaning())
          .append(" |\n");
    }
    return b.toString();
  }

  @Test
  void keyTableInTheDocsIsTheBindersOwn() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("begin marker").isNotNegative();
    assertThat(to).as("end marker").isGreaterThan(from);
    String table = renderTable();
    if (Boolean.getBoolean("docs.update")) {
      doc = doc.substring(0, from + BEGIN.length()) + table + doc.substring(to);
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      to = doc.indexOf(END);
    }

    assertThat(doc.substring(from + BEGIN.length(), to)).isEqualTo(table);
  }

  @Test
  void errorExamplesInTheDocsAreWhatTheLoaderSays() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String[] examples = {
      "x: 1\nbot: 2\nchaos:\n  net_loss: 2\n",
      "chaos:\n  enabled: true\n  net_los: 0.3\n",
      "chaos:\n  lat_spike_ms: -5\n",
      "chaos:\n  net_loss: \"0.3\"\n",
      "chaos:\n  lat_spike_ms: 200\n  lat_spike:\n    probability: 0.2\n",
      "chaos:\n  enabled: true\n\tnet_loss: 0.3\n",
    };
    for (String example : examples) {
      String message =
          catchThrowableOfType(ChaosConfigException.class, () -> ChaosConfigLoader.parse(example))
              .getMessage();

      assertThat(doc).as("docs/configuration.md quotes %s", message).contains(message + "\n");
    }
  }

  @Test
  void warningExamplesInTheDocsAreWhatTheLoaderSays() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String[] examples = {"choas:\n  enabled: true\n", "chaos: {}\n"};
    for (String example : examples) {
      String message = ChaosConfigLoader.parseWithWarnings(example).warnings().get(0).message();
      String quoted = message.startsWith("choas") ? message : message.substring(0, 60);

      assertThat(doc).as("docs/configuration.md quotes %s", message).contains("`` " + quoted);
    }
  }

  @Test
  void docsQuoteTheNumberOfBadDocumentsTested() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);

    assertThat(doc).contains("**" + BadDocumentsTest.CASES.size() + " bad documents**");
  }
}
