package io.mmbot.chaos.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackConfig;
import io.mmbot.chaos.RollbackGuard;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The guard's machinery works over the {@link GuardedInjector} seam alone: driven by a hand-written
 * injector, it trips, fails safe and registers its listener through the seam's calls, and the
 * module keeps the package to itself.
 */
class GuardedInjectorSeamTest {

  private static final long SECOND = RollbackGuard.EVALUATION_STEP_NANOS;

  /** An injector as the seam describes it, recording what the machinery asks of it. */
  private static final class RecordingInjector implements GuardedInjector {
    final List<String> disabled = new ArrayList<>();
    final List<ChaosListener> listeners = new ArrayList<>();
    final List<Throwable> contained = new ArrayList<>();
    final ChaosConfig config = ChaosConfig.builder().enabled(true).dryRun(false).build();
    boolean enabled = true;

    @Override
    public LongSupplier nanoClock() {
      throw new AssertionError("the engine is given its clock");
    }

    @Override
    public ChaosConfig config() {
      return enabled ? config : config.withEnabled(false);
    }

    @Override
    public boolean burstActive() {
      return enabled;
    }

    @Override
    public boolean enabled() {
      return enabled;
    }

    @Override
    public void disable(String reason) {
      enabled = false;
      disabled.add(reason);
    }

    @Override
    public void addListener(ChaosListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeListener(ChaosListener listener) {
      listeners.remove(listener);
    }

    @Override
    public void contain(Throwable failure) {
      contained.add(failure);
    }
  }

  @Test
  void aTriggerThatHoldsForItsWindowSwitchesChaosOffThroughTheSeam() {
    RecordingInjector injector = new RecordingInjector();
    AtomicLong now = new AtomicLong(5 * SECOND);
    RollbackConfig fixed =
        RollbackConfig.builder().deadlineMissPct(10).deadlineMissWindowSec(5).build();
    GuardEngine engine = new GuardEngine(injector, fixed, now::get, 0);
    assertThat(injector.listeners).hasSize(1);

    for (int second = 0; second < 30 && injector.disabled.isEmpty(); second++) {
      for (int tick = 0; tick < 10; tick++) {
        engine.recordTick(now.get(), 1_000_000, tick < 5); // half the ticks miss their deadline
      }
      now.addAndGet(SECOND);
      engine.recordOperation(now.get(), false);
    }

    assertThat(injector.disabled).containsExactly(ChaosReasons.DEADLINE_MISS);
    assertThat(engine.trippedReason()).isEqualTo(ChaosReasons.DEADLINE_MISS);
    engine.close();
    assertThat(injector.listeners).isEmpty();
  }

  @Test
  void aClockThatThrowsIsContainedAndSwitchesChaosOffThroughTheSeam() {
    RecordingInjector injector = new RecordingInjector();
    boolean[] broken = {false};
    LongSupplier clock =
        () -> {
          if (broken[0]) {
            throw new IllegalStateException("clock gone");
          }
          return 0;
        };
    GuardEngine engine = new GuardEngine(injector, null, clock, 0);
    broken[0] = true;

    engine.status();

    assertThat(injector.contained).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(injector.disabled).containsExactly(ChaosReasons.GUARD_ERROR);
  }

  @Test
  void theModuleExportsTheGuardButNotItsMachinery() {
    ModuleDescriptor core =
        ModuleFinder.of(Path.of("target/classes"))
            .find("io.mmbot.chaos.core")
            .orElseThrow()
            .descriptor();
    Set<String> exported =
        core.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());

    assertThat(exported)
        .contains(RollbackGuard.class.getPackageName())
        .doesNotContain(GuardEngine.class.getPackageName());
  }
}
