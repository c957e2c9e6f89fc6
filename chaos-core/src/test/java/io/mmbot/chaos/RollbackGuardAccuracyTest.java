package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmbot.chaos.time.VirtualTime;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The guard's p95 against the exact p95 of the same ticks, on known distributions. */
class RollbackGuardAccuracyTest {

  private static final long MS = 1_000_000L;
  private static final int TICKS = 20_000;

  static Stream<Arguments> distributions() {
    return Stream.of(
        Arguments.of("constant 187 ms", (ToLongFunction<SplittableRandom>) r -> 187 * MS),
        Arguments.of(
            "uniform 1-500 ms", (ToLongFunction<SplittableRandom>) r -> r.nextLong(MS, 500 * MS)),
        Arguments.of(
            "exponential, mean 50 ms",
            (ToLongFunction<SplittableRandom>)
                r -> (long) (-Math.log(1 - r.nextDouble()) * 50 * MS)),
        Arguments.of(
            "log-normal, median 180 ms, sigma 0.5",
            (ToLongFunction<SplittableRandom>)
                r -> (long) (180 * MS * Math.exp(0.5 * gaussian(r)))),
        Arguments.of(
            "bimodal: 90 % near 20 ms, 10 % near 900 ms",
            (ToLongFunction<SplittableRandom>)
                r ->
                    r.nextInt(10) == 0
                        ? r.nextLong(850 * MS, 950 * MS)
                        : r.nextLong(15 * MS, 25 * MS)),
        Arguments.of(
            "microseconds: uniform 100-900 us",
            (ToLongFunction<SplittableRandom>) r -> r.nextLong(100_000, 900_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributions")
  void p95IsWithinTheDocumentedRelativeErrorOfTheExactP95(
      String name, ToLongFunction<SplittableRandom> draw) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    VirtualTime clock = new VirtualTime();
    ChaosInjector injector = ChaosInjector.builder().nanoClock(clock).build();
    RollbackGuard guard = RollbackGuard.builder(injector).build();
    long[] ticks = new long[TICKS];
    for (int i = 0; i < TICKS; i++) {
      ticks[i] = draw.applyAsLong(random);
      guard.recordTick(ticks[i], false);
      clock.advanceNanos(2_000_000L); // 20 000 ticks in 40 s: all inside the one-minute window
    }
    Arrays.sort(ticks);
    double exactMs = ticks[(int) Math.ceil(0.95 * TICKS) - 1] / 1e6;

    RollbackGuard.Status s = guard.status();
    assertThat(s.windowTicks()).isEqualTo(TICKS);
    double p95 = s.trigger("P95_TICK").value();
    assertThat(p95).as(name).isCloseTo(exactMs, within(exactMs * RollbackGuard.P95_RELATIVE_ERROR));
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
