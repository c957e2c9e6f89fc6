package io.mmbot.chaos.agent.programs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times loopback GETs for the agent's overhead figure, one round per {@code round} command on
 * standard input, so that a harness can interleave rounds of two JVMs (one with the agent, one
 * without): {@code args[0]} the URL, {@code args[1]} {@code okhttp}, {@code jdk} or {@code
 * okhttp-newcall}, {@code args[2]} requests per round. Prints {@code ROUND <wall ns per request>
 * <process CPU ns per request> <calling thread's CPU ns per request>} after each round. The process
 * figure is the program's whole process (the server runs in the harness's JVM), summed from each
 * thread's {@code /proc/self/task/N/schedstat} (nanoseconds; the JVM's own process CPU time moves
 * in 10 ms ticks); -1 where that file is missing.
 */
public final class LoopbackLatencyProgram {

  private LoopbackLatencyProgram() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    boolean okhttp = args[1].startsWith("okhttp");
    // "okhttp-newcall": only Call objects are made, no request is sent: the agent's per-call hook
    // without the network's noise (the interceptors' own cost is measured by JMH in benchmarks).
    boolean newCallOnly = "okhttp-newcall".equals(args[1]);
    int perRound = Integer.parseInt(args[2]) * (newCallOnly ? 1000 : 1);
    OkHttpClient ok = new OkHttpClient();
    HttpClient jdk = HttpClient.newHttpClient();
    Request okRequest = new Request.Builder().url(url).build();
    HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(url)).build();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Out.line("READY " + System.getProperty("java.version"));
    long sink = 0;
    for (String cmd = in.readLine(); cmd != null && cmd.equals("round"); cmd = in.readLine()) {
      long cpuStart = processCpuNanos();
      long threadStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        if (newCallOnly) {
          sink += ok.newCall(okRequest).request() == okRequest ? 1 : 0;
        } else if (okhttp) {
          try (Response response = ok.newCall(okRequest).execute()) {
            sink += response.body().bytes().length;
          }
        } else {
          sink += jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
      }
      long perRequest = (System.nanoTime() - start) / perRound;
      long threadPerRequest = (threads.getCurrentThreadCpuTime() - threadStart) / perRound;
      long cpuEnd = processCpuNanos();
      long cpuPerRequest = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / perRound;
      Out.line("ROUND " + perRequest + " " + cpuPerRequest + " " + threadPerRequest);
    }
    Out.line("DONE " + sink);
    System.exit(0);
  }

  /**
   * CPU nanoseconds of the live threads of this process, from the first field of each thread's
   * {@code schedstat}; -1 when the file system does not offer them. (A thread that ended during a
   * round drops out: the programs start none while measuring.)
   */
  private static long processCpuNanos() {
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return -1;
    }
    long sum = 0;
    for (java.io.File t : tasks) {
      try {
        String s = java.nio.file.Files.readString(new java.io.File(t, "schedstat").toPath()).trim();
        sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
      } catch (java.io.IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return sum;
  }
}
