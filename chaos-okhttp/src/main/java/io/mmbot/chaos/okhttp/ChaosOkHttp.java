package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpAdapterBuilder;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.http.RequestFaults;
import io.mmbot.chaos.http.internal.ClientSettings;
import io.mmbot.chaos.http.internal.Settings;
import io.mmbot.chaos.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Applies the injector's faults to an OkHttp client. A connector opts in with one line: {@code
 * OkHttpClient client = ChaosOkHttp.decorate(new OkHttpClient.Builder(), injector).build();}
 *
 * <p>All HTTP faults come from one transport-neutral {@link RequestFaults} plan per instance, the
 * same plan the JDK adapter ({@code ChaosHttpClient}) applies, so the two adapters meet the same
 * faults for the same seed and requests. One instance stands for one client (one IP, as the
 * exchange sees it, for the 418 escalation); the static {@link #decorate(OkHttpClient.Builder,
 * ChaosInjector)} makes a new one per builder.
 *
 * <p>Fault contract, per call (the delay is drawn when the call starts, the fault once the delay is
 * over, as the request goes out; see the kill switch below):
 *
 * <ul>
 *   <li>LAT_SPIKE: the call waits {@code lat_spike_ms} before anything else happens. {@code
 *       execute} waits on the caller's thread (a canceled call, or one whose {@code callTimeout}
 *       expires meanwhile, ends at once with OkHttp's own failure); {@code enqueue} spends the wait
 *       on a timer before the call reaches a dispatcher thread, so no thread is parked (the
 *       dispatcher counts the call as running, as for a slow network, and its {@code callTimeout}
 *       starts after the wait). A call canceled during the wait fails at once (within about 10 ms
 *       for {@code enqueue}) with OkHttp's {@code IOException("Canceled")} and never reaches the
 *       server. A retry made inside the call by a connector's interceptor waits on the dispatcher
 *       thread, as that retry itself holds it.
 *   <li>Then at most one fault:
 *   <li>NET_LOSS before sending: the call fails with a {@link java.net.ConnectException}; the
 *       server never sees it. After sending (chance {@code unknown_outcome_share}): the request
 *       reaches the server, its response is closed unread, and the call fails with a {@link
 *       java.net.SocketTimeoutException} after the call's read timeout (or {@link
 *       Builder#lostResponseTimeout} when the read timeout is 0), as a lost response does; or, for
 *       {@code net_loss.cut_share} of these, the call returns the real status and headers with a
 *       body that ends half way in {@link java.net.ProtocolException} "unexpected end of stream",
 *       as a connection cut mid-body does.
 *   <li>RATE_LIMIT_STORM and EXCH_429: a synthetic 429 with {@code Retry-After} (seconds), the
 *       used-weight header {@code X-MBX-USED-WEIGHT-1M} and a JSON error body; the server never
 *       sees the request. Inside a storm, a request sent before a storm 429's {@code Retry-After}
 *       has passed is answered 429 again, and {@link Builder#violationsToBan} of them in a row earn
 *       a 418 ban with {@code Retry-After} for {@link Builder#banDuration}.
 *   <li>EXCH_5XX: a synthetic 500, 502, 503 or 504 with a JSON body; with chance {@code
 *       unknown_outcome_share} the request first reaches the server and only its response is
 *       replaced (the real body is closed).
 *   <li>DNS_FLAP: a host-name lookup fails with {@link java.net.UnknownHostException}, as {@code
 *       Dns.SYSTEM} reports a name that does not exist. OkHttp looks names up only for new
 *       connections, so a call on a pooled connection never meets it, unless {@code
 *       dns_flap_evict_pool} draws it per call and evicts the pool; IP literals never fail.
 * </ul>
 *
 * <p>Where each fault sits, and why:
 *
 * <ul>
 *   <li>Faults before sending (loss, 429, 418, 5xx, the delay) are applied by {@link
 *       #applicationInterceptor()}, which {@link #decorate(OkHttpClient.Builder)} appends after the
 *       application interceptors already on the builder. OkHttp's own retry ({@code
 *       retryOnConnectionFailure}) and its redirects run inside that interceptor, so they never see
 *       these faults and never repeat them: one call, one plan, one visible effect. A connector's
 *       retry interceptor added to the builder <em>before</em> {@code decorate} wraps the chaos
 *       interceptor, sees every fault exactly as the bot would, and each of its retries is a new
 *       request with a plan of its own (as each reaches the exchange anew). An interceptor added
 *       after {@code decorate} sits inside the chaos interceptor: a call that fails before sending
 *       never reaches it, and its retries belong to the call's one plan (an after-send fault it
 *       sees is not repeated on its retry).
 *   <li>Faults after sending are applied by {@link #networkInterceptor()}, appended last among the
 *       network interceptors so it sits next to the wire. The application interceptor hands it the
 *       call's plan as a request tag; OkHttp copies tags into its retries and follow-ups, and only
 *       the first network attempt of the call that gets a response applies the fault. An attempt
 *       that fails for real (a stale pooled connection) is passed on unchanged, so OkHttp's own
 *       retry of it still meets the fault, once. The faults it raises are of kinds OkHttp does not
 *       retry: a read timeout after the request was sent, a 5xx without {@code Retry-After}. If no
 *       network attempt applied the fault (the response came from a {@code Cache}, or the network
 *       interceptor is not installed), the application interceptor applies it on the way back.
 *   <li>DNS_FLAP sits in {@link #dns(Dns)}, below OkHttp's retry: OkHttp treats the failure as a
 *       route failure and, with a single proxy route as usual, does not retry it, so the call fails
 *       with the {@code UnknownHostException}; a connector's retry interceptor sees it as such.
 * </ul>
 *
 * <p>WebSocket: OkHttp's interceptors see only the upgrade handshake, which both interceptors leave
 * alone (a WebSocket connect draws no HTTP plan, as with the JDK adapter). Wrap the listener with
 * {@link #webSocketListener} for WS_LAG, WS_DISCONNECT and NET_LOSS on frames; see there.
 *
 * <p>Kill switch: nothing is injected after {@link ChaosInjector#disable} has returned. A call
 * waiting out its spike when chaos goes off stops waiting at the next look (within about 10 ms) and
 * goes out untouched, as its fault is drawn only then; an after-send fault whose chaos went off
 * while the exchange answered is dropped and the real response returned; a lost response's wait
 * ends and hands over the real response. WebSocket lag, loss and disconnects stop the same way (see
 * {@link #webSocketListener}).
 *
 * <p>With chaos off, between bursts and in dry-run, calls pass through unchanged. Every applied
 * HTTP fault is reported to the {@link OkHttpFaultListener} with its {@link Outcome}.
 *
 * <p>Thread safety: immutable and safe for concurrent use; all clients decorated by one instance
 * share its plan and are one caller for the escalation rule.
 */
public final class ChaosOkHttp {

  private static final System.Logger LOG = System.getLogger(ChaosOkHttp.class.getName());

  final ChaosInjector injector;
  final RequestFaults faults;
  final Timing timing;
  final LongSupplier nanoClock;
  final long lostResponseTimeoutMs;
  final DoubleConsumer gapListener;
  final long checkIntervalMs;
  private final OkHttpFaultListener listener;
  private final PlanInterceptor applicationInterceptor;
  private final AfterSendInterceptor networkInterceptor;
  private final PooledDnsFlap pooledDns;
  final ResolvedAddresses resolved = new ResolvedAddresses();

  private ChaosOkHttp(Builder b) {
    this.injector = b.injector;
    this.faults = b.settings.newPlan();
    this.timing = b.timing != null ? b.timing : Timing.system(b.scheduler);
    this.nanoClock = b.settings.nanoClock();
    this.lostResponseTimeoutMs = b.settings.lostResponseTimeout().toMillis();
    this.gapListener = b.gapListener;
    this.checkIntervalMs = b.checkInterval.toMillis();
    this.listener = b.listener;
    this.applicationInterceptor = new PlanInterceptor(this);
    this.networkInterceptor = new AfterSendInterceptor(this);
    this.pooledDns = new PooledDnsFlap(injector);
    OkHttpVersionCheck.warnIfUnsupported();
  }

  /**
   * Adds the injector's faults to {@code builder} with the defaults of {@link Builder} and returns
   * it; see {@link #decorate(OkHttpClient.Builder)}.
   */
  public static OkHttpClient.Builder decorate(
      OkHttpClient.Builder builder, ChaosInjector injector) {
    return of(injector).decorate(builder);
  }

  /** An adapter for {@code injector} with the defaults of {@link Builder}. */
  public static ChaosOkHttp of(ChaosInjector injector) {
    return builder(injector).build();
  }

  /** A builder for an adapter driven by {@code injector}. */
  public static Builder builder(ChaosInjector injector) {
    return new Builder(injector);
  }

  /**
   * Adds what the faults need to {@code builder} and returns it: {@link #applicationInterceptor()}
   * after its application interceptors, {@link #networkInterceptor()} after its network
   * interceptors, its {@code Dns} wrapped by {@link #dns(Dns)}, and its {@code Dispatcher} replaced
   * by one with the same limits and idle callback whose executor is {@link #dispatcherExecutor}
   * over the same executor (set a custom {@code Dispatcher} before calling this, and use {@code
   * client.dispatcher()} afterwards). Add connector interceptors that should see the faults before
   * calling this.
   *
   * @throws IllegalArgumentException if {@code builder} is already decorated
   */
  public OkHttpClient.Builder decorate(OkHttpClient.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    if (PlanInterceptor.installedIn(builder)) {
      throw new IllegalArgumentException("this OkHttpClient.Builder is already decorated");
    }
    // The builder shows its Dns and Dispatcher only through a client built from it.
    OkHttpClient current = builder.build();
    return builder
        .dispatcher(LatencyExecutor.dispatcherLike(current.dispatcher(), this))
        .dns(dns(current.dns()))
        .addInterceptor(applicationInterceptor)
        .addInterceptor(pooledDns.applicationInterceptor(current.connectionPool()))
        .addNetworkInterceptor(pooledDns.networkInterceptor())
        .addNetworkInterceptor(networkInterceptor);
  }

  /**
   * The application interceptor: draws each call's plan and applies the faults before sending
   * (loss, synthetic 429/418/5xx, latency). Install it after the connector's own application
   * interceptors, together with {@link #networkInterceptor()}.
   */
  public Interceptor applicationInterceptor() {
    return applicationInterceptor;
  }

  /**
   * The network interceptor: applies the faults that strike after the request reached the server
   * (response replaced by a 5xx, or lost). Calls {@code proceed} exactly once. Install it last
   * among the network interceptors.
   */
  public Interceptor networkInterceptor() {
    return networkInterceptor;
  }

  /** {@code delegate} with DNS_FLAP applied; pass {@code Dns.SYSTEM} for the default resolver. */
  public Dns dns(Dns delegate) {
    Objects.requireNonNull(delegate, "delegate");
    return new ChaosDns(delegate, injector, pooledDns, resolved);
  }

  /**
   * An executor for {@code new Dispatcher(...)} that spends the LAT_SPIKE delay of asynchronous
   * calls on a timer instead of a dispatcher thread, handing each call to {@code delegate} once its
   * delay is over. Everything but {@code execute} is forwarded to {@code delegate}.
   */
  public ExecutorService dispatcherExecutor(ExecutorService delegate) {
    Objects.requireNonNull(delegate, "delegate");
    return new LatencyExecutor(delegate, this);
  }

  /**
   * A listener that forwards to {@code listener} with the WebSocket faults applied; use it for one
   * connection only ({@code client.newWebSocket(request, chaos.webSocketListener(listener))}).
   *
   * <ul>
   *   <li>WS_LAG: a message is delivered {@code ws_lag_ms} late, on a timer thread. Order is kept:
   *       a message is never delivered before one that arrived earlier, so a lagged message holds
   *       back those behind it (and the closing callbacks).
   *   <li>WS_DISCONNECT: the connection is cancelled, so the peer sees it drop without a close
   *       frame, and the listener gets {@code onFailure} with a {@link java.net.SocketException}
   *       (no response) after any lagged messages that arrived before the drop; nothing that
   *       arrives later is delivered, and {@code send} returns false as on any failed socket.
   *       Checked on every incoming message and every {@link Builder#disconnectCheckInterval}, at
   *       the Poisson rate per minute of the connection's own time since its last check.
   *   <li>NET_LOSS: a whole incoming message is dropped.
   * </ul>
   *
   * <p>Every delivered message after the first reports the gap since the previous one, in
   * milliseconds, to {@link Builder#gapListener} (for {@code mm_ws_gap_ms}). A gap callback that
   * throws is logged, never propagated. A bot listener that throws meets what OkHttp does without
   * the wrapper: the socket fails and {@code onFailure} gets that exception (with chaos off the
   * exception is simply thrown on to OkHttp, on its own thread). A second {@code onOpen} is refused
   * with {@link IllegalStateException} and its connection cancelled.
   *
   * <p>Kill switch: once chaos is switched off no message is lost, lagged or dropped any more, and
   * a message already lagged is delivered at the next look (within about 10 ms) instead of at the
   * end of its lag.
   */
  public WebSocketListener webSocketListener(WebSocketListener listener) {
    return new ChaosWebSocketListener(this, Objects.requireNonNull(listener, "listener"));
  }

  /** Opens a WebSocket with {@code client} whose {@code listener} is wrapped for chaos. */
  public WebSocket newWebSocket(OkHttpClient client, Request request, WebSocketListener listener) {
    Objects.requireNonNull(client, "client");
    return client.newWebSocket(request, webSocketListener(listener));
  }

  /** The injector whose gates this adapter draws. */
  public ChaosInjector injector() {
    return injector;
  }

  // ---------------------------------------------------------------- shared by the pieces

  /** Whether chaos is on: the one volatile read that every wait and every strike looks at. */
  boolean on() {
    return injector.config().enabled();
  }

  void report(Scenario s, Outcome outcome, int status, long delayMs, Request request) {
    try {
      listener.onFault(new OkHttpFault(s, outcome, status, delayMs, request));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "OkHttp fault listener failed", e);
    }
  }

  @Override
  public String toString() {
    return "ChaosOkHttp{" + injector + '}';
  }

  /**
   * Builds a {@link ChaosOkHttp}. Every setting is validated when set, with a message naming it and
   * its allowed range; the settings shared with the JDK adapter are described on {@link
   * HttpAdapterBuilder}. Not thread-safe.
   */
  public static final class Builder implements HttpAdapterBuilder<Builder> {
    /** Default interval of the timer check for WS_DISCONNECT on a quiet connection: 1 s. */
    public static final Duration DEFAULT_DISCONNECT_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final ChaosInjector injector;
    private final ClientSettings settings;
    private OkHttpFaultListener listener = fault -> {};
    private Scheduler scheduler = Scheduler.system();
    private DoubleConsumer gapListener = gapMs -> {};
    private Duration checkInterval = DEFAULT_DISCONNECT_CHECK_INTERVAL;
    private Timing timing;

    private Builder(ChaosInjector injector) {
      this.injector = Objects.requireNonNull(injector, "injector");
      this.settings = new ClientSettings(injector);
    }

    @Override
    public Builder nanoClock(LongSupplier nanoClock) {
      settings.nanoClock(nanoClock);
      return this;
    }

    @Override
    public Builder retryAfter(Duration retryAfter) {
      settings.retryAfter(retryAfter);
      return this;
    }

    @Override
    public Builder banDuration(Duration banDuration) {
      settings.banDuration(banDuration);
      return this;
    }

    @Override
    public Builder violationsToBan(int violations) {
      settings.violationsToBan(violations);
      return this;
    }

    /** For this adapter: the wait of a call on a client whose read timeout is 0. {@inheritDoc} */
    @Override
    public Builder lostResponseTimeout(Duration timeout) {
      settings.lostResponseTimeout(timeout);
      return this;
    }

    /** Hears every applied HTTP fault (default: none). */
    public Builder listener(OkHttpFaultListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Time and timers for the waits: delays of calls, lost responses, lagged WebSocket deliveries
     * and disconnect checks (default {@link Scheduler#system()}); the timers hand their tasks to
     * the common pool. The same scheduler type as the JDK adapters take: for an executor of your
     * own, {@link Scheduler#of(java.util.concurrent.ScheduledExecutorService)}; in tests, a virtual
     * scheduler on the same time as {@link #nanoClock}. The adapter never shuts it down.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Hears the gap between consecutive delivered WebSocket messages, in milliseconds, for example
     * {@code metrics::recordWsGapMs}.
     */
    public Builder gapListener(DoubleConsumer gapListener) {
      this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
      return this;
    }

    /**
     * How often a WebSocket connection with no incoming messages is checked for WS_DISCONNECT, from
     * 10 ms to 1 h; {@link Duration#ZERO} checks only when messages arrive.
     */
    public Builder disconnectCheckInterval(Duration interval) {
      Objects.requireNonNull(interval, "disconnectCheckInterval");
      if (!interval.isZero()) {
        Settings.inRange(
            "disconnectCheckInterval", interval, Duration.ofMillis(10), Duration.ofHours(1));
      }
      this.checkInterval = interval;
      return this;
    }

    /** Test seam: virtual waits and timers instead of real ones. */
    Builder timing(Timing timing) {
      this.timing = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /** Builds the adapter, with its own fault plan. */
    public ChaosOkHttp build() {
      return new ChaosOkHttp(this);
    }
  }
}
