package io.mmbot.chaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/testing.md shows the example connector and its test exactly as they are compiled and run
 * here. Run with {@code -Ddocs.update=true} to copy the sources into the page after a change.
 */
class TestingDocTest {

  private static final Path DOC = Path.of("..", "docs", "testing.md");
  private static final Path EXAMPLES =
      Path.of("src", "test", "java", "io", "mmbot", "chaos", "junit", "example");

  @ParameterizedTest
  @ValueSource(strings = {"OrderClientChaosTest.java", "OrderClient.java"})
  void thePageShowsTheExampleAsCompiled(String file) throws IOException {
    String source = Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8);
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String begin = "<!-- example:" + file + ":begin -->\n```java\n";
    String end = "```\n<!-- example:" + file + ":end -->";
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertThat(from).as("begin marker of " + file).isNotNegative();
    assertThat(to).as("end marker of " + file).isGreaterThan(from);
    if (Boolean.getBoolean("docs.update")) {
      doc = doc.substring(0, from + begin.length()) + source + doc.substring(to);
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      to = doc.indexOf(end);
    }
    assertThat(doc.substring(from + begin.length(), to)).isEqualTo(source);
  }
}
