package io.mmbot.chaos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testing.LoopbackHttpServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decorator behaves like the JDK client it wraps, checked against that client itself. */
class ChaosHttpClientFidelityTest {

  private LoopbackHttpServer server;
  private HttpClient plain;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackHttpServer();
    plain = HttpClient.newHttpClient(); // prefers HTTP/2, as the JDK's default client does
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ChaosHttpClient limited() {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder()
                .enabled(true)
                .dryRun(false)
                .burstOffSec(0)
                .exch429(1.0)
                .seed(3L)
                .build());
    return ChaosHttpClient.wrap(plain, injector);
  }

  @Test
  void everyPublicMethodOfTheRunningJdksHttpClientIsOverridden() {
    List<String> missing = new ArrayList<>();
    for (Method m : HttpClient.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Method own = ChaosHttpClient.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
        assertThat(Modifier.isPublic(own.getModifiers())).as(own.toString()).isTrue();
      } catch (NoSuchMethodException e) {
        missing.add(m.getName() + Arrays.toString(m.getParameterTypes()));
      }
    }
    assertThat(missing)
        .as("HttpClient methods of JDK %s that ChaosHttpClient does not forward", Runtime.version())
        .isEmpty();
  }

  @Test
  void aSyntheticAnswerOverCleartextReportsTheVersionTheRealClientGets() throws Exception {
    for (HttpRequest.Builder b :
        List.of(
            HttpRequest.newBuilder(server.uri("/v")),
            HttpRequest.newBuilder(server.uri("/v")).version(HttpClient.Version.HTTP_2))) {
      HttpRequest request = b.build();
      HttpResponse<String> real = plain.send(request, BodyHandlers.ofString());
      AtomicReference<HttpClient.Version> seenByHandler = new AtomicReference<>();
      HttpResponse<String> synthetic =
          limited()
              .send(
                  request,
                  info -> {
                    seenByHandler.set(info.version());
                    return BodyHandlers.ofString().apply(info);
                  });
      assertThat(synthetic.statusCode()).isEqualTo(429);
      assertThat(synthetic.version())
          .isEqualTo(real.version())
          .isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(seenByHandler.get()).isEqualTo(real.version());
    }
  }

  @Test
  void aSyntheticAnswerOverTlsReportsHttp2WhenTheClientAsksForIt() throws Exception {
    // Never sent: a synthetic 429 is answered before the request leaves.
    HttpRequest tls = HttpRequest.newBuilder(URI.create("https://127.0.0.1:9/api")).build();
    assertThat(limited().send(tls, BodyHandlers.ofString()).version())
        .isEqualTo(HttpClient.Version.HTTP_2);
    HttpRequest http11 =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:9/api"))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    assertThat(limited().send(http11, BodyHandlers.ofString()).version())
        .isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void aThrowingBodyHandlerSurfacesOnSendAsTheRealClientsIoException() throws Exception {
    for (Throwable failure :
        List.of(new IllegalStateException("handler bug"), new AssertionError("handler error"))) {
      BodyHandler<String> throwing =
          info -> {
            if (failure instanceof Error) {
              throw (Error) failure;
            }
            throw (RuntimeException) failure;
          };
      HttpRequest request = HttpRequest.newBuilder(server.uri("/h")).build();
      Throwable real = catchSend(() -> plain.send(request, throwing));
      Throwable synthetic = catchSend(() -> limited().send(request, throwing));
      assertThat(real).isExactlyInstanceOf(IOException.class).hasCause(failure);
      assertThat(synthetic).isExactlyInstanceOf(IOException.class).hasCause(failure);
      assertThat(synthetic).hasMessage(real.getMessage());
    }
  }

  @Test
  void aThrowingBodyHandlerFailsSendAsyncsFutureAsTheRealClientDoes() throws Exception {
    IllegalStateException failure = new IllegalStateException("handler bug");
    BodyHandler<String> throwing =
        info -> {
          throw failure;
        };
    HttpRequest request = HttpRequest.newBuilder(server.uri("/h")).build();
    CompletableFuture<HttpResponse<String>> real = plain.sendAsync(request, throwing);
    CompletableFuture<HttpResponse<String>> synthetic = limited().sendAsync(request, throwing);
    for (CompletableFuture<HttpResponse<String>> f : List.of(real, synthetic)) {
      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
          .isExactlyInstanceOf(ExecutionException.class)
          .hasCause(failure);
    }
  }

  private interface Send {
    HttpResponse<String> run() throws Exception;
  }

  private static Throwable catchSend(Send send) {
    try {
      send.run();
      throw new AssertionError("expected the send to fail");
    } catch (Throwable t) {
      return t;
    }
  }
}
