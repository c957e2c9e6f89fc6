package io.mmbot.chaos.examples.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.Side;
import java.net.InetAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated transport applies the library's fault plan in virtual time. */
class SimExchangeTest {

  private static final long MS = 1_000_000L;

  private static SimExchange exchange(ChaosConfig cfg) {
    SimClock time = SimExchange.clockFor();
    ChaosInjector inj = ChaosInjector.builder().config(cfg).nanoClock(time).build();
    return SimExchange.create(11, inj, time);
  }

  private static InetAddress address(SimExchange x) throws Exception {
    return x.resolver().resolve(x.primaryHost()).get(0);
  }

  @Test
  void theVirtualClockSeenInAnotherZoneKeepsTheVirtualInstant() {
    SimExchange x = exchange(ChaosConfig.defaults());
    Clock utc = x.clock();
    Clock tokyo = utc.withZone(ZoneId.of("Asia/Tokyo"));
    assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.instant()).isEqualTo(utc.instant());
    x.idleUntil(x.nanoTime() + 1_500 * MS);
    assertThat(tokyo.millis()).isEqualTo(utc.millis());
    assertThat(tokyo.instant()).isEqualTo(utc.instant());
  }

  @Test
  void withoutChaosEveryCallIsAnsweredWithinTheRoundTripAndTimeAdvancesToTheLastAnswer()
      throws Exception {
    SimExchange x = exchange(ChaosConfig.defaults());
    RestCall a = RestCall.place("mmB1-0", Side.BUY, 100, 1).address(address(x));
    a.signed(x.clock().millis(), 5_000);
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.ok()).isTrue();
    long rtt = a.doneAtNanos() - a.sentAtNanos();
    assertThat(rtt).isBetween(148 * MS, 260 * MS);
    assertThat(x.nanoTime()).isEqualTo(a.doneAtNanos());
    assertThat(x.rules().isOpen("mmB1-0")).isTrue();
  }

  @Test
  void aLostResponseTimesOutAtTheCallersLimitButTheExchangeStillExecutesTheOrder()
      throws Exception {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(1.0)
            .unknownOutcomeShare(1.0)
            .netLossCutShare(0)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimExchange x = exchange(cfg);
    RestCall a = RestCall.place("mmB1-0", Side.BUY, 100, 1).address(address(x));
    a.signed(x.clock().millis(), 5_000);
    x.execute(List.of(a), 205 * MS);
    assertThat(a.failure()).isEqualTo(RestCall.Failure.TIMEOUT);
    assertThat(a.outcomeUnknown()).isTrue();
    assertThat(a.doneAtNanos()).isEqualTo(205 * MS);
    x.idleUntil(1_000 * MS);
    assertThat(x.rules().isOpen("mmB1-0")).as("executed although the answer was lost").isTrue();
  }

  @Test
  void aLossBeforeSendingFailsFastAndTheExchangeNeverSeesTheRequest() throws Exception {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .netLoss(1.0)
            .unknownOutcomeShare(0.0)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimExchange x = exchange(cfg);
    RestCall a = RestCall.place("mmB1-0", Side.BUY, 100, 1).address(address(x));
    a.signed(x.clock().millis(), 5_000);
    x.execute(List.of(a), 1_000 * MS);
    assertThat(a.failure()).isEqualTo(RestCall.Failure.CONNECTION);
    assertThat(a.outcomeUnknown()).isFalse();
    x.idleUntil(2_000 * MS);
    assertThat(x.ledger().size()).isZero();
  }

  @Test
  void aLatencySpikeDelaysTheRequestBeforeItLeaves() throws Exception {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .latSpikeMs(200)
            .latSpikeProbability(1.0)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimExchange x = exchange(cfg);
    RestCall a = RestCall.of(io.mmbot.chaos.exchange.Endpoint.SERVER_TIME);
    a.address(address(x));
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.ok()).isTrue();
    assertThat(a.doneAtNanos() - a.sentAtNanos()).isGreaterThanOrEqualTo(348 * MS);
  }

  @Test
  void aSynthetic429CarriesRetryAfterAndARequestInsideItCountsAsAViolation() throws Exception {
    ChaosConfig cfg =
        ChaosConfig.builder()
            .enabled(true)
            .dryRun(false)
            .exch429(1.0)
            .burstOffSec(0)
            .seed(3L)
            .build();
    SimExchange x = exchange(cfg);
    RestCall a = RestCall.of(io.mmbot.chaos.exchange.Endpoint.SERVER_TIME);
    a.address(address(x));
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.httpStatus()).isEqualTo(429);
    assertThat(a.retryAfterSec()).isPositive();
    assertThat(x.retryAfterViolations()).isZero();
    RestCall b = RestCall.of(io.mmbot.chaos.exchange.Endpoint.SERVER_TIME);
    b.address(address(x));
    x.execute(List.of(b), x.nanoTime() + 10_000 * MS);
    assertThat(x.retryAfterViolations()).isEqualTo(1);
  }

  @Test
  void aCallWithoutAnAddressFailsAtOnceAsALookupFailure() {
    SimExchange x = exchange(ChaosConfig.defaults());
    RestCall a = RestCall.of(io.mmbot.chaos.exchange.Endpoint.SERVER_TIME);
    x.execute(List.of(a), 10_000 * MS);
    assertThat(a.failure()).isEqualTo(RestCall.Failure.DNS);
    assertThat(x.restCalls()).isZero();
  }
}
