package io.mmbot.chaos.http;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.HttpFault.Outcome;
import io.mmbot.chaos.time.Scheduler;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that applies the injector's HTTP faults to the requests it forwards to a
 * delegate client. A connector opts in with one line: {@code HttpClient http =
 * ChaosHttpClient.wrap(HttpClient.newHttpClient(), injector);}
 *
 * <p>Fault contract, per request (gates drawn once, when the request is submitted, by the
 * transport-neutral {@link RequestFaults} plan that every mm-chaos HTTP transport shares):
 *
 * <ul>
 *   <li>LAT_SPIKE: the request waits {@code lat_spike_ms} before anything else happens. {@code
 *       send} sleeps on the caller's thread (as a slow network would block it); {@code sendAsync}
 *       returns at once and is continued by a timer, never by parking a thread.
 *   <li>Then at most one fault, in this order of precedence:
 *   <li>NET_LOSS: the call fails with an {@link IOException}. Before sending (the exchange never
 *       sees the request) it fails at once; after sending (chance {@code unknown_outcome_share},
 *       default 0.5) the request really reaches the server, its response is discarded, and the
 *       caller gets an {@link HttpTimeoutException} after the request's own timeout (or {@link
 *       Builder#lostResponseTimeout}).
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
 * <p>With chaos off, between bursts and in dry-run the call is forwarded unchanged. Every applied
 * fault is reported to the {@link HttpFaultListener} with its {@link Outcome}, so duplicates and
 * orphans can be checked against what the server received.
 *
 * <p>Thread safety: safe for concurrent use, like the delegate. All threads sharing one instance
 * are one caller (one IP) for the escalation rule. After {@link #close()} every send throws {@link
 * IllegalStateException}.
 */
