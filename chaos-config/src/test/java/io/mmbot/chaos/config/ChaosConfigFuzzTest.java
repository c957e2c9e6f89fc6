package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mmbot.chaos.ChaosConfig;
import java.nio.charset.StandardCharsets;

/**
 * Any input yields either a valid {@link ChaosConfig} or a {@link ChaosConfigException} with a key
 * path and a message; nothing else is ever thrown.
 *
 * <p>Under plain {@code mvn test} this replays the committed corpus in {@code
 * src/test/resources/io/mmbot/chaos/config/ChaosConfigFuzzTestInputs/} as a regression test. To
 * fuzz (coverage-guided, new findings are written to that directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl chaos-config -am test -Dtest=ChaosConfigFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m \
 *     '-Djazzer.instrumentation_includes=io.mmbot.chaos.**:org.yaml.snakeyaml.**'
 * </pre>
 *
 * <p>The second property adds SnakeYAML to the coverage feedback, so the fuzzer explores the
 * parser's corners as well as the binder's. The working corpus goes to {@code
 * chaos-config/.cifuzz-corpus} (ignored by git); a finding is written next to the seed corpus and
 * replayed from then on.
 */
class ChaosConfigFuzzTest {

  @FuzzTest
  void parseYieldsConfigOrChaosConfigException(byte[] input) {
    check(() -> ChaosConfigLoader.parse(new String(input, StandardCharsets.UTF_8)));
    check(() -> ChaosConfigLoader.fromBytes(input).config());
  }

  private interface Parse {
    ChaosConfig run();
  }

  private static void check(Parse parse) {
    ChaosConfig config;
    try {
      config = parse.run();
    } catch (ChaosConfigException e) {
      assertThat(e.keyPath()).isNotBlank();
      assertThat(e.detail()).isNotBlank();
      assertThat(e.line()).isNotNegative();
      assertThat(e.getCause()).isNull();
      assertThat(e.detail()).doesNotContain(ChaosConfigLoader.INTERNAL_ERROR);
      return;
    }
    assertThat(config).isNotNull();
    // A valid config survives its own builder: every value is in range.
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }
}
