package io.mmbot.chaos.examples.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.examples.bot.GuardReason;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check is decided by its own figure: in a quiet baseline run every check passes, and setting
 * one figure past its limit fails exactly the check that reads it, with the figure in its message.
 */
class VerdictTest {

  private static FiguresFixture quietBaseline() {
    return new FiguresFixture(new RunPlan(null, 1, 0, 120, "resilient", "sim"));
  }

  @Test
  void aQuietBaselinePassesEveryCheck() {
    assertThat(quietBaseline().failures()).isEmpty();
  }

  static Stream<Arguments> oneFigureEach() {
    return Stream.of(
        of(Check.RETRY_AFTER, f -> f.storms = new StormFigures(0, 0, 0, 0, 0, 0, 4), "4 request"),
        of(Check.CANCEL_STORMS, f -> f.storms = new StormFigures(9, 1, 0, 0, 0, 0, 0), "9 cancels"),
        of(
            Check.RETRY_STORMS,
            f -> f.storms = new StormFigures(0, 0, 31, 1, 0, 0, 0),
            "31 attempts"),
        of(Check.RETRY_BUDGET, f -> f.storms = new StormFigures(0, 0, 0, 0, 2, 0, 0), "2 places"),
        of(Check.WS_ATTEMPTS, f -> f.storms = new StormFigures(0, 0, 0, 0, 0, 3, 0), "3 WebSocket"),
        of(
            Check.OPEN_ORDER_LIMIT,
            f -> f.orders = new OrderFigures(5, 0, 0, 0, 0, 0, 0, 0),
            "5 open"),
        of(
            Check.DUPLICATE_ORDERS,
            f -> f.orders = new OrderFigures(0, 0, 6, 0, 0, 0, 0, 0),
            "6 order"),
        of(
            Check.PLACES_WHILE_FAILING,
            f -> f.orders = new OrderFigures(0, 0, 0, 7, 0, 0, 0, 0),
            "7 order"),
        of(
            Check.PLACES_WHILE_GUARDED,
            f -> f.orders = new OrderFigures(0, 0, 0, 0, 8, 0, 0, 0),
            "8 order"),
        of(
            Check.ABANDONED_ORDERS,
            f -> f.orders = new OrderFigures(0, 0, 0, 0, 0, 9, 0, 0),
            "9 own"),
        of(
            Check.QUOTES_OFF_MID,
            f -> f.orders = new OrderFigures(0, 0, 0, 0, 0, 0, 4, 0),
            "4 order(s) accepted on the wrong side"),
        of(Check.ORPHAN_ORDERS, f -> f.unknowns = new UnknownOutcomeFigures(2, 2, 2, 0), "2 order"),
        of(
            Check.UNKNOWN_OUTCOMES,
            f -> f.unknowns = new UnknownOutcomeFigures(3, 3, 0, 3),
            "3 new order"),
        of(Check.STALE_DATA, f -> f.staleUnguardedTicks = 11, "11 tick"),
        of(Check.BANS_418, f -> f.bans418 = 12, "12 HTTP 418"),
        of(Check.WEIGHT_LIMIT, f -> f.weightRefusals = 13, "13 request"),
        of(Check.TIMESTAMPS, f -> f.timestampRejections = 14, "14 request"),
        of(Check.RECONNECT, f -> f.reconnectMs = 1_600, "1600 ms"),
        of(
            Check.RECONCILED_NEXT_TICK,
            f -> f.reconcile = new ReconcileFigures(15, 0, 0),
            "15 counted"),
        of(Check.DEADLINE_MISS, f -> f.shares = new TickShares(2.5, 0, 0, 0), "2.50 %"),
        of(
            Check.UNEXPECTED_GUARDS,
            f -> f.guards = new GuardFigures(GuardReason.CLOCK_SKEW.bit(), 0),
            "CLOCK_SKEW"));
  }

  private static Arguments of(Check check, Consumer<FiguresFixture> set, String message) {
    return Arguments.of(check, set, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneFigureEach")
  void oneFigurePastItsLimitFailsItsOwnCheckOnly(
      Check check, Consumer<FiguresFixture> set, String message) {
    FiguresFixture run = quietBaseline();
    set.accept(run);
    assertThat(run.failures()).containsOnlyKeys(check);
    assertThat(run.failures().get(check)).contains(message);
  }

  @Test
  void aGuardWhoseCauseTheWireShowsIsNotUnexpected() {
    FiguresFixture run = quietBaseline();
    int skew = GuardReason.CLOCK_SKEW.bit();
    run.guards = new GuardFigures(skew, skew);
    assertThat(run.failures()).isEmpty();
  }

  @Test
  void aScenarioRunWithoutAnInjectionFailsFired() {
    FiguresFixture run =
        new FiguresFixture(new RunPlan(Scenario.EXCH_5XX, 1, 0.1, 120, "resilient", "sim"));
    run.baselineP95Ms = 100;
    assertThat(run.failures()).containsKey(Check.FIRED);
    run.injections[Scenario.EXCH_5XX.ordinal()] = 1;
    assertThat(run.failures()).doesNotContainKey(Check.FIRED);
  }
}
