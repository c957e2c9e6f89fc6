package io.mmbot.chaos.okhttp;

import static io.mmbot.chaos.okhttp.Fixture.chaos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.dns.internal.DnsFlapRule;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import io.mmbot.chaos.testsupport.Binomial;
import java.net.UnknownHostException;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DNS_FLAP through the {@code Dns} decorator, alone and inside a decorated client. */
class ChaosDnsTest {

  private final Fixture fx = new Fixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private Dns dns(ChaosInjector injector) {
    return fx.adapter(injector).build().dns(fx.hosts);
  }

  @Test
  void aFlappingLookupFailsWithUnknownHostExceptionWithoutAskingTheResolver() {
    Dns dns = dns(fx.injector(chaos().dnsFlap(1.0).build()));
    assertThatThrownBy(() -> dns.lookup(LoopbackServer.HOST))
        .isExactlyInstanceOf(UnknownHostException.class)
        .hasMessage(LoopbackServer.HOST + ": Name or service not known");
    assertThat(fx.lookups).hasValue(0);
  }

  @Test
  void ipLiteralsNeverFailAndDrawNoGate() throws Exception {
    ChaosInjector injector = fx.injector(chaos().dnsFlap(1.0).build());
    Dns dns = fx.adapter(injector).build().dns(Dns.SYSTEM);
    assertThat(dns.lookup("127.0.0.1")).hasSize(1);
    assertThat(dns.lookup("::1")).hasSize(1);
    assertThat(dns.lookup("[::1]")).isNotEmpty();
    assertThat(injector.injections(Scenario.DNS_FLAP)).isZero();
    assertThat(DnsFlapRule.isIpLiteral("10.0.0.256")).isFalse();
    assertThat(DnsFlapRule.isIpLiteral("1.2.3")).isFalse();
    assertThat(DnsFlapRule.isIpLiteral("1.2.3.4.")).isFalse();
    assertThat(DnsFlapRule.isIpLiteral("api.exchange.test")).isFalse();
    assertThat(DnsFlapRule.isIpLiteral("1e.2.3.4")).isFalse();
  }

  @Test
  void lookupsPassThroughWhenChaosIsOff() throws Exception {
    Dns dns = dns(fx.injector(ChaosConfig.defaults()));
    for (int i = 0; i < 10; i++) {
      assertThat(dns.lookup(LoopbackServer.HOST)).hasSize(1);
    }
    assertThat(fx.lookups).hasValue(10);
  }

  @Test
  void aFlappingLookupFailsTheCallOnceAndOkHttpDoesNotRetryIt() {
    ChaosInjector injector = fx.injector(chaos().dnsFlap(1.0).build());
    OkHttpClient http = fx.client(injector);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> Fixture.status(http, fx.get("/price")))
          .isExactlyInstanceOf(UnknownHostException.class);
    }
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(3); // one lookup per call
    assertThat(fx.server.requestCount()).isZero();
    assertThat(fx.faults).isEmpty(); // not an HTTP fault: the call never had a connection
  }

  @Test
  void callsOnAPooledConnectionNeedNoLookupAndSoNeverMeetAFlap() throws Exception {
    ChaosInjector injector = fx.injector(ChaosConfig.defaults());
    OkHttpClient http = fx.client(injector);
    assertThat(Fixture.status(http, fx.get("/first"))).isEqualTo(200);
    injector.update(chaos().dnsFlap(1.0).build());
    assertThat(Fixture.status(http, fx.get("/pooled"))).isEqualTo(200);
    http.connectionPool().evictAll();
    assertThatThrownBy(() -> Fixture.status(http, fx.get("/new-connection")))
        .isInstanceOf(UnknownHostException.class);
    assertThat(fx.server.paths()).containsExactly("/first", "/pooled");
  }

  @Test
  void anIpLiteralUrlNeverMeetsAFlap() throws Exception {
    OkHttpClient http = fx.client(fx.injector(chaos().dnsFlap(1.0).build()));
    Request r = new Request.Builder().url(fx.server.ipUrl("/ip")).build();
    assertThat(Fixture.status(http, r)).isEqualTo(200);
  }

  @Test
  void theFlapRateMatchesTheConfigurationWithinBinomialBounds() {
    int n = 4000;
    double p = 0.05;
    Dns dns = dns(fx.injector(chaos().dnsFlap(p).build()));
    int failed = 0;
    for (int i = 0; i < n; i++) {
      try {
        dns.lookup(LoopbackServer.HOST);
      } catch (UnknownHostException e) {
        failed++;
      }
    }
    assertThat((long) failed).isBetween(Binomial.lower(n, p), Binomial.upper(n, p));
    assertThat(fx.lookups).hasValue(n - failed);
  }
}
