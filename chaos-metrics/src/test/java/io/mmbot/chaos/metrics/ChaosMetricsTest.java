package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosMetricsTest {

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private ChaosMetrics metrics;

  @AfterEach
  void closeMetrics() {
    if (metrics != null) {
      metrics.close();
    }
  }

  /** An injector on the same virtual time as the registry. */
  private ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock::monotonicTime).build();
  }

  private static ChaosConfig.Builder continuous() {
    return ChaosConfig.builder().enabled(true).burstOffSec(0).seed(7L);
  }

  private double injections(Scenario s, boolean dryRun) {
    return registry
        .get("mm.chaos.injections")
        .tag("scenario", s.key())
        .tag("dry_run", Boolean.toString(dryRun))
        .functionCounter()
        .count();
  }

  private double counter(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  @Test
  void registersEveryMeterOfTheContractWithADescription() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    Set<String> names =
        registry.getMeters().stream()
            .filter(m -> m.getId().syntheticAssociation() == null) // e.g. a simple registry's SLOs
            .map(m -> m.getId().getName())
            .collect(Collectors.toSet());
    assertThat(names)
        .containsExactlyInAnyOrder(
            "mm.chaos.injections",
            "mm.reconnect.attempts",
            "mm.partial.fail.rate",
            "mm.ws.gap",
            "mm.reconcile.discrepancies",
            "mm.tick.total",
            "mm.tick.deadline.miss",
            "mm.chaos.enabled",
            "mm.chaos.burst.active",
            "mm.chaos.rollbacks");
    for (Meter m : registry.getMeters()) {
      if (m.getId().syntheticAssociation() != null) {
        continue;
      }
      assertThat(m.getId().getDescription()).as(m.getId().toString()).isNotBlank();
    }
    // one injection counter per scenario and mode, present before the first injection
    assertThat(registry.find("mm.chaos.injections").functionCounters()).hasSize(20);
    assertThat(registry.get("mm.tick.total").summary().getId().getBaseUnit()).isEqualTo("ms");
    assertThat(registry.get("mm.ws.gap").summary().getId().getBaseUnit()).isEqualTo("ms");
  }

  @Test
  void countsGateInjectionsFromTheInjectorsOwnCountersExactly() {
    ChaosInjector injector = injector(continuous().dryRun(false).netLoss(0.3).build());
    metrics = ChaosMetrics.bind(injector, registry);

    int fired = 0;
    for (int i = 0; i < 1_000; i++) {
      fired += injector.shouldInjectNetLoss() ? 1 : 0;
    }

    assertThat(fired).isBetween(200, 400);
    assertThat(injections(Scenario.NET_LOSS, false)).isEqualTo(fired);
    assertThat(injections(Scenario.NET_LOSS, true)).isZero();
    assertThat(injections(Scenario.EXCH_5XX, false)).isZero();
  }

  @Test
  void countsShadowModeWouldBeInjectionsUnderDryRunTrue() {
    ChaosInjector injector = injector(continuous().dryRun(true).dnsFlap(1.0).build());
    metrics = ChaosMetrics.bind(injector, registry);

    for (int i = 0; i < 25; i++) {
      assertThat(injector.shouldInjectDnsFlap()).isFalse();
    }

    assertThat(injections(Scenario.DNS_FLAP, true)).isEqualTo(25);
    assertThat(injections(Scenario.DNS_FLAP, false)).isZero();
  }

  @Test
  void recordChaosInjectionAddsToTheGateCountOfItsScenario() {
    ChaosInjector injector = injector(continuous().dryRun(false).netLoss(1.0).build());
    metrics = ChaosMetrics.bind(injector, registry);

    injector.shouldInjectNetLoss();
    injector.shouldInjectNetLoss();
    metrics.recordChaosInjection("net_loss");
    metrics.recordChaosInjection(Scenario.LAT_SPIKE, true);

    assertThat(injections(Scenario.NET_LOSS, false)).isEqualTo(3);
    assertThat(injections(Scenario.LAT_SPIKE, true)).isEqualTo(1);
    assertThat(injections(Scenario.LAT_SPIKE, false)).isZero();
  }

  @Test
  void rejectsUnknownOrNullScenarioKeyNamingTheArgument() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    assertThatThrownBy(() -> metrics.recordChaosInjection("net_lost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenarioKey")
        .hasMessageContaining("net_lost")
        .hasMessageContaining("net_loss");
    assertThatThrownBy(() -> metrics.recordChaosInjection((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("scenarioKey");
    assertThatThrownBy(() -> metrics.recordChaosInjection(null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("scenario");
  }

  @Test
  void reconnectKindsAreBoundedToAFixedSetPlusOther() {
    metrics =
        ChaosMetrics.builder(injector(ChaosConfig.defaults()), registry)
            .reconnectKinds("fix")
            .build();

    metrics.recordReconnectAttempt("ws");
    metrics.recordReconnectAttempt(" WS ");
    metrics.recordReconnectAttempt("rest");
    metrics.recordReconnectAttempt("fix");
    for (int i = 0; i < 100; i++) {
      metrics.recordReconnectAttempt("conn-" + i);
    }

    assertThat(counter("mm.reconnect.attempts", "kind", "ws")).isEqualTo(2);
    assertThat(counter("mm.reconnect.attempts", "kind", "rest")).isEqualTo(1);
    assertThat(counter("mm.reconnect.attempts", "kind", "fix")).isEqualTo(1);
    assertThat(counter("mm.reconnect.attempts", "kind", "other")).isEqualTo(100);
    assertThat(registry.find("mm.reconnect.attempts").counters()).hasSize(4);
  }

  @Test
  void rejectsNullOrBlankKindAndTypeNamingTheArgument() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    assertThatThrownBy(() -> metrics.recordReconnectAttempt(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind must not be null");
    assertThatThrownBy(() -> metrics.recordReconnectAttempt("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind must not be blank");
    assertThatThrownBy(() -> metrics.recordReconcileDiscrepancy((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type must not be null");
    assertThatThrownBy(() -> metrics.recordReconcileDiscrepancy(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type must not be blank");
    assertThatThrownBy(() -> metrics.recordReconcileDiscrepancy((MismatchType) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type must not be null");
  }

  @Test
  void discrepancyTypesAreTheMismatchKeysPlusOther() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    metrics.recordReconcileDiscrepancy(MismatchType.GHOST_ORDER);
    metrics.recordReconcileDiscrepancy("ghost");
    metrics.recordReconcileDiscrepancy("qty_diff");
    metrics.recordReconcileDiscrepancy("price_diff");

    assertThat(counter("mm.reconcile.discrepancies", "type", "ghost")).isEqualTo(2);
    assertThat(counter("mm.reconcile.discrepancies", "type", "qty_diff")).isEqualTo(1);
    assertThat(counter("mm.reconcile.discrepancies", "type", "other")).isEqualTo(1);
    assertThat(
            registry.find("mm.reconcile.discrepancies").counters().stream()
                .map(c -> c.getId().getTag("type")))
        .containsExactlyInAnyOrder("missing", "ghost", "stale_status", "qty_diff", "other");
  }

  @Test
  void rejectsBadLabelSetsAtBuildTimeNamingTheSetting() {
    ChaosInjector injector = injector(ChaosConfig.defaults());
    assertThatThrownBy(() -> ChaosMetrics.builder(injector, registry).reconnectKinds("Web Socket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reconnectKinds")
        .hasMessageContaining("Web Socket");
    assertThatThrownBy(() -> ChaosMetrics.builder(injector, registry).discrepancyTypes("other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discrepancyTypes");
    String[] many = new String[40];
    for (int i = 0; i < many.length; i++) {
      many[i] = "k" + i;
    }
    assertThatThrownBy(() -> ChaosMetrics.builder(injector, registry).reconnectKinds(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 32");
    assertThatThrownBy(
            () -> ChaosMetrics.builder(injector, registry).partialFailWindow(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partialFailWindow");
    assertThatThrownBy(() -> ChaosMetrics.builder(null, registry))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> ChaosMetrics.bind(injector, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("registry");
  }

  @Test
  void recordsTicksAndDeadlineMisses() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    metrics.recordTick(180, false);
    metrics.recordTick(220.5, true);
    metrics.recordTick(0, false);

    DistributionSummary tick = registry.get("mm.tick.total").summary();
    assertThat(tick.count()).isEqualTo(3);
    assertThat(tick.totalAmount()).isEqualTo(400.5);
    assertThat(registry.get("mm.tick.deadline.miss").counter().count()).isEqualTo(1);
  }

  @Test
  void rejectsNegativeInfiniteOrNanDurationsNamingTheArgument() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> metrics.recordTick(bad, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("durationMs must be a finite number >= 0");
      assertThatThrownBy(() -> metrics.recordWsGapMs(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("gapMs must be a finite number >= 0");
    }
    assertThat(registry.get("mm.tick.total").summary().count()).isZero();
    assertThat(registry.get("mm.tick.deadline.miss").counter().count()).isZero();
    assertThat(registry.get("mm.ws.gap").summary().count()).isZero();
  }

  @Test
  void wsGapsLandInBucketsFromOneMillisecondToSixtySeconds() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    metrics.recordWsGapMs(0.5);
    metrics.recordWsGapMs(140);
    metrics.recordWsGapMs(59_000);

    DistributionSummary gap = registry.get("mm.ws.gap").summary();
    assertThat(gap.count()).isEqualTo(3);
    assertThat(WsGapHistogram.BOUNDS_MS[0]).isEqualTo(1.0);
    assertThat(WsGapHistogram.BOUNDS_MS[WsGapHistogram.BOUNDS_MS.length - 1]).isEqualTo(60_000.0);
    for (int i = 1; i < WsGapHistogram.BOUNDS_MS.length; i++) {
      double ratio = WsGapHistogram.BOUNDS_MS[i] / WsGapHistogram.BOUNDS_MS[i - 1];
      assertThat(ratio).as("bound %d", i).isGreaterThan(1.0).isLessThanOrEqualTo(1.5);
    }
    var counts = gap.takeSnapshot().histogramCounts();
    assertThat(counts).hasSize(WsGapHistogram.BOUNDS_MS.length);
    assertThat(counts[0].count()).isEqualTo(1); // le=1 holds the 0.5 ms gap
    assertThat(counts[counts.length - 1].count()).isEqualTo(3); // le=60000 holds all three
  }

  @Test
  void partialFailRateCoversTheRecentWindowInVirtualTime() {
    metrics =
        ChaosMetrics.builder(injector(ChaosConfig.defaults()), registry)
            .partialFailWindow(Duration.ofSeconds(60))
            .build();
    Gauge rate = registry.get("mm.partial.fail.rate").gauge();

    assertThat(rate.value()).isZero(); // nothing recorded: 0, not NaN
    for (int i = 0; i < 90; i++) {
      metrics.recordOperation(false);
    }
    for (int i = 0; i < 10; i++) {
      metrics.recordOperation(true);
    }
    assertThat(rate.value()).isEqualTo(0.10);

    clock.add(Duration.ofSeconds(30));
    for (int i = 0; i < 100; i++) {
      metrics.recordOperation(i % 2 == 0);
    }
    assertThat(rate.value()).isEqualTo(60.0 / 200);

    // The window slides in 3 s steps: 60 s after the first batch it has left the window.
    clock.add(Duration.ofSeconds(30));
    assertThat(rate.value()).isEqualTo(0.5);
    clock.add(Duration.ofSeconds(30));
    assertThat(rate.value()).isZero();
  }

  @Test
  void partialFailWindowForgetsASlotExactlyWhenItAgesOut() {
    metrics =
        ChaosMetrics.builder(injector(ChaosConfig.defaults()), registry)
            .partialFailWindow(Duration.ofSeconds(20))
            .build();
    Gauge rate = registry.get("mm.partial.fail.rate").gauge();
    clock.add(Duration.ofMillis(1_000 - clock.monotonicTime() / 1_000_000 % 1_000));

    metrics.recordOperation(true);
    clock.add(Duration.ofMillis(19_999));
    assertThat(rate.value()).isEqualTo(1.0);
    clock.add(Duration.ofMillis(1));
    assertThat(rate.value()).isZero();
  }

  @Test
  void concurrentRecordingLosesNothing() throws Exception {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);
    int threads = 4;
    int perThread = 20_000;
    var pool = Executors.newFixedThreadPool(threads);
    try {
      var start = new CountDownLatch(1);
      var done = new ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    metrics.recordOperation(i % 4 == 0);
                    metrics.recordReconnectAttempt(i % 2 == 0 ? "ws" : "grpc");
                    metrics.recordChaosInjection(Scenario.WS_LAG, false);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (var f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.get("mm.partial.fail.rate").gauge().value()).isEqualTo(0.25);
    assertThat(counter("mm.reconnect.attempts", "kind", "ws")).isEqualTo(threads * perThread / 2);
    assertThat(counter("mm.reconnect.attempts", "kind", "other"))
        .isEqualTo(threads * perThread / 2);
    assertThat(injections(Scenario.WS_LAG, false)).isEqualTo(threads * perThread);
  }

  @Test
  void stateGaugesFollowTheInjectorInVirtualTime() {
    ChaosInjector injector =
        injector(ChaosConfig.builder().enabled(true).burstOnSec(30).burstOffSec(90).build());
    metrics = ChaosMetrics.bind(injector, registry);
    Gauge enabled = registry.get("mm.chaos.enabled").gauge();
    Gauge burst = registry.get("mm.chaos.burst.active").gauge();

    assertThat(enabled.value()).isEqualTo(1);
    assertThat(burst.value()).isEqualTo(1);
    clock.add(Duration.ofSeconds(31));
    assertThat(enabled.value()).isEqualTo(1);
    assertThat(burst.value()).isZero();
    clock.add(Duration.ofSeconds(90));
    assertThat(burst.value()).isEqualTo(1);
    injector.disable("MANUAL");
    assertThat(enabled.value()).isZero();
    assertThat(burst.value()).isZero();
  }

  @Test
  void countsRollbacksByReasonFromTheInjectorsStateChanges() {
    ChaosInjector injector = injector(continuous().maxDurationSec(60).build());
    metrics = ChaosMetrics.bind(injector, registry);

    injector.disable("P95_TICK");
    injector.disable("P95_TICK"); // already off: no second rollback
    injector.update(continuous().build());
    injector.update(continuous().enabled(false).build());
    injector.update(continuous().maxDurationSec(60).build());
    clock.add(Duration.ofSeconds(61));
    assertThat(injector.enabled()).isFalse();
    injector.update(continuous().build());
    injector.disable(null);

    assertThat(counter("mm.chaos.rollbacks", "reason", "P95_TICK")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "CONFIG_DISABLED")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "EXPIRED")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "MANUAL")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "DEADLINE_MISS")).isZero();
  }

  @Test
  void everyReasonCodeOfCoreHasItsSeriesFromBinding() {
    ChaosInjector injector = injector(continuous().build());
    metrics = ChaosMetrics.bind(injector, registry);
    for (String code : io.mmbot.chaos.ChaosReasons.ALL) {
      assertThat(registry.find("mm.chaos.rollbacks").tag("reason", code).counter())
          .as(code)
          .isNotNull();
    }
  }

  @Test
  void reasonWithADetailAfterAColonIsCountedUnderItsCode() {
    ChaosInjector injector = injector(continuous().build());
    metrics = ChaosMetrics.bind(injector, registry);
    // As the config watcher reports an invalid file.
    injector.disable("CONFIG_INVALID: chaos.net_loss at 3:13: \"1.3\" is out of range");
    injector.update(continuous().build());
    injector.disable("REMOTE: alertmanager");

    assertThat(counter("mm.chaos.rollbacks", "reason", "CONFIG_INVALID")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "REMOTE")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "OTHER")).isZero();
  }

  @Test
  void rollbackReasonsAreBoundedToKnownCodesSixteenMoreAndOther() {
    ChaosInjector injector = injector(continuous().build());
    metrics = ChaosMetrics.bind(injector, registry);
    int known = registry.find("mm.chaos.rollbacks").counters().size();

    for (int i = 0; i < 20; i++) {
      injector.update(continuous().build());
      injector.disable("CUSTOM_" + i);
    }
    injector.update(continuous().build());
    injector.disable("not a code");

    assertThat(counter("mm.chaos.rollbacks", "reason", "CUSTOM_0")).isEqualTo(1);
    assertThat(counter("mm.chaos.rollbacks", "reason", "CUSTOM_15")).isEqualTo(1);
    assertThat(registry.find("mm.chaos.rollbacks").tag("reason", "CUSTOM_16").counter()).isNull();
    assertThat(counter("mm.chaos.rollbacks", "reason", "OTHER")).isEqualTo(5);
    assertThat(registry.find("mm.chaos.rollbacks").counters()).hasSize(known + 16);
  }

  @Test
  void closeRemovesTheListenerAndEveryMeter() {
    ChaosInjector injector = injector(continuous().dryRun(false).netLoss(1.0).build());
    metrics = ChaosMetrics.bind(injector, registry);
    injector.update(continuous().build());
    injector.disable("SOMETHING_NEW");
    Counter before = registry.get("mm.chaos.rollbacks").tag("reason", "MANUAL").counter();

    metrics.close();
    metrics.close(); // idempotent
    injector.update(continuous().build());
    injector.disable("MANUAL");

    assertThat(registry.getMeters()).isEmpty();
    assertThat(before.count()).isZero();
    // The injector still works and no longer calls into the binder.
    assertThat(injector.enabled()).isFalse();
  }

  @Test
  void aThrowingListenerElsewhereDoesNotStopRollbackCounting() {
    ChaosInjector injector = injector(continuous().build());
    injector.addListener(
        new ChaosListener() {
          @Override
          public void onStateChange(StateChange change) {
            throw new IllegalStateException("boom");
          }
        });
    metrics = ChaosMetrics.bind(injector, registry);

    injector.disable("MANUAL");

    assertThat(counter("mm.chaos.rollbacks", "reason", "MANUAL")).isEqualTo(1);
  }

  @Test
  void refusesASecondBindingOnTheSameRegistryAndKeepsTheFirst() {
    ChaosInjector first = injector(continuous().dryRun(false).netLoss(1.0).build());
    metrics = ChaosMetrics.bind(first, registry);
    int meters = registry.getMeters().size();

    assertThatThrownBy(() -> ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds mm-chaos meters");

    assertThat(registry.getMeters()).hasSize(meters);
    first.shouldInjectNetLoss();
    assertThat(injections(Scenario.NET_LOSS, false)).isEqualTo(1);
  }

  @Test
  void builderTagsAreOnEveryMeterTheFacadeRecordsInto() {
    ChaosInjector injector = injector(continuous().dryRun(false).netLoss(1.0).build());
    metrics =
        ChaosMetrics.builder(injector, registry)
            .tags(io.micrometer.core.instrument.Tags.of("bot", "mm-1"))
            .build();

    injector.shouldInjectNetLoss();
    metrics.recordReconnectAttempt("ws");
    metrics.recordTick(12, true);
    metrics.recordWsGapMs(3);
    metrics.recordReconcileDiscrepancy("ghost");

    assertThat(metrics.tags()).containsExactly(io.micrometer.core.instrument.Tag.of("bot", "mm-1"));
    assertThat(
            registry
                .get("mm.reconnect.attempts")
                .tags("bot", "mm-1", "kind", "ws")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("mm.tick.deadline.miss").tag("bot", "mm-1").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("mm.ws.gap").tag("bot", "mm-1").summary().count()).isEqualTo(1);
    assertThat(
            registry
                .get("mm.chaos.injections")
                .tags("bot", "mm-1", "scenario", "net_loss", "dry_run", "false")
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(registry.getMeters())
        .allSatisfy(m -> assertThat(m.getId().getTag("bot")).isEqualTo("mm-1"));
    assertThatThrownBy(
            () ->
                ChaosMetrics.builder(injector, registry)
                    .tags(io.micrometer.core.instrument.Tags.of("scenario", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags: key 'scenario'");
  }

  @Test
  void exportNeedsAPrometheusRegistryAndSaysSo() {
    metrics = ChaosMetrics.bind(injector(ChaosConfig.defaults()), registry);

    assertThatThrownBy(metrics::exportToPrometheus)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PrometheusMeterRegistry")
        .hasMessageContaining("SimpleMeterRegistry");
  }

  @Test
  void injectionCounterIsAFunctionCounterSoGatesPayNothingExtra() {
    metrics = ChaosMetrics.bind(injector(continuous().build()), registry);

    assertThat(registry.get("mm.chaos.injections").meters())
        .allSatisfy(m -> assertThat(m).isInstanceOf(FunctionCounter.class));
  }
}
