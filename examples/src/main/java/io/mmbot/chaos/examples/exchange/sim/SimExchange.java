package io.mmbot.chaos.examples.exchange.sim;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.exchange.model.LatencyModel;
import io.mmbot.chaos.exchange.model.SimMarket;
import io.mmbot.chaos.http.FaultPlan;
import io.mmbot.chaos.http.RequestFaults;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The simulated exchange: a discrete-event simulation in virtual time of the network, the order
 * book's market and the {@link ExchangeRules}. One seed drives every random choice (latency,
 * market, failovers; the injector has its own seed), so a run is reproducible to the byte.
 *
 * <p>REST calls go through the client-side fault plan ({@link RequestFaults}), applied in virtual
 * time exactly as {@code ChaosHttpClient} applies it on a real network: the LAT_SPIKE delay first;
 * then, for a fault that strikes before sending, a synthetic answer one round trip later (429, 418
 * or 5xx) or a lost connection half a round trip later; for a fault that strikes after sending, the
 * exchange executes the request and the caller gets a 5xx instead of its answer, no answer at all
 * (it times out), or, for a loss that cuts the connection ({@code net_loss.cut_share}), a failure
 * when the cut answer arrives, reported as {@link RestCall.Failure#TIMEOUT} (outcome unknown). A
 * request that was sent is executed when it arrives, even if the caller has stopped waiting.
 *
 * <p>Not thread-safe: one simulation, one thread.
 */
public final class SimExchange implements Exchange {

  /** Virtual wall-clock time at the start of every simulation: 2026-01-01T00:00:00Z. */
  public static final long START_EPOCH_MS = 1_767_225_600_000L;

  /** Primary host name. */
  public static final String PRIMARY_HOST = "api.sim-exchange.test";

  /** Secondary host name. */
  public static final String SECONDARY_HOST = "api2.sim-exchange.test";

  private static final long MS = 1_000_000L;

  private final VirtualScheduler sched = new VirtualScheduler();
  private final Runnable marketStepEvent = this::marketStep;
  private final ExchangeRules rules = new ExchangeRules();
  private final LatencyModel latency;
  private final SimMarket market;
  private final SimWebSocket ws;
  private final RequestFaults faults;
  private InjectionSchedule schedule;
  private final Clock clock;
  private final HostResolver resolver;
  private long planBans;
  private boolean lastPlan418;
  private long hash = 0xcbf29ce484222325L;
  private long restCalls;
  private long retryAfterUntil = Long.MIN_VALUE;
  private long retryAfterViolations;
  private SubSecondRetryAfter subSecondRetryAfter;

  private SimExchange(long seed, ChaosInjector injector, RequestFaults faults) {
    SplittableRandom root = new SplittableRandom(seed);
    this.latency = new LatencyModel(root.split());
    this.market = new SimMarket(root.split());
    this.ws = new SimWebSocket(sched, new LatencyModel(root.split()), injector, this);
    this.faults =
        faults != null ? faults : RequestFaults.builder(injector).nanoClock(sched::now).build();
    this.clock = new VirtualWallClock(sched, ZoneOffset.UTC);
    InetAddress primary = address(PRIMARY_HOST, 10, 0, 0, 1);
    InetAddress secondary = address(SECONDARY_HOST, 10, 0, 0, 2);
    List<InetAddress> p = List.of(primary);
    List<InetAddress> s = List.of(secondary);
    HostResolver base =
        host -> {
          if (PRIMARY_HOST.equals(host)) {
            return p;
          }
          if (SECONDARY_HOST.equals(host)) {
            return s;
          }
          throw new UnknownHostException(host);
        };
    this.resolver = base;
    rules.top(market.bid(), market.ask());
    ws.initialTop(market.bid(), market.ask());
    sched.at(SimMarket.STEP_MS * MS, marketStepEvent);
  }

  /**
   * A virtual time source to build the injector on before the simulation exists: hand the result to
   * {@link #create(long, ChaosInjector, SimClock)}.
   */
  public static SimClock clockFor() {
    return new SimClock();
  }

  /**
   * A simulation seeded with {@code seed} whose faults come from {@code injector}, which must read
   * its time from {@code time} (made by {@link #clockFor()}; bound to this simulation here).
   */
  public static SimExchange create(long seed, ChaosInjector injector, SimClock time) {
    SimExchange exchange =
        new SimExchange(seed, Objects.requireNonNull(injector, "injector"), null);
    time.bind(exchange.sched);
    return exchange;
  }

  /**
   * Records the faults applied from now on, or replays a subset of a recorded run instead of the
   * injector's decisions (see {@link InjectionSchedule}); null (the default) applies the injector's
   * decisions without recording.
   */
  public void schedule(InjectionSchedule s) {
    this.schedule = s;
  }

  InjectionSchedule schedule() {
    return schedule;
  }

  /**
   * From now on every 429 or 418 answer carries a {@code Retry-After} with milliseconds drawn from
   * {@code rule} instead of the fault plan's whole seconds; null (the default) keeps whole seconds.
   */
  public void subSecondRetryAfter(SubSecondRetryAfter rule) {
    this.subSecondRetryAfter = rule;
  }

  // ---------------------------------------------------------------- Exchange

  @Override
  public long nanoTime() {
    return sched.now();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public String primaryHost() {
    return PRIMARY_HOST;
  }

  @Override
  public String secondaryHost() {
    return SECONDARY_HOST;
  }

  @Override
  public HostResolver resolver() {
    return resolver;
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    long t0 = sched.now();
    long end = t0;
    if (t0 < retryAfterUntil) {
      retryAfterViolations += calls.size();
    }
    for (int i = 0; i < calls.size(); i++) {
      long done = submit(calls.get(i), t0, giveUpAtNanos);
      end = Math.max(end, done);
    }
    sched.runUntil(end);
    for (int i = 0; i < calls.size(); i++) {
      RestCall c = calls.get(i);
      if (c.rateLimited()) {
        retryAfterUntil = Math.max(retryAfterUntil, c.doneAtNanos() + c.retryAfterMs() * MS);
      }
      log(
          c.endpoint().ordinal() * 1000 + c.httpStatus() * 10 + c.failure().ordinal(),
          c.doneAtNanos());
    }
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    Objects.requireNonNull(listener, "listener");
    ws.connect(Objects.requireNonNull(address, "address"), listener);
  }

  @Override
  public void timer(long atNanos, Runnable task) {
    sched.at(atNanos, task);
  }

  @Override
  public void idleUntil(long nanos) {
    sched.runUntil(nanos);
  }

  @Override
  public Ledger ledger() {
    return rules.ledger();
  }

  @Override
  public long bans418() {
    return rules.bans() + planBans;
  }

  @Override
  public long retryAfterViolations() {
    return retryAfterViolations;
  }

  @Override
  public void close() {}

  // ---------------------------------------------------------------- for the suite

  @Override
  public ExchangeRules rules() {
    return rules;
  }

  /** Abnormal WebSocket disconnects so far. */
  public long wsDisconnects() {
    return ws.disconnects();
  }

  /** WebSocket lockouts for too many connection attempts. */
  public long wsLockouts() {
    return ws.rules().lockouts();
  }

  /** REST calls sent so far. */
  public long restCalls() {
    return restCalls;
  }

  /**
   * A hash of everything that happened (every REST answer and WebSocket event, with its time): two
   * runs with the same seed and the same bot give the same hash.
   */
  public long eventLogHash() {
    return hash;
  }

  /** Server time, epoch ms. */
  long serverMs() {
    return START_EPOCH_MS + sched.now() / MS;
  }

  void log(long event, long value) {
    long h = hash;
    h = (h ^ event) * 0x100000001b3L;
    h = (h ^ value) * 0x100000001b3L;
    hash = h;
  }

  // ---------------------------------------------------------------- internals

  /** Plans one call and schedules its effects; returns when the caller is done with it. */
  private long submit(RestCall c, long t0, long giveUpAt) {
    if (c.address() == null) {
      c.fail(RestCall.Failure.DNS);
      c.times(t0, t0);
      return t0;
    }
    restCalls++;
    FaultPlan plan = faults.next();
    if (schedule != null) {
      plan = schedule.rest(t0, plan);
    }
    long delay = plan == null ? 0 : plan.delayMs() * MS;
    long rtt = latency.restRoundTripNanos(c.endpoint());
    long sentAt = t0 + delay;
    long arrive = sentAt + rtt / 2;
    long answerAt = arrive + rtt - rtt / 2;
    boolean fault = plan != null && plan.scenario() != null;
    boolean reaches = !fault || plan.reachesServer();
    boolean answered = answerAt <= giveUpAt;
    countBan(fault ? plan : null);
    if (reaches) {
      // The exchange executes what it receives; the caller sees the answer only if it is the
      // real one and arrives in time.
      RestCall target = !fault && answered ? c : c.copyRequest();
      sched.at(arrive, () -> rules.handle(target, serverMs()));
    }
    if (!fault) {
      if (answered) {
        c.times(t0, answerAt);
        return answerAt;
      }
      return timeout(c, t0, giveUpAt);
    }
    long done = faulted(c, plan, t0, sentAt + rtt / 2, answerAt, giveUpAt);
    if (subSecondRetryAfter != null && c.rateLimited()) {
      c.answerMs(c.httpStatus(), 0, subSecondRetryAfter.nextMs(), 0, 0);
    }
    return done;
  }

  /** Counts a ban of the adapters' fault plan: a 418 after an answer that was not one. */
  private void countBan(FaultPlan fault) {
    boolean is418 = fault != null && fault.status() == 418;
    if (is418 && !lastPlan418) {
      planBans++;
    }
    lastPlan418 = is418;
  }

  /**
   * Ends call {@code c}, sent at {@code t0}, as fault {@code plan} says: a loss (a connection lost
   * on the way out at {@code lostAt}, or an answer never or only half received) or a synthetic
   * answer at {@code answerAt}; either, if later than {@code giveUpAt}, as a timeout then. Returns
   * when the caller is done with it.
   */
  private static long faulted(
      RestCall c, FaultPlan plan, long t0, long lostAt, long answerAt, long giveUpAt) {
    boolean answered = answerAt <= giveUpAt;
    if (plan.isLoss()) {
      if (plan.isCut() && answered) {
        // the answer starts to arrive and the connection breaks half way: the caller learns at
        // once that the outcome is unknown, instead of waiting for its time limit
        c.fail(RestCall.Failure.TIMEOUT);
        c.times(t0, answerAt);
        return answerAt;
      }
      if (plan.reachesServer() || lostAt > giveUpAt) {
        return timeout(c, t0, giveUpAt);
      }
      c.fail(RestCall.Failure.CONNECTION);
      c.times(t0, lostAt);
      return lostAt;
    }
    if (!answered) {
      return timeout(c, t0, giveUpAt);
    }
    c.answer(plan.status(), 0, plan.retryAfterSeconds(), 0, 0);
    c.times(t0, answerAt);
    return answerAt;
  }

  private static long timeout(RestCall c, long t0, long giveUpAt) {
    c.fail(RestCall.Failure.TIMEOUT);
    c.times(t0, giveUpAt);
    return giveUpAt;
  }

  private void marketStep() {
    market.step();
    long ms = serverMs();
    rules.top(market.bid(), market.ask());
    rules.trade(market.lastTrade(), ms, ws::execution);
    ws.serverStep(market.bid(), market.ask(), ms);
    sched.at(sched.now() + SimMarket.STEP_MS * MS, marketStepEvent);
  }

  private static InetAddress address(String host, int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(host, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
