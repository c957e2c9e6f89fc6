package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.Binomial;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Arrays;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dns_flap_evict_pool}: DNS_FLAP drawn per call on a pooled client, evicting its idle
 * connections so that the struck call fails in its own lookup; and, with the option off, the
 * per-lookup behaviour under which a pooled client almost never meets a flap.
 */
class PooledDnsFlapTest {

  private static final int CALLS = 400;
  private static final double P = 0.3;

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** Runs {@link #CALLS} sequential calls; true where the call failed with a failed lookup. */
  private boolean[] run(OkHttpClient http) throws IOException {
    boolean[] failed = new boolean[CALLS];
    for (int i = 0; i < CALLS; i++) {
      try {
        assertThat(Fixture.status(http, fx.get("/p"))).isEqualTo(200);
      } catch (UnknownHostException e) {
        assertThat(e).hasMessage("api.exchange.test: Name or service not known");
        failed[i] = true;
      }
    }
    return failed;
  }

  private static int count(boolean[] failed) {
    int n = 0;
    for (boolean f : failed) {
      n += f ? 1 : 0;
    }
    return n;
  }

  @Test
  void withTheOptionTheShareOfCallsMeetingAFailedLookupIsTheIntensity() throws Exception {
    ChaosInjector injector = fx.injector(chaos().dnsFlap(P).dnsFlapEvictPool(true).build());
    boolean[] failed = run(fx.client(injector));
    int failures = count(failed);

    Binomial.assertWithinBounds("calls meeting a failed lookup", failures, CALLS, P);
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(failures);
    assertThat(fx.server.requestCount()).isEqualTo(CALLS - failures);
    // Each struck call emptied the pool, so the next call that got through connected anew and
    // asked the resolver; between flaps the pooled connection was reused without a lookup.
    int newConnections = 0;
    for (int i = 0; i < CALLS; i++) {
      if (!failed[i] && (i == 0 || failed[i - 1])) {
        newConnections++;
      }
    }
    assertThat(fx.lookups).hasValue(newConnections);
  }

  @Test
  void withoutTheOptionAPooledClientLooksUpOnceAndAlmostNeverMeetsAFlap() throws Exception {
    ChaosInjector injector = fx.injector(chaos().dnsFlap(P).build());
    boolean[] failed = run(fx.client(injector));
    int failures = count(failed);

    // Only the lookups before the first connection can fail; then every call reuses it.
    int firstSuccess = 0;
    while (failed[firstSuccess]) {
      firstSuccess++;
    }
    assertThat(failures).isEqualTo(firstSuccess).isLessThan((int) Binomial.lower(CALLS, P));
    assertThat(fx.lookups).hasValue(1);
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(failures);
    assertThat(Arrays.copyOfRange(failed, firstSuccess, CALLS)).doesNotContain(true);
  }

  @Test
  void aStruckCallEvictsTheIdleConnectionAndFailsInItsOwnLookup() throws Exception {
    ChaosInjector injector = fx.injector(chaos().dnsFlapEvictPool(true).build());
    OkHttpClient http = fx.client(injector);
    assertThat(Fixture.status(http, fx.get("/first"))).isEqualTo(200);
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);

    injector.update(chaos().dnsFlap(1.0).dnsFlapEvictPool(true).build());
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/struck")))
        .isExactlyInstanceOf(UnknownHostException.class)
        .satisfies(
            e ->
                assertThat(e.getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(ChaosDns.class.getName())));
    assertThat(http.connectionPool().connectionCount()).isZero();
    assertThat(fx.server.paths()).containsExactly("/first");

    injector.update(ChaosConfig.defaults());
    assertThat(Fixture.status(http, fx.get("/after"))).isEqualTo(200);
    assertThat(fx.lookups).hasValue(2);
  }

  @Test
  void aStruckCallThatGetsAConnectionWithoutALookupFailsBeforeItsRequestIsWritten()
      throws Exception {
    ChaosInjector injector = fx.injector(chaos().dnsFlapEvictPool(true).build());
    // The pool is replaced after decoration: the adapter evicts the builder's first pool, so the
    // client's own idle connection survives and the struck call reuses it without a lookup.
    OkHttpClient http =
        fx.adapter(injector)
            .build()
            .decorate(fx.plainBuilder())
            .connectionPool(new ConnectionPool())
            .build();
    assertThat(Fixture.status(http, fx.get("/first"))).isEqualTo(200);

    injector.update(chaos().dnsFlap(1.0).dnsFlapEvictPool(true).build());
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/struck")))
        .isExactlyInstanceOf(UnknownHostException.class)
        .hasMessage("api.exchange.test: Name or service not known");
    assertThat(fx.server.paths()).containsExactly("/first");
    assertThat(fx.lookups).hasValue(1);
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(1);
  }

  @Test
  void inDryRunNothingFailsAndNothingIsEvicted() throws Exception {
    ChaosInjector injector =
        fx.injector(chaos().dryRun(true).dnsFlap(1.0).dnsFlapEvictPool(true).build());
    OkHttpClient http = fx.client(injector);
    for (int i = 0; i < 5; i++) {
      assertThat(Fixture.status(http, fx.get("/shadow"))).isEqualTo(200);
    }
    assertThat(fx.lookups).hasValue(1);
  }
}
