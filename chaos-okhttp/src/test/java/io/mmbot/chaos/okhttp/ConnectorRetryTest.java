package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the faults sit: a connector's own retry interceptor, registered before {@code decorate} as
 * connectors do, sees every fault exactly once per attempt, in the documented form, and never sees
 * OkHttp's internal retries.
 */
class ConnectorRetryTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A connector's retry: up to 3 attempts on an IOException, a 429, a 418 or a 5xx. */
  static final class ConnectorRetry implements Interceptor {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
      IOException last = null;
      for (int attempt = 1; attempt <= 3; attempt++) {
        try {
          Response r = chain.proceed(chain.request());
          seen.add(Integer.toString(r.code()));
          boolean retryable = r.code() == 429 || r.code() == 418 || r.code() >= 500;
          if (!retryable || attempt == 3) {
            return r;
          }
          r.close();
        } catch (IOException e) {
          seen.add(e.getClass().getSimpleName());
          last = e;
        }
      }
      throw last;
    }
  }

  /** How the connector sees an applied fault, as {@link ChaosOkHttp} documents it. */
  private static String asSeen(OkHttpFault f) {
    if (f.status() != 0) {
      return Integer.toString(f.status());
    }
    return f.outcome() == Outcome.NOT_SENT ? "ConnectException" : "SocketTimeoutException";
  }

  private OkHttpClient client(ChaosInjector injector, ConnectorRetry retry) {
    OkHttpClient.Builder b = fx.plainBuilder().addInterceptor(retry);
    return fx.adapter(injector)
        .lostResponseTimeout(Duration.ofMillis(1))
        .build()
        .decorate(b.readTimeout(0, java.util.concurrent.TimeUnit.SECONDS))
        .build();
  }

  @Test
  void theConnectorsRetrySeesEveryAppliedFaultOncePerAttemptAndNothingElse() throws Exception {
    ChaosInjector injector =
        fx.injector(
            chaos()
                .netLoss(0.2)
                .exch5xx(0.2)
                .exch429(0.1)
                .exch429WaveCalls(1)
                .unknownOutcomeShare(0.5)
                // a cut answer reaches interceptors as a response whose body fails later
                .netLossCutShare(0)
                .build());
    ConnectorRetry retry = new ConnectorRetry();
    OkHttpClient http = client(injector, retry);
    for (int i = 0; i < 100; i++) {
      try {
        Fixture.status(http, fx.get("/order/" + i));
      } catch (IOException e) {
        // three lost attempts in a row
      }
      fx.clock.advance(Duration.ofSeconds(2));
    }
    List<String> faultsSeen =
        retry.seen.stream().filter(s -> !s.equals("200")).collect(Collectors.toList());
    List<String> faultsApplied = new ArrayList<>();
    fx.faults.forEach(f -> faultsApplied.add(asSeen(f)));
    assertThat(faultsSeen).isNotEmpty().containsExactlyElementsOf(faultsApplied);
    assertThat(faultsSeen)
        .contains("ConnectException", "SocketTimeoutException", "429")
        .anyMatch(s -> s.startsWith("5"));
    // Every attempt the server saw is a success or a fault that struck after sending: OkHttp
    // itself re-sent nothing.
    long successes = retry.seen.stream().filter(s -> s.equals("200")).count();
    long afterSend = fx.faults.stream().filter(OkHttpFault::outcomeUnknown).count();
    assertThat(fx.server.requestCount()).isEqualTo((int) (successes + afterSend));
  }

  @Test
  void aDnsFlapReachesTheConnectorsRetryAsUnknownHostExceptionAndEachRetryLooksUpAgain() {
    ChaosInjector injector = fx.injector(chaos().dnsFlap(1.0).build());
    ConnectorRetry retry = new ConnectorRetry();
    OkHttpClient http = client(injector, retry);
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/dns")))
        .isInstanceOf(UnknownHostException.class);
    assertThat(retry.seen)
        .containsExactly("UnknownHostException", "UnknownHostException", "UnknownHostException");
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(3);
  }

  @Test
  void okHttpsOwnRetryOfAFailedConnectionStaysBelowTheConnectorsRetry() throws Exception {
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    ConnectorRetry retry = new ConnectorRetry();
    OkHttpClient http = client(injector, retry);
    assertThat(Fixture.status(http, fx.get("/warm"))).isEqualTo(200);
    injector.update(chaos().exch5xx(1.0).unknownOutcomeShare(1).build());
    fx.server.dropConnectionAfterNextRequest(); // OkHttp re-sends the first attempt by itself
    assertThat(Fixture.status(http, fx.get("/order"))).isIn(500, 502, 503, 504);
    assertThat(retry.seen.subList(1, retry.seen.size()))
        .hasSize(3)
        .allMatch(s -> s.startsWith("50"));
    assertThat(fx.faults).hasSize(3);
    assertThat(fx.server.requestCount()).isEqualTo(1 + 1 + 3); // warm, the dropped one, 3 attempts
  }

  @Test
  void anInterceptorAddedAfterDecorateSitsInsideTheFaultsBeforeSendingAndAboveTheOthers()
      throws Exception {
    ConnectorRetry inner = new ConnectorRetry();
    OkHttpClient lossy =
        fx.adapter(fx.injector(chaos().netLoss(1.0).unknownOutcomeShare(0).build()))
            .build()
            .decorate(fx.plainBuilder())
            .addInterceptor(inner)
            .build();
    assertThatThrownBy(() -> Fixture.status(lossy, fx.get("/late")))
        .isInstanceOf(java.net.ConnectException.class);
    assertThat(inner.seen).isEmpty(); // the call failed before it reached the inner interceptor

    ConnectorRetry inner2 = new ConnectorRetry();
    OkHttpClient replaced =
        fx.adapter(fx.injector(chaos().exch5xx(1.0).unknownOutcomeShare(1).build()))
            .build()
            .decorate(fx.plainBuilder())
            .addInterceptor(inner2)
            .build();
    assertThat(Fixture.status(replaced, fx.get("/late"))).isEqualTo(200);
    // It saw the replaced response; its retry is part of the same call and plan, so it passes.
    assertThat(inner2.seen).hasSize(2).last().isEqualTo("200");
    assertThat(inner2.seen.get(0)).startsWith("50");
  }
}
