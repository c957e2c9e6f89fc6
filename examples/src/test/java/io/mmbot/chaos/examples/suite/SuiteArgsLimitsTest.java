package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runner's limits: seed ranges at the ends of {@code long} and beyond the run limit, numbers
 * beyond their type, unknown options, and a metrics server on a non-loopback address. Each is one
 * line and exit 2, never a stack trace, an out-of-memory or exit 1.
 */
class SuiteArgsLimitsTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String args) {
    String[] argv = (args + " --out " + tmp.resolve("out")).split(" ");
    return SuiteMain.run(
        argv,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String badInput(String args) {
    err.reset();
    assertThat(run(args)).as(args).isEqualTo(SuiteMain.BAD_INPUT);
    String line = err.toString(StandardCharsets.UTF_8).strip();
    assertThat(line).startsWith("mm-chaos-suite: ").doesNotContain("\n").doesNotContain("\tat ");
    assertThat(tmp.resolve("out")).doesNotExist();
    return line;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--seeds 9223372036854775806..9223372036854775807",
        "--seeds -9223372036854775808..9223372036854775807",
        "--seeds -9223372036854775808..-9223372036854775807",
        "--seeds 0..9223372036854775807",
        "--seeds 1..100001",
        "--seeds -5..99999999999"
      })
  void aSeedRangeAtTheEndsOfLongOrTooLargeIsOneLineAndExitTwo(String args) {
    String line = badInput("--scenario net_loss " + args);
    assertThat(line).containsAnyOf("seeds", "runs");
  }

  @Test
  void seedsAreWholeNumbersEveryJsonReaderReadsExactly() throws Exception {
    assertThat(SuiteArgs.parse(new String[] {"--seed", "9007199254740991", "--benchmark"}).seeds)
        .containsExactly(9_007_199_254_740_991L);
    assertThat(
            SuiteArgs.parse(
                    new String[] {"--seeds", "-9007199254740991..-9007199254740990", "--benchmark"})
                .seeds)
        .containsExactly(-9_007_199_254_740_991L, -9_007_199_254_740_990L);
    assertThat(badInput("--seed 9223372036854775807")).contains("out of range");
  }

  @Test
  void theRunLimitCountsEveryScenarioAndTheBaseline() {
    String line = badInput("--seeds 1..20000");
    assertThat(line).contains("runs").contains(String.valueOf(SuiteArgs.MAX_RUNS));
  }

  @Test
  void aNumberBeyondItsTypeIsOutOfRangeNotMalformed() {
    assertThat(badInput("--seed 99999999999999999999")).contains("out of range");
    assertThat(badInput("--scenario net_loss --intensity 1e400")).contains("out of range");
    assertThat(badInput("--duration-sec 1e400")).contains("not a whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.0", "-0", "0.0", "0"})
  void aZeroOrNegativeZeroIntensityIsRefused(String v) {
    assertThat(badInput("--scenario lat_spike --intensity " + v)).contains("--intensity");
  }

  @Test
  void anUnknownOptionIsSaidToBeUnknownEvenWithoutAValue() {
    assertThat(badInput("--bogus")).contains("unknown option '--bogus'");
    assertThat(badInput("--bogus=1")).contains("unknown option '--bogus'");
    assertThat(badInput("-x")).contains("unknown option '-x'");
    // Last on the line, where it used to be taken for an option lacking its value.
    assertThatThrownBy(() -> SuiteArgs.parse(new String[] {"--bogus"}))
        .hasMessage("unknown option '--bogus' (--help lists the options)");
  }

  @Test
  void servingMetricsBeyondLoopbackWarns() throws Exception {
    SuiteArgs a = SuiteArgs.parse(new String[] {"--serve-metrics", "0.0.0.0:9400", "--benchmark"});
    assertThat(a.warnings).singleElement().asString().contains("0.0.0.0").contains("loopback");
    SuiteArgs local =
        SuiteArgs.parse(new String[] {"--serve-metrics", "127.0.0.1:9400", "--benchmark"});
    assertThat(local.warnings).isEmpty();
    // The runner prints it (a benchmark starts no server).
    assertThat(run("--serve-metrics 0.0.0.0:0 --benchmark --scenario net_loss --seed 1")).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("mm-chaos-suite: warning: --serve-metrics 0.0.0.0:0 is not a loopback address");
  }

  @Test
  void aTooLargeRangeIsRefusedBeforeAnythingIsAllocated() {
    assertThatThrownBy(
            () ->
                SuiteArgs.parse(new String[] {"--seeds", "0..9223372036854775807", "--benchmark"}))
        .isInstanceOf(SuiteArgs.BadInput.class);
  }
}
