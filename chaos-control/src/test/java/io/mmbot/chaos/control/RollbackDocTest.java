package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/rollback.md shows the exact configuration the fleet end-to-end test runs. */
class RollbackDocTest {

  private static final Path DOC =
      Path.of(System.getProperty("basedir", "."))
          .toAbsolutePath()
          .resolve("../docs/rollback.md")
          .normalize();

  @Test
  void fleetRecipeQuotesTheTestsTemplatesVerbatim() throws Exception {
    String doc = Files.readString(DOC);
    for (String name : new String[] {"prometheus.yml", "alertmanager.yml"}) {
      assertThat(doc).as(name).contains("```yaml\n" + FleetEndToEndTest.template(name) + "```\n");
    }
  }

  @Test
  void fleetRecipeListsEveryShorteningOfTheShippedRules() throws Exception {
    String doc = Files.readString(DOC);
    for (Map.Entry<String, String> e : FleetEndToEndTest.SHORTER.entrySet()) {
      assertThat(doc).contains("| `" + e.getKey() + "` | `" + e.getValue() + "` |");
    }
  }
}
