package io.mmbot.chaos.agent.programs;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * An unmodified program using only the JDK: {@code jdk} makes one {@code HttpClient} GET, {@code
 * url} one {@code HttpURLConnection} GET, {@code ws} opens one {@code java.net.http} WebSocket.
 */
public final class JdkProgram {

  private JdkProgram() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Out.line("READY " + System.getProperty("java.version"));
    for (String cmd = in.readLine(); cmd != null; cmd = in.readLine()) {
      switch (cmd.trim()) {
        case "class":
          Out.line("CLASS " + client.getClass().getName());
          break;
        case "jdk":
          try {
            HttpResponse<String> r =
                client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v3/depth"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            Out.line("JDK " + r.statusCode() + " " + r.body());
          } catch (Exception e) {
            Out.line("JDK FAIL " + Out.describe(e));
          }
          break;
        case "url":
          try {
            HttpURLConnection c =
                (HttpURLConnection) URI.create(base + "/api/v3/depth").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
              Out.line(
                  "URL " + status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
          } catch (Exception e) {
            Out.line("URL FAIL " + Out.describe(e));
          }
          break;
        case "ws":
          client
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(args[1] + "/ws/btcusdt@trade"),
                  new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                      Out.line("WS OPEN");
                      webSocket.request(Long.MAX_VALUE);
                    }

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      Out.line("WS MESSAGE " + data);
                      return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                      Out.line("WS FAILURE " + Out.describe(error));
                    }

                    @Override
                    public CompletionStage<?> onClose(
                        WebSocket webSocket, int statusCode, String reason) {
                      Out.line("WS CLOSED " + statusCode);
                      return null;
                    }
                  });
          break;
        case "quit":
          Out.line("BYE");
          System.exit(0);
          break;
        default:
          Out.line("UNKNOWN " + cmd);
      }
    }
    System.exit(0);
  }
}
