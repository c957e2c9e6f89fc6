package io.mmbot.chaos.junit;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.Scenario;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's chaos: its seed, virtual clock and injector, and what {@link GlobalChaos} held before
 * the test. Created before the test's {@code @BeforeEach} methods, dropped after its {@code
 * AfterEach} methods; used by the thread running that test.
 */
final class TestChaos {

  /** The instance id of every test injector, so that {@code instance_pct} is reproducible. */
  static final String INSTANCE_ID = "mm-chaos-junit";

  private final ChaosSettings settings;
  private final ChaosConfig initial;
  private final VirtualClock clock;
  private final ChaosInjector injector;
  private ChaosInjector previousGlobal;
  private volatile String ended;

  private TestChaos(ChaosSettings settings) {
    this.settings = settings;
    this.initial = settings.config();
    this.clock = new VirtualClock();
    this.injector =
        ChaosInjector.builder()
            .config(initial)
            .nanoClock(clock)
            .seed(settings.seed())
            .instanceId(INSTANCE_ID)
            .build();
    injector.addEnableVeto(() -> ended);
  }

  static TestChaos create(ExtensionContext context) {
    return new TestChaos(ChaosSettings.of(context));
  }

  /**
   * The test is over: its injector goes off for good (reason {@value ChaosExtension#TEST_ENDED}),
   * so that code still holding it (a connector singleton built during the test) injects nothing
   * into later tests, and no update can switch it on again.
   */
  void end(String testName) {
    ended =
        "the test "
            + testName
            + " has ended: its injector stays off (an object built during that test still holds"
            + " it; build it in each test, or take the injector from the test's parameter)";
    injector.disable(ChaosExtension.TEST_ENDED);
  }

  long seed() {
    return settings.seed();
  }

  VirtualClock clock() {
    return clock;
  }

  ChaosInjector injector() {
    return injector;
  }

  /** Makes this test's injector global, remembering the one it replaces. */
  void installGlobal() {
    previousGlobal = GlobalChaos.get();
    GlobalChaos.init(injector);
  }

  /** Puts back what {@link #installGlobal()} replaced; does nothing if it was not called. */
  void restoreGlobal() {
    ChaosInjector previous = previousGlobal;
    if (previous != null) {
      previousGlobal = null;
      GlobalChaos.init(previous);
    }
  }

  /**
   * The text appended to a failure: the seed and how to replay it, the virtual time, and the
   * injections of every scenario that was configured or fired.
   */
  String describe() {
    long seed = settings.seed();
    StringBuilder s = new StringBuilder("mm-chaos: seed ").append(seed);
    switch (settings.seedSource()) {
      case ANNOTATION:
        s.append(" (from @ChaosSeed)");
        break;
      case PARAMETER:
        s.append(" (from ").append(ChaosExtension.SEED_PARAMETER).append(')');
        break;
      case RANDOM:
        s.append(" (random; replay with @ChaosSeed(")
            .append(seed)
            .append(") or -D")
            .append(ChaosExtension.SEED_PARAMETER)
            .append('=')
            .append(seed)
            .append(')');
        break;
    }
    s.append(", virtual time ").append(clock.elapsed());
    ChaosConfig now = injector.config();
    StringBuilder counts = new StringBuilder();
    for (Scenario sc : Scenario.values()) {
      long made = injector.injections(sc);
      long wouldBe = injector.wouldBeInjections(sc);
      if (made == 0 && wouldBe == 0 && initial.intensity(sc) == 0 && now.intensity(sc) == 0) {
        continue;
      }
      counts.append(counts.length() == 0 ? "" : ", ").append(sc.key()).append('=').append(made);
      if (wouldBe > 0) {
        counts.append(" (dry-run ").append(wouldBe).append(')');
      }
    }
    s.append(", injections: ").append(counts.length() == 0 ? "no scenario configured" : counts);
    if (!now.enabled()) {
      s.append(", chaos disabled (").append(injector.lastDisableReason()).append(')');
    }
    return s.toString();
  }
}
