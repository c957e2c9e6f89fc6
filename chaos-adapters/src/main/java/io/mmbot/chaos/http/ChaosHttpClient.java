package io.mmbot.chaos.http;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.http.internal.ClientSettings;
import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * An {@link HttpClient} that applies the injector's HTTP faults to the requests it forwards to a
 * delegate client. A connector opts in with one line: {@code HttpClient http =
 * ChaosHttpClient.wrap(HttpClient.newHttpClient(), injector);}
 *
 * <p>Fault contract, per request (planned by the transport-neutral {@link RequestFaults} that every
 * mm-chaos HTTP transport shares):
 *
 * <ul>
 *   <li>LAT_SPIKE, drawn when the request is submitted: it waits {@code lat_spike_ms} before
 *       anything else happens. {@code send} blocks the caller (as a slow network would); {@code
 *       sendAsync} returns at once and a timer continues the request, no thread is parked. The wait
 *       counts against the request's own {@code timeout()} and the client's {@code
 *       connectTimeout()}, as a slow connection would: if either runs out first, the call fails
 *       then with the JDK's {@link HttpTimeoutException} ({@code "request timed out"}) or {@link
 *       java.net.http.HttpConnectTimeoutException} ({@code "HTTP connect timed out"}), the request
 *       is never sent and no other fault is drawn for it. Otherwise the request goes out with only
 *       what is left of its timeout.
 *   <li>Then, as the request goes out, at most one fault, chosen by one draw so that each
 *       scenario's share of requests is its intensity (see {@link RequestFaults}):
 *   <li>NET_LOSS: the call fails with an {@link IOException}, worded as the JDK client words the
 *       real failure. Before sending (the exchange never sees the request) it fails at once as a
 *       refused connect ({@link java.net.ConnectException} with no message, caused by {@link
 *       java.nio.channels.ClosedChannelException}); after sending (chance {@code
 *       unknown_outcome_share}, default 0.5) the request really reaches the server, its response is
 *       discarded, and the caller gets an {@link HttpTimeoutException} when the request's own
 *       timeout (or {@link Builder#lostResponseTimeout}), counted from submission, runs out; or,
 *       for {@code net_loss.cut_share} of these (default 0.5), its real answer is read and the call
 *       fails at once as the JDK fails on a body cut half way ({@code IOException: fixed
 *       content-length: N, bytes received: N/2}).
 *   <li>RATE_LIMIT_STORM and EXCH_429: a synthetic 429 with {@code Retry-After} (seconds), a JSON
 *       error body and a used-weight header; the request never reaches the server.
 *   <li>EXCH_5XX: a synthetic 500, 502, 503 or 504. With chance {@code unknown_outcome_share} the
 *       request first really reaches the server and only its response is replaced.
 *   <li>Escalation: inside a storm, a request sent before a storm 429's {@code Retry-After} has
 *       passed is answered 429 again; {@link Builder#violationsToBan} such requests in a row earn a
 *       ban, answered 418 with {@code Retry-After} for {@link Builder#banDuration}. A caller that
 *       waits as told is never banned. Times come from {@link Builder#nanoClock}.
 * </ul>
 *
 * <p>Like the JDK client: a synthetic answer is fed through the caller's {@code BodyHandler} and
 * reports the protocol version the JDK would have used (HTTP/2 only over {@code https}; over
 * cleartext the JDK falls back to HTTP/1.1); a body handler that throws fails {@code send} with an
 * {@link IOException} carrying it (the future of {@code sendAsync} with the exception itself).
 *
 * <p>Cancellation: cancelling the future of {@code sendAsync}, or interrupting a {@code send},
 * while the request waits out its injected delay means it is never sent, whatever fault was to
 * follow; once it was handed to the delegate, cancelling cancels the delegate's exchange.
 * Cancelling while a lost response times out ends the wait at once.
 *
 * <p>With chaos off, between bursts and in dry-run the call is forwarded unchanged. Every applied
 * fault is reported to the {@link HttpFaultListener} with its {@link Outcome}, so duplicates and
 * orphans can be checked against what the server received.
 *
 * <p>Lifecycle: every method of the running JDK's {@code HttpClient} is forwarded, including those
 * added in JDK 21 ({@link #shutdown()}, {@link #shutdownNow()}, {@link #awaitTermination}, {@link
 * #isTerminated()}, {@link #close()}), which this class declares so that they override on 21 and
 * newer and work the same on 17. After shutdown a new request fails with {@code
 * IOException("closed")} as on the JDK client; requests already submitted (also those still in an
 * injected delay) finish.
 *
 * <p>Thread safety: safe for concurrent use, like the delegate. All threads sharing one instance
 * are one caller (one IP) for the escalation rule.
 */
public final class ChaosHttpClient extends ForwardingHttpClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChaosHttpClient.class.getName());

  private final RequestFaults faults;
  private final HttpFaultListener listener;
  private final Executor executor;
  private final Duration lostResponseTimeout;
  private final Scheduler scheduler;
  private final ClientShutdown lifecycle;

  private ChaosHttpClient(Builder b) {
    super(b.delegate);
    this.listener = b.listener;
    this.executor =
        b.executor != null ? b.executor : b.delegate.executor().orElse(ForkJoinPool.commonPool());
    this.lostResponseTimeout = b.settings.lostResponseTimeout();
    this.scheduler = b.scheduler;
    this.faults = b.settings.newPlan();
    this.lifecycle = new ClientShutdown(b.delegate);
  }

  /** {@code delegate} with the injector's faults and the default settings of {@link Builder}. */
  public static ChaosHttpClient wrap(HttpClient delegate, ChaosInjector injector) {
    return builder(delegate, injector).build();
  }

  /** A builder for a decorator of {@code delegate} driven by {@code injector}. */
  public static Builder builder(HttpClient delegate, ChaosInjector injector) {
    return new Builder(delegate, injector);
  }

  // ---------------------------------------------------------------- sending

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws IOException, InterruptedException {
    check(request, handler);
    if (lifecycle.isShutdown()) {
      throw ClientShutdown.closed();
    }
    long delayMs = faults.nextDelayMs();
    FaultPlan plan = delayMs == 0 ? faults.afterDelay(0) : null;
    if (delayMs == 0 && plan == null) {
      return delegate.send(request, handler);
    }
    SyncCall call = new SyncCall(this);
    try {
      return call.send(request, handler, delayMs, plan);
    } finally {
      call.finished();
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler, PushPromiseHandler<T> pushPromiseHandler) {
    check(request, handler);
    if (lifecycle.isShutdown()) {
      return CompletableFuture.failedFuture(ClientShutdown.closed());
    }
    long delayMs = faults.nextDelayMs();
    if (delayMs > 0) {
      report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, delayMs, request);
      return new AsyncCall<>(this, request, handler, pushPromiseHandler, scheduler.nanoTime())
          .delayThenSend(delayMs);
    }
    FaultPlan plan = faults.afterDelay(0);
    if (plan == null) {
      return pushPromiseHandler == null
          ? delegate.sendAsync(request, handler)
          : delegate.sendAsync(request, handler, pushPromiseHandler);
    }
    return new AsyncCall<>(this, request, handler, pushPromiseHandler, scheduler.nanoTime())
        .apply(plan);
  }

  // ---------------------------------------------------------------- for the calls in progress

  RequestFaults faults() {
    return faults;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Executor continuations() {
    return executor;
  }

  ClientShutdown lifecycle() {
    return lifecycle;
  }

  Duration lostResponseTimeout() {
    return lostResponseTimeout;
  }

  HttpClient.Version syntheticVersion(HttpRequest request) {
    return SyntheticResponse.versionFor(request, delegate.version());
  }

  void report(Scenario s, Outcome outcome, int status, long delayMs, HttpRequest request) {
    try {
      listener.onFault(new HttpFault(s, outcome, status, delayMs, request));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // Everything but the JVM's own failures is contained: never into the bot's network code.
      LOG.log(System.Logger.Level.WARNING, "HTTP fault listener failed", e);
    }
  }

  private static void check(HttpRequest request, BodyHandler<?> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "responseBodyHandler");
  }

  // ---------------------------------------------------------------- lifecycle and delegation

  /**
   * Refuses new requests from now on ({@code IOException("closed")}) and lets those already
   * submitted finish; the delegate is shut down (on JDK 21 and newer) once this decorator's own
   * delayed or timing-out requests are done.
   */
  public void shutdown() {
    lifecycle.shutdown();
  }

  /**
   * As {@link #shutdown()}, and fails every request in progress with an {@link IOException}: this
   * decorator's own at once, the delegate's through its {@code shutdownNow()} (JDK 21 and newer).
   */
  public void shutdownNow() {
    lifecycle.shutdownNow();
  }

  /**
   * Waits until this client has terminated (shut down, nothing in progress), at most {@code
   * duration}; true if it did.
   */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    return lifecycle.awaitTermination(duration);
  }

  /**
   * Whether this client was shut down and nothing is in progress: neither this decorator's own
   * requests nor (on JDK 21 and newer) the delegate's.
   */
  public boolean isTerminated() {
    return lifecycle.isTerminated();
  }

  /**
   * Shuts down and waits for termination, as {@code HttpClient.close()} does on JDK 21 and newer:
   * interrupted while waiting, it shuts down now and keeps the interrupt. On JDK 17 the delegate
   * has no lifecycle; this decorator still refuses new requests and waits for its own.
   */
  @Override
  public void close() {
    shutdown();
    boolean interrupted = false;
    try {
      while (!awaitTermination(Duration.ofDays(1))) {
        // keep waiting, as the JDK client does
      }
    } catch (InterruptedException e) {
      interrupted = true;
      shutdownNow();
    }
    if (delegate instanceof AutoCloseable && ClientShutdown.SHUTDOWN == null) {
      try {
        ((AutoCloseable) delegate).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the delegate HttpClient failed", e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #shutdown()}, {@link #shutdownNow()} or {@link #close()} was called. */
  public boolean isClosed() {
    return lifecycle.isShutdown();
  }

  @Override
  public String toString() {
    return "ChaosHttpClient{" + delegate + '}';
  }

  /**
   * Builds a {@link ChaosHttpClient}. Every setting is validated when set, with a message naming it
   * and its allowed range; the settings shared with the OkHttp adapter are described on {@link
   * HttpAdapterBuilder}. Not thread-safe.
   */
  public static final class Builder implements HttpAdapterBuilder<Builder> {
    private final HttpClient delegate;
    private final ClientSettings settings;
    private HttpFaultListener listener = fault -> {};
    private Executor executor;
    private Scheduler scheduler = Scheduler.system();

    private Builder(HttpClient delegate, ChaosInjector injector) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
      this.settings = new ClientSettings(injector);
      if (delegate instanceof ChaosHttpClient) {
        throw new IllegalArgumentException("delegate is already a ChaosHttpClient");
      }
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

    /** For this client: the wait of a request without its own {@code timeout()}. {@inheritDoc} */
    @Override
    public Builder lostResponseTimeout(Duration timeout) {
      settings.lostResponseTimeout(timeout);
      return this;
    }

    /** Hears every applied fault (default: none). */
    public Builder listener(HttpFaultListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs the continuations of delayed async calls (default: the delegate's executor, else the
     * common pool). The delays and timeouts themselves wait on {@link #scheduler}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Time and timers for delays and timeouts (default {@link Scheduler#system()}); in tests, a
     * virtual scheduler on the same time as {@link #nanoClock}.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Builds the decorator. */
    public ChaosHttpClient build() {
      return new ChaosHttpClient(this);
    }
  }
}
