package io.mmbot.chaos.examples.exchange.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mmbot.chaos.testsupport.CuttingServer;
import io.mmbot.chaos.testsupport.CuttingServer.Mode;
import io.mmbot.chaos.testsupport.LocalProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loopback connector tells a real cut answer (the request was sent: unknown outcome) from a
 * connection that failed before sending, on the JDK client's own exceptions.
 */
class CutAnswerTest {

  private static Throwable failure(String url) {
    Throwable t =
        catchThrowable(
            () ->
                HttpClient.newHttpClient()
                    .sendAsync(
                        HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString("a=1"))
                            .build(),
                        BodyHandlers.ofString())
                    .get(30, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @Test
  void aBodyCutShortAndAResetBeforeTheAnswerAreCuts() throws IOException {
    try (CuttingServer server = new CuttingServer(Mode.CUT_BODY)) {
      assertThat(CutAnswer.isCut(failure(server.url("/api/v3/order")))).isTrue();
      server.mode(Mode.RESET);
      assertThat(CutAnswer.isCut(failure(server.url("/api/v3/order")))).isTrue();
    }
  }

  @Test
  void aRefusedConnectionIsNot() throws IOException {
    Throwable refused = failure("http://127.0.0.1:" + LocalProcess.freePort() + "/api/v3/order");
    assertThat(CutAnswer.isCut(refused)).isFalse();
  }
}
