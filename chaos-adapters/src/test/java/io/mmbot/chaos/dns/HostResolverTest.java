package io.mmbot.chaos.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostResolverTest {

  private final VirtualTime clock = new VirtualTime();
  private final AtomicInteger lookups = new AtomicInteger();
  private final HostResolver counting =
      host -> {
        lookups.incrementAndGet();
        return List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));
      };

  private ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).seed(3L);
  }

  @Test
  void systemResolverResolvesALiteralWithoutTheNetwork() throws Exception {
    assertThat(HostResolver.SYSTEM.resolve("127.0.0.1"))
        .containsExactly(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    assertThatThrownBy(() -> HostResolver.SYSTEM.resolve(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("host");
  }

  @Test
  void dnsFlapFailsTheLookupAsNxdomainWithoutAskingTheDelegate() {
    HostResolver resolver = counting.withChaos(injector(chaos().dnsFlap(1.0).build()));
    assertThatThrownBy(() -> resolver.resolve("api.exchange.test"))
        .isExactlyInstanceOf(UnknownHostException.class)
        .hasMessage("api.exchange.test: Name or service not known");
    assertThat(lookups).hasValue(0);
  }

  @Test
  void dnsFlapNeverFailsAnIpLiteralWhichTheJdkNeverLooksUp() throws Exception {
    ChaosInjector injector = injector(chaos().dnsFlap(1.0).build());
    HostResolver resolver = HostResolver.SYSTEM.withChaos(injector);
    for (String literal :
        List.of("127.0.0.1", "10.0.0.7", "::1", "[::1]", "fe80::1%1", "::ffff:127.0.0.1")) {
      assertThat(resolver.resolve(literal))
          .as(literal)
          .containsExactly(InetAddress.getAllByName(literal));
    }
    assertThat(injector.injections(Scenario.DNS_FLAP)).as("literals draw no gate").isZero();
    // Names that merely look numeric or hexadecimal are names: they flap.
    for (String name : List.of("cafe", "1.2.3.4.example", "256.1.1.1", "1e100.net")) {
      assertThatThrownBy(() -> resolver.resolve(name))
          .as(name)
          .isInstanceOf(UnknownHostException.class);
    }
    assertThat(injector.injections(Scenario.DNS_FLAP)).isEqualTo(4);
  }

  @Test
  void flapsOnlyDuringBurstsAndPassesThroughBetweenThem() throws Exception {
    HostResolver resolver =
        counting.withChaos(injector(chaos().dnsFlap(1.0).burstOnSec(30).burstOffSec(90).build()));
    assertThatThrownBy(() -> resolver.resolve("a.test")).isInstanceOf(UnknownHostException.class);
    clock.advance(Duration.ofSeconds(30));
    assertThat(resolver.resolve("a.test")).hasSize(1);
    clock.advance(Duration.ofSeconds(89));
    assertThat(resolver.resolve("a.test")).hasSize(1);
    clock.advance(Duration.ofSeconds(1)); // 120 s: the next burst
    assertThatThrownBy(() -> resolver.resolve("a.test")).isInstanceOf(UnknownHostException.class);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void passesThroughWhenOffOrInDryRun() throws Exception {
    assertThat(counting.withChaos(injector(ChaosConfig.defaults())).resolve("a.test")).hasSize(1);
    ChaosInjector shadow = injector(chaos().dryRun(true).dnsFlap(1.0).build());
    assertThat(counting.withChaos(shadow).resolve("a.test")).hasSize(1);
    assertThat(shadow.wouldBeInjections(Scenario.DNS_FLAP)).isEqualTo(1);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void flapRateMatchesTheConfigurationWithinBinomialBounds() {
    int n = 20_000;
    HostResolver resolver = counting.withChaos(injector(chaos().dnsFlap(0.05).build()));
    int failed = 0;
    for (int i = 0; i < n; i++) {
      try {
        resolver.resolve("a.test");
      } catch (UnknownHostException e) {
        failed++;
      }
    }
    assertThat((long) failed).isBetween(Binomial.lower(n, 0.05), Binomial.upper(n, 0.05));
    assertThat(lookups.get()).isEqualTo(n - failed);
  }

  @Test
  void rejectsNulls() {
    ChaosInjector injector = injector(ChaosConfig.defaults());
    assertThatThrownBy(() -> counting.withChaos(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> counting.withChaos(injector).resolve(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("host");
  }
}
