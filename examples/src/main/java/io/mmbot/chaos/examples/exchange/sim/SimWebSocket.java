package io.mmbot.chaos.examples.exchange.sim;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.DepthLevels;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.ExchangeJournal;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.WsRules;
import io.mmbot.chaos.exchange.model.LatencyModel;

/**
 * The simulated WebSocket between the exchange and the bot: the server side follows {@link WsRules}
 * (attempt limit, ping/pong, 24 h lifetime); the client side applies the injector's WebSocket
 * faults to every incoming message through the library's hooks, as {@code ChaosWebSocket} does on a
 * real connection:
 *
 * <ul>
 *   <li>WS_DISCONNECT: checked on every incoming message with {@link
 *       ChaosInjector#shouldInjectWsDisconnect(long)} over the time since this connection's
 *       previous check; the connection is aborted ({@code onClosed(abnormal)}) after the lagged
 *       messages that arrived before it.
 *   <li>NET_LOSS: the message is dropped ({@link ChaosInjector#shouldInjectNetLoss()}).
 *   <li>WS_LAG: the message is delivered {@link ChaosInjector#wsLagToAddMs()} late; order is kept.
 * </ul>
 *
 * <p>An abnormal disconnect is modelled as the symptom of a failover of the endpoint the connection
 * was on: for a random {@value #MIN_OUTAGE_MS}–{@value #MAX_OUTAGE_MS} ms afterwards that address
 * refuses connections (the other endpoint is unaffected), so a client that retries the same address
 * at once stays down for the whole outage and burns its attempts against the attempt limit.
 */
final class SimWebSocket {

  static final long MIN_OUTAGE_MS = WsRules.MIN_OUTAGE_MS;
  static final long MAX_OUTAGE_MS = WsRules.MAX_OUTAGE_MS;
  private static final long MS = 1_000_000L;

  private final VirtualScheduler sched;
  private final LatencyModel latency;
  private final ChaosInjector injector;
  private final WsRules rules = new WsRules();
  private final SimExchange exchange;

  private WsListener listener;
  private int generation;
  private boolean open;
  private WsRules.Session session;
  private long lastCheck;
  private long lastDelivery;
  private final java.util.Map<java.net.InetAddress, Long> outageUntil = new java.util.HashMap<>();
  private java.net.InetAddress address;
  private long sequence;
  private long lastBid;
  private long lastAsk;
  private final DepthDiff diff = new DepthDiff(DepthLevels.LEVELS * 2);
  private long connects;
  private long disconnects;

  SimWebSocket(
      VirtualScheduler sched, LatencyModel latency, ChaosInjector injector, SimExchange exchange) {
    this.sched = sched;
    this.latency = latency;
    this.injector = injector;
    this.exchange = exchange;
  }

  WsRules rules() {
    return rules;
  }

  long disconnects() {
    return disconnects;
  }

  long connects() {
    return connects;
  }

  void connect(java.net.InetAddress to, WsListener l) {
    closeQuietly();
    int gen = ++generation;
    long rtt = latency.restRoundTripNanos(Endpoint.SERVER_TIME);
    long arrive = sched.now() + rtt / 2;
    sched.at(
        arrive,
        () -> {
          boolean down = sched.now() < outageUntil.getOrDefault(to, Long.MIN_VALUE);
          boolean admitted = rules.admit(exchange.serverMs(), down);
          exchange
              .rules()
              .journal()
              .ws(
                  exchange.serverMs(),
                  to.getHostAddress(),
                  admitted ? ExchangeJournal.WsKind.ADMITTED : ExchangeJournal.WsKind.REFUSED,
                  0);
          String why = down ? "endpoint unavailable (failover)" : "too many attempts";
          sched.at(
              sched.now() + rtt / 2,
              () -> {
                if (gen != generation) {
                  return;
                }
                exchange.log(admitted ? 11 : 12, sched.now());
                if (admitted) {
                  open = true;
                  address = to;
                  connects++;
                  listener = l;
                  session = new WsRules.Session(exchange.serverMs());
                  lastCheck = sched.now();
                  lastDelivery = sched.now();
                  l.onOpen(new Handle(gen));
                } else {
                  l.onRefused(why);
                }
              });
        });
  }

  /** The top of book before the first market step (what the first depth diff starts from). */
  void initialTop(long bid, long ask) {
    lastBid = bid;
    lastAsk = ask;
  }

  /**
   * One market step on the server: keep-alive, then the step's message: its book ticker and its
   * depth diff (the levels changed since the previous step's top of book) in one message, so a
   * message lost or lagged takes both.
   */
  void serverStep(long bid, long ask, long eventMs) {
    long prevBid = lastBid;
    long prevAsk = lastAsk;
    lastBid = bid;
    lastAsk = ask;
    if (!open) {
      return;
    }
    switch (session.check(eventMs)) {
      case PING:
        send(new Msg(Msg.PING, 0, 0, 0, 0, null, 0, 0));
        break;
      case EXPIRED:
      case PONG_MISSING:
        serverClose("connection lifetime or keep-alive rule");
        return;
      default:
        break;
    }
    send(new Msg(Msg.TICKER, bid, ask, eventMs, ++sequence, null, prevBid, prevAsk));
  }

