package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmbot.chaos.testsupport.CuttingServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/adapters.md says of the module path, checked on a real one: a tiny modular program that
 * {@code requires io.mmbot.chaos.okhttp} and makes one OkHttp call through {@code
 * ChaosOkHttp.decorate} to a loopback server, compiled and run in a JVM of its own with only
 * mm-chaos, OkHttp, okio and the Kotlin standard library on its module path. Without {@code
 * --add-modules kotlin.stdlib} the call fails for want of a Kotlin class; with it, it is answered.
 * If either stops being so, the note is wrong and this test fails.
 */
class ModulePathNoteTest {

  private static final String MODULE_INFO =
      "module probe.bot {\n  requires io.mmbot.chaos.okhttp;\n}\n";

  private static final String MAIN =
      "package probe;\n"
          + "import io.mmbot.chaos.ChaosConfig;\n"
          + "import io.mmbot.chaos.ChaosInjector;\n"
          + "import io.mmbot.chaos.okhttp.ChaosOkHttp;\n"
          + "import okhttp3.OkHttpClient;\n"
          + "import okhttp3.Request;\n"
          + "import okhttp3.Response;\n"
          + "public final class Main {\n"
          + "  public static void main(String[] args) throws Exception {\n"
          + "    ChaosInjector injector = ChaosInjector.create(ChaosConfig.defaults());\n"
          + "    OkHttpClient http =\n"
          + "        ChaosOkHttp.decorate(new OkHttpClient.Builder(), injector).build();\n"
          + "    try (Response r = http.newCall(new Request.Builder().url(args[0]).build())"
          + ".execute()) {\n"
          + "      System.out.println(\"STATUS \" + r.code());\n"
          + "    }\n"
          + "    System.exit(0);\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;
  private CuttingServer server;

  @BeforeEach
  void start() throws IOException {
    server = new CuttingServer(CuttingServer.Mode.ANSWER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** mm-chaos's own classes and the OkHttp, okio and Kotlin jars of this build's class path. */
  private static String modulePath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      boolean ownMain =
          e.matches(".*[/\\\\]chaos-(core|adapters|okhttp)[/\\\\]target[/\\\\]classes")
              || (name.matches("chaos-(core|adapters|okhttp)-.*\\.jar")
                  && !name.endsWith("-tests.jar"));
      boolean library =
          name.startsWith("okhttp-")
              || name.startsWith("okio-")
              || name.startsWith("kotlin-stdlib");
      if (ownMain || library) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private Path compile(String modulePath) throws IOException, InterruptedException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("probe"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("probe/Main.java"), MAIN);
    Path out = dir.resolve("out");
    Process javac =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "--module-path",
                modulePath,
                "--add-modules",
                "kotlin.stdlib",
                "-d",
                out.toString(),
                src.resolve("module-info.java").toString(),
                src.resolve("probe/Main.java").toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(120, TimeUnit.SECONDS)).as("javac ends").isTrue();
    int rc = javac.exitValue();
    assertThat(rc).as("javac: %s", said).isZero();
    return out;
  }

  /** Runs the program; its output and standard error, joined. */
  private String run(String modulePath, boolean addKotlin) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    if (addKotlin) {
      cmd.addAll(List.of("--add-modules", "kotlin.stdlib"));
    }
    cmd.addAll(
        List.of(
            "--module-path", modulePath, "-m", "probe.bot/probe.Main", server.url("/api/v3/ping")));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the program ends").isTrue();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void okHttpOnTheModulePathNeedsKotlinStdlibAddedByHand() throws Exception {
    String libraries = modulePath();
    // The note is about OkHttp 4.12, the version the adapter is built against; the same suite
    // also runs on OkHttp 5 (chaos-okhttp5-tests), where this test does not apply.
    assumeTrue(libraries.contains("okhttp-4."), "OkHttp 4 on the class path");
    assertThat(libraries.split(File.pathSeparator))
        .as("module path")
        .anyMatch(e -> e.contains("kotlin-stdlib"));
    Path program = compile(libraries);
    String modulePath = program + File.pathSeparator + libraries;

    String without = run(modulePath, false);
    String with = run(modulePath, true);

    assertThat(without)
        .as("without --add-modules kotlin.stdlib")
        .doesNotContain("STATUS")
        .containsPattern("NoClassDefFoundError: kotlin/");
    assertThat(with).as("with --add-modules kotlin.stdlib").contains("STATUS 200");
    assertThat(
            Arrays.stream(libraries.split(File.pathSeparator))
                .map(e -> Path.of(e).getFileName().toString())
                .collect(Collectors.joining(" ")))
        .doesNotContain("junit");
  }
}
