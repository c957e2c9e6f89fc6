package io.mmbot.chaos.agent.programs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times loopback GETs for the agent's overhead figure: {@code args[0]} the URL, {@code args[1]}
 * {@code okhttp} or {@code jdk}, {@code args[2]} rounds, {@code args[3]} requests per round. After
 * {@value #WARM_UP_ROUNDS} warm-up rounds, prints {@code ROUND <wall ns per request> <process CPU
 * ns per request>} per round, then exits. The CPU figure is the whole process's (client, server
 * threads are in the test's JVM), so it shows a cost the agent adds even when the machine's load
 * makes the wall-clock time swing.
 */
public final class LoopbackLatencyProgram {

  private static final int WARM_UP_ROUNDS = 3;

  private LoopbackLatencyProgram() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    boolean okhttp = args[1].startsWith("okhttp");
    // "okhttp-newcall": only Call objects are made, no request is sent: the agent's per-call hook
    // without the network's noise (the interceptors' own cost is measured by JMH in benchmarks).
    boolean newCallOnly = "okhttp-newcall".equals(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int perRound = Integer.parseInt(args[3]) * (newCallOnly ? 1000 : 1);
    OkHttpClient ok = new OkHttpClient();
    HttpClient jdk = HttpClient.newHttpClient();
    Request okRequest = new Request.Builder().url(url).build();
    HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(url)).build();
    Out.line("READY " + System.getProperty("java.version"));
    long sink = 0;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
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
      long cpuPerRequest = (os.getProcessCpuTime() - cpuStart) / perRound;
      if (r >= 0) {
        Out.line("ROUND " + perRequest + " " + cpuPerRequest);
      }
    }
    Out.line("DONE " + sink);
    System.exit(0);
  }
}
