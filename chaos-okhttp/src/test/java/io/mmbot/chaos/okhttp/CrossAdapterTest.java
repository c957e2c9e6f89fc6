package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.HttpFault;
import io.mmbot.chaos.http.internal.ExchangeAnswers;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK adapter ({@link ChaosHttpClient}) and the OkHttp adapter, given the same seed, the same
 * configuration and the same requests at the same (virtual) times, apply the same faults, answer
 * the caller the same way, and let the same requests reach the server.
 */
class CrossAdapterTest {

  private static final int REQUESTS = 400;

  private final LoopbackServer jdkServer = LoopbackServer.start();
  private final Fixture fx = new Fixture(); // the OkHttp side: its own server, clock and timing

  @AfterEach
  void stop() {
    jdkServer.close();
    fx.close();
  }

  private static ChaosConfig config() {
    return ChaosConfig.builder()
        .enabled(true)
        .dryRun(false)
        .burstOffSec(0)
        .seed(7L)
        .netLoss(0.1)
        .exch429(0.1)
        .exch429WaveCalls(3)
        .exch5xx(0.1)
        .rateLimitStorm(0.05)
        .rateLimitStormCalls(4)
        .latSpikeMs(2)
        .latSpikeProbability(0.2)
        .unknownOutcomeShare(0.5)
        .build();
  }

  private static String fault(
      Scenario s, HttpFault.Outcome o, int status, long delay, String path) {
    return path + " " + s.key() + "/" + o + "/" + status + "/" + delay;
  }

  @Test
  void bothAdaptersMeetTheSameFaultsForTheSameSeedAndRequests() throws Exception {
    // JDK adapter
    VirtualTime jdkClock = new VirtualTime();
    ChaosInjector jdkInjector =
        ChaosInjector.builder().config(config()).nanoClock(jdkClock).build();
    List<String> jdkFaults = new CopyOnWriteArrayList<>();
    ChaosHttpClient jdk =
        ChaosHttpClient.builder(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), jdkInjector)
            .nanoClock(jdkClock)
            .banDuration(Duration.ofSeconds(5))
            .lostResponseTimeout(Duration.ofMillis(1))
            .listener(
                f ->
                    jdkFaults.add(
                        fault(
                            f.scenario(),
                            f.outcome(),
                            f.status(),
                            f.delayMs(),
                            f.request().uri().getPath())))
            .build();
    // OkHttp adapter
    ChaosInjector okInjector = fx.injector(config());
    // Waits pass in a time of their own, as the JDK adapter's real sleeps leave its clock alone.
    OkHttpClient ok =
        ChaosOkHttp.builder(okInjector)
            .nanoClock(fx.clock)
            .timing(new VirtualTiming(new VirtualTime()))
            .listener(fx.faults::add)
            .banDuration(Duration.ofSeconds(5))
            .build()
            .decorate(fx.plainBuilder().readTimeout(1, TimeUnit.SECONDS))
            .build();

    List<String> jdkSeen = new ArrayList<>();
    List<String> okSeen = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String path = "/api/v3/order/" + i;
      jdkSeen.add(path + " " + send(jdk, URI.create(jdkServer.ipUrl(path).toString())));
      okSeen.add(path + " " + send(ok, new Request.Builder().url(fx.server.ipUrl(path)).build()));
      jdkClock.advanceMillis(200);
      fx.clock.advanceMillis(200);
    }

    List<String> okFaults = new ArrayList<>();
    fx.faults.forEach(
        f ->
            okFaults.add(
                fault(
                    f.scenario(),
                    f.outcome(),
                    f.status(),
                    f.delayMs(),
                    f.request().url().encodedPath())));
    assertThat(okFaults).containsExactlyElementsOf(jdkFaults);
    assertThat(okSeen).containsExactlyElementsOf(jdkSeen);
    assertThat(fx.server.paths()).containsExactlyElementsOf(jdkServer.paths());
    for (Scenario s : Scenario.values()) {
      assertThat(okInjector.injections(s)).as(s.key()).isEqualTo(jdkInjector.injections(s));
    }
    // The sequence exercised every kind of answer, so the agreement says something.
    assertThat(String.join("\n", okSeen))
        .contains(" 200 ", " 429 ", " 418 ", "lost-before", "lost-after", " cut")
        .containsPattern(" 50[0234] ");
    assertThat(String.join("\n", okFaults))
        .contains(
            "lat_spike/DELAYED",
            "RESPONSE_REPLACED",
            "RESPONSE_LOST",
            "RESPONSE_CUT",
            "rate_limit_storm");
  }

  /**
   * What the caller of the JDK adapter saw: status, Retry-After, used weight and body, or a loss.
   */
  private static String send(ChaosHttpClient http, URI uri) throws Exception {
    try {
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode()
          + " "
          + r.headers().firstValue("Retry-After").orElse("-")
          + " "
          + r.headers().firstValue(ExchangeAnswers.USED_WEIGHT_HEADER).orElse("-")
          + " "
          + r.body();
    } catch (HttpTimeoutException e) {
      return "lost-after";
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      return m.startsWith("fixed content-length:") ? "cut" : "lost-before";
    }
  }

  /** The same for the OkHttp adapter. */
  private static String send(OkHttpClient http, Request request) throws Exception {
    try (Response r = http.newCall(request).execute()) {
      return r.code()
          + " "
          + headerOr(r, "Retry-After")
          + " "
          + headerOr(r, ExchangeAnswers.USED_WEIGHT_HEADER)
          + " "
          + r.body().string();
    } catch (SocketTimeoutException e) {
      return "lost-after";
    } catch (java.net.ProtocolException e) {
      return "unexpected end of stream".equals(e.getMessage()) ? "cut" : e.toString();
    } catch (ConnectException e) {
      return "lost-before";
    }
  }

  private static String headerOr(Response r, String name) {
    String v = r.header(name);
    return v == null ? "-" : v;
  }
}