  void execution(OrderView fill) {
    if (open) {
      send(new Msg(Msg.FILL, 0, 0, fill.updateTimeMs(), 0, fill, 0, 0));
    }
  }

  private void send(Msg m) {
    m.gen = generation;
    sched.at(sched.now() + latency.wsOneWayNanos(), m);
  }

  /** Client side: a message arrives off the wire; chaos applies here. */
  private void arrive(int gen, Msg m) {
    if (gen != generation || !open) {
      return;
    }
    long now = sched.now();
    long elapsed = now - lastCheck;
    lastCheck = now;
    InjectionSchedule s = exchange.schedule();
    boolean disconnect = injector.shouldInjectWsDisconnect(elapsed);
    if (s != null ? s.gate(InjectionSchedule.Point.WS_DISCONNECT, now, disconnect) : disconnect) {
      abort();
      return;
    }
    boolean loss = injector.shouldInjectNetLoss();
    if (s != null ? s.gate(InjectionSchedule.Point.WS_LOSS, now, loss) : loss) {
      return;
    }
    long lagMs = injector.wsLagToAddMs();
    long lag = (s != null ? s.lagMs(now, lagMs) : lagMs) * MS;
    long at = Math.max(now + lag, lastDelivery);
    lastDelivery = at;
    m.arrived = true;
    if (at == now) {
      deliver(gen, m);
    } else {
      sched.at(at, m);
    }
  }

  private void deliver(int gen, Msg m) {
    if (gen != generation || !open) {
      return;
    }
    switch (m.type) {
      case Msg.TICKER:
        exchange.log(13, m.seq);
        listener.onBookTicker(m.bid, m.ask, m.eventMs, m.seq);
        if (gen == generation && open) {
          long id = DepthLevels.updateIdAt(m.eventMs);
          DepthDiff d = diff.reset(id, id, m.eventMs);
          DepthLevels.change(m.prevBid, m.bid, true, d);
          DepthLevels.change(m.prevAsk, m.ask, false, d);
          listener.onDepthDiff(d);
        }
        break;
      case Msg.FILL:
        exchange.log(14, m.fill.updateTimeMs());
        listener.onExecution(m.fill);
        break;
      default:
        listener.onPing();
        break;
    }
  }

  private void abort() {
    disconnects++;
    int gen = generation;
    WsListener l = listener;
    long at = Math.max(sched.now(), lastDelivery);
    long until = sched.now() + latency.uniformNanos(MIN_OUTAGE_MS * MS, MAX_OUTAGE_MS * MS);
    outageUntil.put(address, until);
    exchange
        .rules()
        .journal()
        .ws(
            exchange.serverMs(),
            address.getHostAddress(),
            ExchangeJournal.WsKind.ENDPOINT_DOWN,
            SimExchange.START_EPOCH_MS + until / MS);
    sched.at(
        at,
        () -> {
          if (gen == generation && open) {
            open = false;
            generation++;
            exchange.log(15, sched.now());
            exchange
                .rules()
                .journal()
                .ws(
                    exchange.serverMs(),
                    address.getHostAddress(),
                    ExchangeJournal.WsKind.ABNORMAL_CLOSE,
                    0);
            l.onClosed(true, "connection lost without a close frame (ws_disconnect)");
          }
        });
  }

  private void serverClose(String reason) {
    open = false;
    int gen = ++generation;
    WsListener l = listener;
    sched.at(
        sched.now() + latency.wsOneWayNanos(),
        () -> {
          if (gen == generation) {
            l.onClosed(false, reason);
          }
        });
  }

  private void closeQuietly() {
    open = false;
    generation++;
  }

  private final class Handle implements WsConnection {
    private final int gen;

    Handle(int gen) {
      this.gen = gen;
    }

    @Override
    public void pong() {
      if (gen == generation && open) {
        WsRules.Session s = session;
        sched.at(sched.now() + latency.wsOneWayNanos(), s::pong);
      }
    }

    @Override
    public void close() {
      if (gen == generation) {
        closeQuietly();
      }
    }
  }

  /**
   * A server-to-client message; scheduled as it is: it arrives off the wire when it first runs, and
   * is delivered when it runs again (if its delivery was held back by a lag).
   */
  private final class Msg implements Runnable {
    static final int TICKER = 0;
    static final int FILL = 1;
    static final int PING = 2;
    final int type;
    final long bid;
    final long ask;
    final long eventMs;
    final long seq;
    final OrderView fill;
    final long prevBid;
    final long prevAsk;
    int gen;
    boolean arrived;

    private Msg(
        int type,
        long bid,
        long ask,
        long eventMs,
        long seq,
        OrderView fill,
        long prevBid,
        long prevAsk) {
      this.prevBid = prevBid;
      this.prevAsk = prevAsk;
      this.type = type;
      this.bid = bid;
      this.ask = ask;
      this.eventMs = eventMs;
      this.seq = seq;
      this.fill = fill;
    }

    @Override
    public void run() {
      if (arrived) {
        deliver(gen, this);
      } else {
        arrive(gen, this);
      }
    }
  }
}
