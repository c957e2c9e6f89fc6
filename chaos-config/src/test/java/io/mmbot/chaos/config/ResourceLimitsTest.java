package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alias bombs, deep nesting and huge inputs are refused fast and in bounded memory. The bounds are
 * generous safety limits (one second, tens of megabytes), not speed measurements.
 */
class ResourceLimitsTest {

  private static final Duration FAST = Duration.ofSeconds(1);

  /** Loads and warms the parser, so the bounds below measure the input, not class loading. */
  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 20; i++) {
      ChaosConfigLoader.parse(ChaosConfigLoaderTest.SEED);
      rejected(() -> ChaosConfigLoader.parse("x: [[[[1]]]]\nchaos: {net_loss: 2}\n"));
    }
  }

  /** The classic billion laughs: 9 levels of 10 aliases, 10^9 strings if expanded. */
  static String billionLaughs() {
    StringBuilder b = new StringBuilder("exchange: x\n");
    b.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      b.append("]\n");
      prev = c;
    }
    b.append("chaos:\n  enabled: true\n  net_loss: *i\n");
    return b.toString();
  }

  @Test
  void billionLaughsIsRefusedFastNamingTheAliasLine() {
    String bomb = billionLaughs();

    ChaosConfigException e =
        measured(() -> rejected(() -> ChaosConfigLoader.parse(bomb)), 50_000_000L);

    assertThat(e.getMessage()).contains("aliases to lists or mappings").contains("billion laughs");
    assertThat(e.keyPath()).isEqualTo("g[5]");
    assertThat(e.line()).isEqualTo(8);
  }

  @Test
  void hundredMegabyteStringIsRefusedBeforeParsing() {
    String huge = "#".repeat(100 * 1024 * 1024);

    ChaosConfigException e =
        measured(() -> rejected(() -> ChaosConfigLoader.parse(huge)), 10_000_000L);

    assertThat(e.getMessage()).contains("longer than " + ChaosConfigLoader.MAX_DOCUMENT_SIZE);
    assertThat(e.keyPath()).isEqualTo(ChaosConfigException.DOCUMENT);
  }

  @Test
  void hundredMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("config.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024); // sparse: no 100 MB write needed
    }

    ChaosConfigException e = measured(() -> rejected(() -> ChaosConfigLoader.load(f)), 10_000_000L);

    assertThat(e.getMessage()).contains("104857600 bytes").contains("more than");
  }

  @Test
  void deepNestingIsRefusedNamingTheLine() {
    String deep = "chaos:\n  enabled: true\nx: " + "[".repeat(1000) + "]".repeat(1000) + "\n";

    ChaosConfigException e =
        measured(() -> rejected(() -> ChaosConfigLoader.parse(deep)), 50_000_000L);

    assertThat(e.getMessage())
        .contains("nested deeper than " + ChaosConfigLoader.MAX_NESTING_DEPTH);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.keyPath()).startsWith("x[0][0]");
  }

  @Test
  void selfReferencingChaosBlockIsAnErrorNotALoop() {
    ChaosConfigException e = rejected(() -> ChaosConfigLoader.parse("chaos: &c {again: *c}\n"));

    assertThat(e.keyPath()).isEqualTo("chaos.again");
    assertThat(e.getMessage()).contains("unknown key");
  }

  @Test
  void globalTagsNeverLoadAClass() {
    String gadget =
        "chaos: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
            + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n";

    ChaosConfigException e = rejected(() -> ChaosConfigLoader.parse(gadget));

    assertThat(e.getMessage()).contains("global tag is not allowed");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void manyScalarAliasesInOtherBlocksAreFine() {
    StringBuilder b = new StringBuilder("v: &v 1\nlist:\n");
    for (int i = 0; i < 10_000; i++) {
      b.append("  - *v\n");
    }
    b.append("chaos:\n  enabled: true\n");

    assertThat(ChaosConfigLoader.parse(b.toString()).enabled()).isTrue();
  }

  private static ChaosConfigException rejected(Runnable r) {
    return catchThrowableOfType(ChaosConfigException.class, r::run);
  }

  /**
   * Bytes this thread has allocated so far, read through reflection because the test sources are
   * compiled inside the library module, which does not read the management modules.
   */
  private static long allocatedBytes() throws ReflectiveOperationException {
    Object bean =
        Class.forName("java.lang.management.ManagementFactory")
            .getMethod("getThreadMXBean")
            .invoke(null);
    return (long)
        Class.forName("com.sun.management.ThreadMXBean")
            .getMethod("getCurrentThreadAllocatedBytes")
            .invoke(bean);
  }

  /** Runs {@code s} within {@link #FAST} and at most {@code maxAllocatedBytes} of allocation. */
  private static ChaosConfigException measured(
      Supplier<ChaosConfigException> s, long maxAllocatedBytes) {
    return assertTimeoutPreemptively(
        FAST,
        () -> {
          long before = allocatedBytes();
          long t0 = System.nanoTime();
          ChaosConfigException e = s.get();
          long micros = (System.nanoTime() - t0) / 1000;
          long allocated = allocatedBytes() - before;
          System.out.printf(
              "refused in %d us, %d KiB allocated: %s%n", micros, allocated / 1024, e.getMessage());
          assertThat(allocated).isLessThan(maxAllocatedBytes);
          return e;
        });
  }
}
