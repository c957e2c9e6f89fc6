package io.mmbot.chaos.agent;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One test program in a JVM of its own, on the JDK that runs the build, optionally under the agent
 * jar: commands go to its standard input, its output lines are collected. {@link #close()} ends it
 * in all cases.
 */
final class AgentProcess implements AutoCloseable {

  private final Process process;
  private String javaVersion = "";
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();

  private AgentProcess(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    pump(
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
        true);
    pump(
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
        false);
  }

  /** The packaged agent jar (set by the build). */
  static Path agentJar() {
    return Path.of(System.getProperty("mmChaosAgentJar", "target/mm-chaos-agent.jar"));
  }

  /**
   * Starts {@code mainClass} with {@code args}; under the agent with {@code agentArgs} unless it is
   * null. The class path is this JVM's without mm-chaos's own classes (the agent brings those).
   */
  static AgentProcess start(String agentArgs, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    return start(java.util.Map.of(), agentArgs, mainClass, args);
  }

  /** As {@link #start(String, Class, String...)}, with {@code env} added to the environment. */
  static AgentProcess start(
      java.util.Map<String, String> env, String agentArgs, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    return start(Path.of(System.getProperty("java.home")), env, agentArgs, mainClass, args);
  }

  /** As {@link #start(java.util.Map, String, Class, String...)}, on the JDK at {@code javaHome}. */
  static AgentProcess start(
      Path javaHome,
      java.util.Map<String, String> env,
      String agentArgs,
      Class<?> mainClass,
      String... args)
      throws IOException, InterruptedException {
    return start(javaHome, programClassPath(), env, agentArgs, mainClass, args);
  }

  /** As {@link #start(Path, java.util.Map, String, Class, String...)}, on {@code classPath}. */
  static AgentProcess start(
      Path javaHome,
      String classPath,
      java.util.Map<String, String> env,
      String agentArgs,
      Class<?> mainClass,
      String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaHome.resolve("bin").resolve("java").toString());
    if (mainClass != io.mmbot.chaos.agent.programs.LoopbackLatencyProgram.class) {
      cmd.add("-XX:TieredStopAtLevel=1"); // quick start; the measuring program gets the full JIT
    } else {
      // the overhead harness may fix the heap (as -Xms512m -Xmx512m) on both sides alike
      String jvmArgs = System.getProperty("mm.chaos.overhead.jvmArgs", "").trim();
      if (!jvmArgs.isEmpty()) {
        cmd.addAll(List.of(jvmArgs.split("\\s+")));
      }
    }
    if (agentArgs != null) {
      cmd.add("-javaagent:" + agentJar().toAbsolutePath() + "=" + agentArgs);
    }
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    AgentProcess p = new AgentProcess(pb.start());
    p.javaVersion = p.await(l -> l.startsWith("READY"), Duration.ofSeconds(20)).substring(5).trim();
    return p;
  }

  static String programClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            e ->
                e.endsWith("test-classes")
                    || !(e.contains(
                            File.separator + "io" + File.separator + "mmbot" + File.separator)
                        || e.matches(".*[/\\\\]chaos-[a-z0-9-]+[/\\\\]target[/\\\\].*")
                        || e.contains("surefire")
                        || e.contains("failsafe")
                        || e.contains("byte-buddy")
                        || e.contains("junit")
                        || e.contains("assertj")
                        || e.contains("opentest4j")
                        || e.contains("apiguardian")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private void pump(BufferedReader reader, boolean out) {
    Thread t =
        new Thread(
            () -> {
              try (reader) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                  if (out) {
                    lines.add(l);
                    all.add(l);
                  } else {
                    errors.add(l);
                  }
                }
              } catch (IOException e) {
                // process ended
              }
            },
            out ? "program-stdout" : "program-stderr");
    t.setDaemon(true);
    t.start();
  }

  /** Sends one command line. */
  void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /** Sends {@code command} and returns the next output line starting with {@code prefix}. */
  String ask(String command, String prefix) throws IOException, InterruptedException {
    send(command);
    return await(l -> l.startsWith(prefix), Duration.ofSeconds(15));
  }

  /**
   * Sends {@code command} until its answer starts with {@code wanted} (a config change takes a
   * moment to be read), at most {@code tries} times; returns the last answer.
   */
  String askUntil(String command, String prefix, String wanted, int tries) throws Exception {
    String last = null;
    for (int i = 0; i < tries; i++) {
      last = ask(command, prefix);
      if (last.startsWith(wanted)) {
        return last;
      }
      Thread.sleep(200);
    }
    return last;
  }

  /** The next output line matching {@code wanted}, skipping others; fails after {@code timeout}. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (l == null) {
        throw new AssertionError(
            "no expected line within "
                + timeout
                + "; output: "
                + tail(all)
                + "; errors: "
                + tail(errors));
      }
      if (wanted.test(l)) {
        return l;
      }
    }
  }

  private static List<String> tail(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    return copy.subList(Math.max(0, copy.size() - 15), copy.size());
  }

  /** The {@code java.version} the program runs on, as it printed it. */
  String javaVersion() {
    return javaVersion;
  }

  /** Whether any output line so far, awaited or not, matches {@code line}. */
  boolean printed(Predicate<String> line) {
    return all.stream().anyMatch(line);
  }

  /** Drops the lines read so far but not yet awaited. */
  void skipPending() {
    lines.clear();
  }

  /** The first number after {@code marker} in standard error (a port the agent logged), or -1. */
  int numberAfter(String marker) {
    for (String e : errors) {
      int i = e.indexOf(marker);
      if (i >= 0) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(\\d+)").matcher(e.substring(i + marker.length()));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }
    return -1;
  }

  /** Standard error so far. */
  List<String> errors() {
    return errors;
  }

  @Override
  public void close() {
    try {
      send("quit");
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
