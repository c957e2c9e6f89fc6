package io.mmbot.chaos.reconcile;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.MismatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Applies RECONCILE_MISMATCH to the bot's reconcile path: given the exchange's view of open orders,
 * returns that view, perturbed in one way when the gate fires, and reports the type.
 *
 * <p>The perturbations, one per reconcile at most ({@link ChaosInjector#reconcileMismatchOrNull()}
 * picks the type):
 *
 * <ul>
 *   <li>{@link MismatchType#MISSING_ORDER}: one order is removed from the view;
 *   <li>{@link MismatchType#GHOST_ORDER}: an order the exchange does not have is added at the end
 *       (made by {@link Perturber#ghost});
 *   <li>{@link MismatchType#STALE_STATUS}: one order is replaced by {@link Perturber#stale};
 *   <li>{@link MismatchType#QTY_DIFF}: one order is replaced by {@link Perturber#quantityDiff}.
 * </ul>
 *
 * <p>"One order" is the order at index {@code n mod size}, where {@code n} counts this helper's
 * perturbations from 0, so successive mismatches touch different orders and tests know exactly
 * which. On an empty view only a ghost can be made, so every type becomes {@code GHOST_ORDER}
 * there; the type reported is always the one applied.
 *
 * <p>Thread safety: safe for concurrent use if the {@link Perturber} and the listener are. The
 * input list is never modified. A listener that throws is ignored (logged), never propagated.
 *
 * @param <O> the bot's order type
 */
public final class OrderViewChaos<O> {

  private static final System.Logger LOG = System.getLogger(OrderViewChaos.class.getName());

  /** Makes the perturbed orders; implemented by the bot for its own order type. */
  public interface Perturber<O> {
    /** An order the exchange does not have, for example with a fresh client order id. */
    O ghost(List<O> view);

    /** {@code order} with an out-of-date status, for example still NEW although filled. */
    O stale(O order);

    /** {@code order} with a different remaining quantity. */
    O quantityDiff(O order);
  }

  /**
   * The view to reconcile against.
   *
   * @param orders the (possibly perturbed) open orders, unmodifiable
   * @param mismatch the perturbation applied, or null when the view is the exchange's own
   */
  public record Result<O>(List<O> orders, MismatchType mismatch) {
    /** Validates and copies. */
    public Result {
      orders = List.copyOf(orders);
    }

    /** Whether the view was perturbed. */
    public boolean perturbed() {
      return mismatch != null;
    }
  }

  private final ChaosInjector injector;
  private final Perturber<O> perturber;
  private final Consumer<MismatchType> listener;
  private final AtomicLong perturbations = new AtomicLong();

  private OrderViewChaos(
      ChaosInjector injector, Perturber<O> perturber, Consumer<MismatchType> listener) {
    this.injector = Objects.requireNonNull(injector, "injector");
    this.perturber = Objects.requireNonNull(perturber, "perturber");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** A helper that reports nothing beyond the injector's own counters and listeners. */
  public static <O> OrderViewChaos<O> of(ChaosInjector injector, Perturber<O> perturber) {
    return new OrderViewChaos<>(injector, perturber, type -> {});
  }

  /**
   * A helper that also tells {@code listener} each applied type, for example {@code t ->
   * metrics.recordReconcileDiscrepancy(t.key())}.
   */
  public static <O> OrderViewChaos<O> of(
      ChaosInjector injector, Perturber<O> perturber, Consumer<MismatchType> listener) {
    return new OrderViewChaos<>(injector, perturber, listener);
  }

  /**
   * The view of open orders the bot should reconcile against: {@code exchangeOrders} itself (as an
   * unmodifiable copy) unless RECONCILE_MISMATCH fires.
   *
   * @throws NullPointerException if {@code exchangeOrders} or one of its elements is null
   */
  public Result<O> view(List<O> exchangeOrders) {
    Objects.requireNonNull(exchangeOrders, "exchangeOrders");
    List<O> orders = List.copyOf(exchangeOrders);
    MismatchType type = injector.reconcileMismatchOrNull();
    if (type == null) {
      return new Result<>(orders, null);
    }
    if (orders.isEmpty()) {
      type = MismatchType.GHOST_ORDER;
    }
    List<O> view = new ArrayList<>(orders);
    int i = (int) Math.floorMod(perturbations.getAndIncrement(), (long) Math.max(1, orders.size()));
    switch (type) {
      case MISSING_ORDER:
        view.remove(i);
        break;
      case GHOST_ORDER:
        view.add(Objects.requireNonNull(perturber.ghost(orders), "ghost order"));
        break;
      case STALE_STATUS:
        view.set(i, Objects.requireNonNull(perturber.stale(orders.get(i)), "stale order"));
        break;
      case QTY_DIFF:
        view.set(i, Objects.requireNonNull(perturber.quantityDiff(orders.get(i)), "qty order"));
        break;
      default:
        throw new AssertionError(type);
    }
    report(type);
    return new Result<>(view, type);
  }

  private void report(MismatchType type) {
    try {
      listener.accept(type);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.WARNING, "reconcile mismatch listener failed", e);
    }
  }
}
