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
 * one warm-up round, prints {@code ROUND <mean nanoseconds per request>} per round, then exits.
 */
public final class LoopbackLatencyProgram {

  private LoopbackLatencyProgram() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    boolean okhttp = "okhttp".equals(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int perRound = Integer.parseInt(args[3]);
    OkHttpClient ok = new OkHttpClient();
    HttpClient jdk = HttpClient.newHttpClient();
    Request okRequest = new Request.Builder().url(url).build();
    HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(url)).build();
    Out.line("READY " + System.getProperty("java.version"));
    long sink = 0;
    for (int r = -1; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        if (okhttp) {
          try (Response response = ok.newCall(okRequest).execute()) {
            sink += response.body().bytes().length;
          }
        } else {
          sink += jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
      }
      long perRequest = (System.nanoTime() - start) / perRound;
      if (r >= 0) {
        Out.line("ROUND " + perRequest);
      }
    }
    Out.line("DONE " + sink);
    System.exit(0);
  }
}
