package io.mmbot.chaos.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code mm-chaos-exchange.jar} run as a user runs it: it serves, and on SIGTERM it
 * closes its clients' connections and both ports before the JVM exits.
 */
class ExchangeJarIT {

  @Test
  void sigtermClosesEveryConnectionAndBothPortsBeforeTheJvmExits(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of(System.getProperty("exchange.jar", "target/mm-chaos-exchange.jar"));
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--seed", "3")
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String restLine = out.readLine();
      String wsLine = out.readLine();
      assertThat(restLine).startsWith("REST http://127.0.0.1:");
      assertThat(wsLine).startsWith("WS ws://127.0.0.1:");
      URI rest = URI.create(restLine.substring("REST ".length()));
      URI ws = URI.create(wsLine.substring("WS ".length()));

      // a client keeps a connection and a stream open while the exchange is told to stop
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> ping =
          http.send(
              HttpRequest.newBuilder(URI.create(rest + "/api/v3/ping"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ping.body()).isEqualTo("{}");
      StreamWireTest.Events events = new StreamWireTest.Events();
      WebSocket stream =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(ws + "/ws/btcusdt@bookTicker"), events)
              .get(10, TimeUnit.SECONDS);
      events.next();

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      assertThat(p.exitValue()).isEqualTo(128 + 15);
      assertThat(Files.readString(err))
          .contains("mm-chaos-exchange: stopped, every connection and port closed");
      assertThat(events.nextControl()).isEqualTo("CLOSE 1001 server shutting down");
      for (int port : new int[] {rest.getPort(), ws.getPort()}) {
        try (ServerSocket again = new ServerSocket()) {
          again.setReuseAddress(true);
          again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
      }
      stream.abort();
    } finally {
      p.destroyForcibly();
    }
  }
}
