package io.mmbot.chaos.examples.exchange;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.exchange.OrderStatus;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.Side;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.HttpFaultListener;
import io.mmbot.chaos.reconcile.OrderViewChaos;
import io.mmbot.chaos.time.ChaosClock;
import io.mmbot.chaos.ws.ChaosWebSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The one place a connector meets mm-chaos: copy this class to give your exchange connector every
 * fault of one {@link ChaosInjector}. It wires the five things a connector touches to that injector
 * and to the one time source the injector reads:
 *
 * <ul>
 *   <li>the HTTP client: {@link #http} wraps the JDK's {@link HttpClient} in {@link
 *       ChaosHttpClient} (NET_LOSS, LAT_SPIKE, EXCH_5XX, RATE_LIMIT_STORM);
 *   <li>the WebSocket: {@link #webSocket} builds the {@link ChaosWebSocket} that opens the
 *       connector's streams (WS_DISCONNECT, WS_LAG, NET_LOSS);
 *   <li>DNS: {@link #dns} puts DNS_FLAP in front of the machine's resolver;
 *   <li>the clock: {@link #clock} shifts the machine's wall clock by CLOCK_SKEW (the clock that
 *       stamps signed requests and judges the server's time);
 *   <li>the order view: {@link #orderView} perturbs the exchange's list of open orders before the
 *       connector reconciles it (RECONCILE_MISMATCH).
 * </ul>
 *
 * <p>In the examples, the loopback exchange's connector ({@code LoopbackExchange}) takes its HTTP
 * client and WebSocket from here and the bots take their clock, resolver and order view; on the
 * simulated exchange, which runs in virtual time without sockets, the exchange applies the
 * transport faults itself from the same injector, and the bots wire the rest exactly as here.
 *
 * <p>Build the injector on the time source given here (its {@code nanoClock}), so that fault
 * windows, bans and Retry-After in the adapters and in the injector run on the same time. Safe for
 * concurrent use: it holds only the injector and the time source; every method builds a new
 * wrapper.
 */
public final class ConnectorChaos {

  private final ChaosInjector injector;
  private final LongSupplier nanoClock;

  private ConnectorChaos(ChaosInjector injector, LongSupplier nanoClock) {
    this.injector = Objects.requireNonNull(injector, "injector");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** The wiring to {@code injector}, which reads {@code nanoClock}. */
  public static ConnectorChaos of(ChaosInjector injector, LongSupplier nanoClock) {
    return new ConnectorChaos(injector, nanoClock);
  }

  /** The injector every wrapper draws its faults from. */
  public ChaosInjector injector() {
    return injector;
  }

  /** The time source of the injector and the wrappers, nanoseconds. */
  public LongSupplier nanoClock() {
    return nanoClock;
  }

  /** REST: {@code client} with HTTP faults; {@code onFault} hears of each fault applied. */
  public ChaosHttpClient http(HttpClient client, HttpFaultListener onFault) {
    return ChaosHttpClient.builder(client, injector).nanoClock(nanoClock).listener(onFault).build();
  }

  /** Streams: opens WebSockets with faults; their listeners run on {@code executor}. */
  public ChaosWebSocket webSocket(Executor executor) {
    return ChaosWebSocket.builder(injector).nanoClock(nanoClock).executor(executor).build();
  }

  /** DNS: {@code machine} with DNS_FLAP in front of it. */
  public HostResolver dns(HostResolver machine) {
    return machine.withChaos(injector);
  }

  /** The clock: {@code machine} shifted by CLOCK_SKEW. */
  public Clock clock(Clock machine) {
    return ChaosClock.wrap(machine, injector);
  }

  /**
   * The order view: perturbs the open orders the exchange reports with a ghost order (a client id
   * of {@code clientIdPrefix}, then {@code G<n>-0}), an order shown as still pending, or a quantity
   * one lot off. Each view counts its own ghosts: take one per connector.
   */
  public OrderViewChaos<OrderView> orderView(String clientIdPrefix) {
    return OrderViewChaos.of(injector, new OrderPerturber(clientIdPrefix));
  }

  /** The three perturbations of RECONCILE_MISMATCH on the examples' {@link OrderView}. */
  private static final class OrderPerturber implements OrderViewChaos.Perturber<OrderView> {

    private final String clientIdPrefix;
    private long ghosts;

    OrderPerturber(String clientIdPrefix) {
      this.clientIdPrefix = Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
    }

    @Override
    public OrderView ghost(List<OrderView> view) {
      long price = view.isEmpty() ? 1 : view.get(0).priceTicks();
      return new OrderView(
          clientIdPrefix + "G" + (++ghosts) + "-0", Side.BUY, price, 1, OrderStatus.NEW, 0);
    }

    @Override
    public OrderView stale(OrderView order) {
      return order.withStatus(OrderStatus.PENDING_NEW);
    }

    @Override
    public OrderView quantityDiff(OrderView order) {
      return order.withQty(order.qty() + 1);
    }
  }
}
