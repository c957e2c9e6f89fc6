package io.mmbot.chaos.examples.binance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * The suite's runner ({@code examples/target/mm-chaos-suite.jar}) run as a process with {@code
 * --bot-cmd}, as a user runs it, and its run records read back.
 */
final class SuiteRunner {

  /** The checks that rest on the timing of ticks, which the load of a shared machine moves. */
  static final Set<String> TIMING = Set.of("p95_tick", "deadline_miss", "recovery");

  private SuiteRunner() {}

  /** The suite jar the build packaged. */
  static Path suiteJar() {
    return Path.of(System.getProperty("mmChaosSuiteJar", "../examples/target/mm-chaos-suite.jar"));
  }

  /** What one invocation of the runner gave. */
  record Result(int exitCode, String stdout, String stderr, Path out) {

    /**
     * The record of {@code scenario}'s run with {@code seed} ({@code runs/<scenario>-<seed>.json}).
     */
    JSONObject record(String scenario, int seed) throws IOException {
      Path f = out.resolve("runs").resolve(scenario + "-" + seed + ".json");
      return new JSONObject(Files.readString(f, StandardCharsets.UTF_8));
    }

    /** The baseline record of {@code seed}. */
    JSONObject baseline(int seed) throws IOException {
      Path f = out.resolve("baseline").resolve("baseline-" + seed + ".json");
      return new JSONObject(Files.readString(f, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** The names of the checks a record failed. */
  static Set<String> failed(JSONObject record) {
    JSONObject f = record.optJSONObject("failed_checks");
    return f == null ? Set.of() : new TreeSet<>(f.keySet());
  }

  /**
   * Runs the suite with {@code args} (after {@code --out dir}) and waits at most {@code timeout}; a
   * runner still alive then is killed and the test fails.
   */
  static Result run(Path dir, Duration timeout, List<String> args)
      throws IOException, InterruptedException {
    Path out = dir.resolve("chaos");
    List<String> cmd = new ArrayList<>();
    cmd.add(BotProcess.java());
    cmd.add("-jar");
    cmd.add(suiteJar().toString());
    cmd.add("--out");
    cmd.add(out.toString());
    cmd.addAll(args);
    Path so = dir.resolve("suite.stdout");
    Path se = dir.resolve("suite.stderr");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(so.toFile())
            .redirectError(se.toFile())
            .start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "the suite did not finish within " + timeout + ":\n" + Files.readString(se));
      }
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    return new Result(
        p.exitValue(),
        Files.readString(so, StandardCharsets.UTF_8),
        Files.readString(se, StandardCharsets.UTF_8),
        out);
  }

  /** The Java bot's {@code --bot-cmd}, with the suite's placeholders and {@code extra} options. */
  static String javaBotCommand(String agentArgs, String... extra) {
    StringBuilder b = new StringBuilder(quote(BotProcess.java()));
    b.append(" -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    if (agentArgs != null) {
      b.append(' ').append(quote("-javaagent:" + BotProcess.agentJar() + "=" + agentArgs));
    }
    b.append(" -jar ").append(quote(BotProcess.botJar().toString()));
    for (String e : extra) {
      b.append(' ').append(quote(e));
    }
    b.append(" --rest-url {rest_url} --ws-url {ws_url} --api-key {api_key}")
        .append(" --api-secret {api_secret} --metrics-port {metrics_port} --run-dir {run_dir}");
    return b.toString();
  }

  /** {@code s} kept literally by the runner's command splitting. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
