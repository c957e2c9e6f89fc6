package io.mmbot.chaos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import io.mmbot.chaos.testsupport.Binomial;
import io.mmbot.chaos.time.VirtualTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderViewChaosTest {

  record Order(String id, String status, long qty) {}

  static class Perturb implements OrderViewChaos.Perturber<Order> {
    @Override
    public Order ghost(List<Order> view) {
      return new Order("ghost-" + view.size(), "NEW", 1);
    }

    @Override
    public Order stale(Order o) {
      return new Order(o.id(), "STALE", o.qty());
    }

    @Override
    public Order quantityDiff(Order o) {
      return new Order(o.id(), o.status(), o.qty() + 100);
    }
  }

  private static final List<Order> OPEN =
      List.of(new Order("a", "NEW", 5), new Order("b", "NEW", 6), new Order("c", "NEW", 7));

  private final VirtualTime clock = new VirtualTime();

  private ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock).build();
  }

  private static ChaosConfig.Builder chaos(double p) {
    return ChaosConfig.builder().enabled(true).dryRun(false).reconcileMismatch(p).seed(5L);
  }

  @Test
  void returnsTheExchangesOwnViewWhenTheGateDoesNotFire() {
    OrderViewChaos<Order> chaos =
        OrderViewChaos.of(injector(ChaosConfig.defaults()), new Perturb());
    OrderViewChaos.Result<Order> r = chaos.view(OPEN);
    assertThat(r.orders()).isEqualTo(OPEN);
    assertThat(r.perturbed()).isFalse();
    assertThat(r.mismatch()).isNull();
    assertThatThrownBy(() -> r.orders().add(OPEN.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachMismatchTypeChangesExactlyTheDocumentedOrder() {
    List<MismatchType> reported = new ArrayList<>();
    OrderViewChaos<Order> chaos =
        OrderViewChaos.of(injector(chaos(1.0).build()), new Perturb(), reported::add);
    List<Order> input = new ArrayList<>(OPEN);
    for (int n = 0; n < 40; n++) {
      OrderViewChaos.Result<Order> r = chaos.view(input);
      int i = n % OPEN.size();
      List<Order> expected = new ArrayList<>(OPEN);
      switch (r.mismatch()) {
        case MISSING_ORDER:
          expected.remove(i);
          break;
        case GHOST_ORDER:
          expected.add(new Order("ghost-3", "NEW", 1));
          break;
        case STALE_STATUS:
          expected.set(i, new Order(OPEN.get(i).id(), "STALE", OPEN.get(i).qty()));
          break;
        case QTY_DIFF:
          expected.set(i, new Order(OPEN.get(i).id(), "NEW", OPEN.get(i).qty() + 100));
          break;
        default:
          throw new AssertionError(r.mismatch());
      }
      assertThat(r.orders()).as("reconcile %d (%s)", n, r.mismatch()).isEqualTo(expected);
      assertThat(reported.get(n)).isEqualTo(r.mismatch());
    }
    assertThat(input).isEqualTo(OPEN);
  }

  @Test
  void typesAreDrawnEvenlyAndTheRateMatchesWithinBinomialBounds() {
    int n = 4000;
    OrderViewChaos<Order> chaos = OrderViewChaos.of(injector(chaos(0.1).build()), new Perturb());
    Map<MismatchType, Integer> counts = new EnumMap<>(MismatchType.class);
    int perturbed = 0;
    for (int i = 0; i < n; i++) {
      OrderViewChaos.Result<Order> r = chaos.view(OPEN);
      if (r.perturbed()) {
        perturbed++;
        counts.merge(r.mismatch(), 1, Integer::sum);
      }
    }
    assertThat((long) perturbed).isBetween(Binomial.lower(n, 0.1), Binomial.upper(n, 0.1));
    assertThat(counts).containsOnlyKeys(MismatchType.values());
    for (int c : counts.values()) {
      assertThat((long) c)
          .isBetween(Binomial.lower(perturbed, 0.25), Binomial.upper(perturbed, 0.25));
    }
  }

  @Test
  void anEmptyViewCanOnlyGainAGhost() {
    OrderViewChaos<Order> chaos = OrderViewChaos.of(injector(chaos(1.0).build()), new Perturb());
    for (int i = 0; i < 20; i++) {
      OrderViewChaos.Result<Order> r = chaos.view(List.of());
      assertThat(r.mismatch()).isEqualTo(MismatchType.GHOST_ORDER);
      assertThat(r.orders()).containsExactly(new Order("ghost-0", "NEW", 1));
    }
  }

  @Test
  void aThrowingListenerIsIgnored() {
    OrderViewChaos<Order> chaos =
        OrderViewChaos.of(
            injector(chaos(1.0).build()),
            new Perturb(),
            t -> {
              throw new IllegalStateException("metrics bug");
            });
    assertThat(chaos.view(OPEN).perturbed()).isTrue();
  }

  @Test
  void aListenerThrowingAnErrorIsContainedToo() {
    OrderViewChaos<Order> chaos =
        OrderViewChaos.of(
            injector(chaos(1.0).build()),
            new Perturb(),
            t -> {
              throw new AssertionError("metrics assertion");
            });
    assertThat(chaos.view(OPEN).perturbed()).isTrue();
  }

  @Test
  void rejectsNulls() {
    ChaosInjector injector = injector(chaos(1.0).build());
    assertThatThrownBy(() -> OrderViewChaos.of(null, new Perturb()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("injector");
    assertThatThrownBy(() -> OrderViewChaos.of(injector, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("perturber");
    OrderViewChaos<Order> chaos = OrderViewChaos.of(injector, new Perturb());
    assertThatThrownBy(() -> chaos.view(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("exchangeOrders");
    assertThatThrownBy(() -> chaos.view(Arrays.asList(OPEN.get(0), null)))
        .isInstanceOf(NullPointerException.class);
    OrderViewChaos<Order> nullGhost =
        OrderViewChaos.of(
            injector,
            new Perturb() {
              @Override
              public Order ghost(List<Order> view) {
                return null;
              }
            });
    assertThatThrownBy(() -> nullGhost.view(List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ghost order");
  }
}