public final class ChaosHttpClient extends HttpClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChaosHttpClient.class.getName());

  private final HttpClient delegate;
  private final RequestFaults faults;
  private final HttpFaultListener listener;
  private final Executor executor;
  private final Duration lostResponseTimeout;
  private final Scheduler scheduler;
  private volatile boolean closed;

  private ChaosHttpClient(Builder b) {
    this.delegate = b.delegate;
    this.listener = b.listener;
    this.executor =
        b.executor != null ? b.executor : b.delegate.executor().orElse(ForkJoinPool.commonPool());
    this.lostResponseTimeout = b.lostResponseTimeout;
    this.scheduler = b.scheduler;
    this.faults = b.faults.build();
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
    FaultPlan plan = faults.next();
    if (plan == null) {
      return delegate.send(request, handler);
    }
    if (plan.delayMs() > 0) {
      report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, plan.delayMs(), request);
      sleepNanos(TimeUnit.MILLISECONDS.toNanos(plan.delayMs()));
    }
    if (plan.scenario() == null) {
      return delegate.send(request, handler);
    }
    long sentAt = scheduler.nanoTime();
    if (plan.reachesServer()) {
      delegate.send(request, BodyHandlers.discarding());
    }
    report(plan.scenario(), plan.outcome(), plan.status(), 0, request);
    if (plan.status() == 0) {
      if (plan.outcome() == Outcome.RESPONSE_LOST) {
        sleepNanos(lostWaitNanos(request, sentAt));
      }
      throw plan.lossException();
    }
    return SyntheticResponse.await(SyntheticResponse.of(request, plan, handler));
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
    FaultPlan plan = faults.next();
    if (plan == null) {
      return delegate.sendAsync(request, handler, pushPromiseHandler);
    }
    CompletableFuture<Void> start;
    if (plan.delayMs() > 0) {
      report(Scenario.LAT_SPIKE, Outcome.DELAYED, 0, plan.delayMs(), request);
      start = CompletableFuture.runAsync(() -> {}, after(plan.delayMs(), TimeUnit.MILLISECONDS));
    } else {
      start = CompletableFuture.completedFuture(null);
    }
    if (plan.scenario() == null) {
      return start.thenCompose(v -> delegate.sendAsync(request, handler, pushPromiseHandler));
    }
    long[] sentAt = new long[1];
    CompletableFuture<?> sent =
        plan.reachesServer()
            ? start.thenCompose(
                v -> {
                  sentAt[0] = scheduler.nanoTime();
                  return delegate.sendAsync(request, BodyHandlers.discarding());
                })
            : start;
    return sent.thenCompose(
        ignored -> {
          report(plan.scenario(), plan.outcome(), plan.status(), 0, request);
          if (plan.status() != 0) {
            return SyntheticResponse.of(request, plan, handler);
          }
          if (plan.outcome() == Outcome.NOT_SENT) {
            return CompletableFuture.failedFuture(plan.lossException());
          }
          long waitNanos = lostWaitNanos(request, sentAt[0]);
          return CompletableFuture.supplyAsync(
              () -> {
                throw new CompletionException(plan.lossException());
              },
              after(waitNanos, TimeUnit.NANOSECONDS));
        });
  }

  // ---------------------------------------------------------------- decisions

  /** What is left of the request's timeout since it was sent: the caller waits that long. */
  private long lostWaitNanos(HttpRequest request, long sentAt) {
    long timeout = request.timeout().orElse(lostResponseTimeout).toNanos();
    return Math.max(0, timeout - (scheduler.nanoTime() - sentAt));
  }

  private Executor after(long delay, TimeUnit unit) {
    return task -> scheduler.schedule(unit.toNanos(delay), executor, task);
  }

  private void sleepNanos(long nanos) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.schedule(nanos, Runnable::run, () -> done.complete(null));
    try {
      done.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private void report(Scenario s, Outcome outcome, int status, long delayMs, HttpRequest request) {
    try {
      listener.onFault(new HttpFault(s, outcome, status, delayMs, request));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "HTTP fault listener failed", e);
    }
  }

  private void check(HttpRequest request, BodyHandler<?> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "responseBodyHandler");
    if (closed) {
      throw new IllegalStateException("ChaosHttpClient is closed; create a new one to send");
    }
  }

  // ---------------------------------------------------------------- lifecycle and delegation

  /**
   * Closes this decorator: from now on every send throws {@link IllegalStateException}. On JDK 21
   * and newer, where {@link HttpClient} is closeable, the delegate is closed too.
   */
  @Override
  public void close() {
    closed = true;
    if (delegate instanceof AutoCloseable) {
      try {
        ((AutoCloseable) delegate).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the delegate HttpClient failed", e);
      }
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** The client requests are forwarded to. */
  public HttpClient delegate() {
    return delegate;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The delegate's builder, without chaos; wrap listeners with {@code ChaosWebSocket}. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  @Override
  public String toString() {
    return "ChaosHttpClient{" + delegate + '}';
  }

  /**
   * Builds a {@link ChaosHttpClient}. Every setting is validated when set, with a message naming it
   * and its allowed range. Not thread-safe.
   */
  public static final class Builder {
    /** Default {@code Retry-After} of a synthetic 429: 1 s. */
    public static final Duration DEFAULT_RETRY_AFTER = RequestFaults.Builder.DEFAULT_RETRY_AFTER;

    /** Default ban length for a caller that ignores storm 429s: 2 minutes. */
    public static final Duration DEFAULT_BAN_DURATION = RequestFaults.Builder.DEFAULT_BAN_DURATION;

    /** Default number of consecutive Retry-After violations that earns a ban: 3. */
    public static final int DEFAULT_VIOLATIONS_TO_BAN =
        RequestFaults.Builder.DEFAULT_VIOLATIONS_TO_BAN;

    /** Default wait before a lost response fails, for requests without a timeout: 10 s. */
    public static final Duration DEFAULT_LOST_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient delegate;
    private final RequestFaults.Builder faults;
    private HttpFaultListener listener = fault -> {};
    private Executor executor;
    private Duration lostResponseTimeout = DEFAULT_LOST_RESPONSE_TIMEOUT;
    private Scheduler scheduler = Scheduler.system();

    private Builder(HttpClient delegate, ChaosInjector injector) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
      this.faults = RequestFaults.builder(Objects.requireNonNull(injector, "injector"));
      if (delegate instanceof ChaosHttpClient) {
        throw new IllegalArgumentException("delegate is already a ChaosHttpClient");
      }
    }

    /**
     * The nanosecond time source of the escalation rule ({@code Retry-After} windows and bans), as
     * {@link System#nanoTime()} (the default). Pass the injector's virtual clock in tests.
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      faults.nanoClock(nanoClock);
      return this;
    }

    /** Hears every applied fault (default: none). */
    public Builder listener(HttpFaultListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs the continuations of delayed async calls (default: the delegate's executor, else the
     * common pool). Delays themselves use the JDK's shared timer thread.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** How long a lost response keeps a request without its own timeout waiting; 1 ms to 10 min. */
    public Builder lostResponseTimeout(Duration timeout) {
      this.lostResponseTimeout =
          RequestFaults.Builder.inRange(
              "lostResponseTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(10));
      return this;
    }

    /** {@code Retry-After} of a synthetic 429, whole seconds from 1 s to 1 h (default 1 s). */
    public Builder retryAfter(Duration retryAfter) {
      faults.retryAfter(retryAfter);
      return this;
    }

    /** How long a ban lasts, from 1 s to 3 days (default 2 min). */
    public Builder banDuration(Duration banDuration) {
      faults.banDuration(banDuration);
      return this;
    }

    /** Consecutive requests inside a storm 429's Retry-After that earn a ban, 1 to 1000. */
    public Builder violationsToBan(int violations) {
      faults.violationsToBan(violations);
      return this;
    }

    /** Time and timers for delays and timeouts (default {@link Scheduler#system()}). */
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
