package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.RestCall;
import io.mmbot.chaos.http.ChaosHttpClient;
import io.mmbot.chaos.http.HttpFault;
import io.mmbot.chaos.ws.ChaosWebSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The loopback exchange as the bot's connector sees it: real HTTP and WebSocket to a {@link
 * LoopbackServer} on 127.0.0.1, in real time, with every fault applied by the library's public
 * adapters exactly as in a user's connector: REST through {@link ChaosHttpClient} around the JDK's
 * {@link HttpClient}, market data through {@link ChaosWebSocket} around the JDK's WebSocket, and
 * the host names {@value #PRIMARY_HOST} and {@value #SECONDARY_HOST} through a resolver that knows
 * only those two names and answers 127.0.0.1 (the bot applies {@code HostResolver.withChaos} and
 * {@code ChaosClock} itself, as on the simulated exchange).
 *
 * <p>Threading: the bot's thread calls every method; the JDK's threads only put completions and
 * WebSocket events into an inbox that {@link #execute} and {@link #idleUntil} drain on the bot's
 * thread, so the bot needs no locks, as on the simulated exchange.
 *
 * <p>A REST call ends in {@link RestCall.Failure#CONNECTION} on an {@link IOException} before an
 * answer (a lost connection, NET_LOSS before sending), {@link RestCall.Failure#TIMEOUT} on an
 * {@link HttpTimeoutException} or when the caller's give-up time passes (the request is then
 * cancelled).
 */
public final class LoopbackExchange implements Exchange {

  /** Primary host name. */
  public static final String PRIMARY_HOST = "exchange.loopback";

  /** Secondary host name. */
  public static final String SECONDARY_HOST = "exchange2.loopback";

  private static final long MS = 1_000_000L;

  private final LoopbackServer server;
  private final LongSupplier time;
  private final ExecutorService pool;
  private final HttpClient jdk;
  private final ChaosHttpClient http;
  private final ChaosWebSocket chaosWs;
  private final HostResolver resolver;
  private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final AtomicLong faultBans = new AtomicLong();
  private final AtomicBoolean last418 = new AtomicBoolean();
  private final WsClient wsClient;
  private long timerSeq;
  private long retryAfterUntil = Long.MIN_VALUE;
  private long retryAfterViolations;
  private long restCalls;
  private boolean closed;

  private LoopbackExchange(LoopbackServer server, ChaosInjector injector, LongSupplier time) {
    this.server = server;
    this.time = time;
    this.pool = Executors.newFixedThreadPool(4, r -> daemon(r, "loopback-client"));
    this.jdk =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(pool)
            .build();
    this.http =
        ChaosHttpClient.builder(jdk, injector).nanoClock(time).listener(this::onFault).build();
    this.chaosWs = ChaosWebSocket.builder(injector).nanoClock(time).executor(pool).build();
    InetAddress primary = loopback(PRIMARY_HOST);
    InetAddress secondary = loopback(SECONDARY_HOST);
    this.resolver =
        host -> {
          if (PRIMARY_HOST.equals(host)) {
            return List.of(primary);
          }
          if (SECONDARY_HOST.equals(host)) {
            return List.of(secondary);
          }
          throw new UnknownHostException(host);
        };
    this.wsClient = new WsClient(this, http, chaosWs);
  }

  /**
   * A real-time nanosecond source that starts at 0 now: build the injector on it, then hand it to
   * {@link #connect(LoopbackServer, ChaosInjector, LongSupplier)}.
   */
  public static LongSupplier clockFor() {
    long origin = System.nanoTime();
    return () -> System.nanoTime() - origin;
  }

  /**
   * The bot's side of {@code server}, with faults from {@code injector}, which must read {@code
   * time} (made by {@link #clockFor()}).
   */
  public static LoopbackExchange connect(
      LoopbackServer server, ChaosInjector injector, LongSupplier time) {
    return new LoopbackExchange(
        Objects.requireNonNull(server, "server"),
        Objects.requireNonNull(injector, "injector"),
        Objects.requireNonNull(time, "time"));
  }

  // ---------------------------------------------------------------- Exchange

  @Override
  public long nanoTime() {
    return time.getAsLong();
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
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
  public void timer(long atNanos, Runnable task) {
    timers.add(new Timer(atNanos, ++timerSeq, task));
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    long t0 = nanoTime();
    if (t0 < retryAfterUntil) {
      retryAfterViolations += calls.size();
    }
    int n = calls.size();
    int expected = 0;
    int[] done = new int[1];
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>(n);
    boolean[] finished = new boolean[n];
    for (int i = 0; i < n; i++) {
      RestCall c = calls.get(i);
      if (c.address() == null) {
        c.fail(RestCall.Failure.DNS);
        c.times(t0, t0);
        finished[i] = true;
        futures.add(null);
        continue;
      }
      restCalls++;
      expected++;
      long timeoutNanos = Math.max(MS, giveUpAtNanos - t0);
      HttpRequest req = request(c, Duration.ofNanos(timeoutNanos));
      CompletableFuture<HttpResponse<String>> f =
          http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
      futures.add(f);
      int idx = i;
      f.whenComplete(
          (resp, err) ->
              inbox.add(
                  () -> {
                    if (!finished[idx]) {
                      finished[idx] = true;
                      done[0]++;
                      complete(c, resp, err);
                      c.times(t0, nanoTime());
                    }
                  }));
    }
    int sent = expected;
    pump(giveUpAtNanos, () -> done[0] == sent);
    for (int i = 0; i < n; i++) {
      if (!finished[i]) {
        finished[i] = true;
        futures.get(i).cancel(true);
        RestCall c = calls.get(i);
        c.fail(RestCall.Failure.TIMEOUT);
        c.times(t0, Math.max(giveUpAtNanos, t0));
      }
    }
    for (RestCall c : calls) {
      if (c.rateLimited()) {
        retryAfterUntil =
            Math.max(retryAfterUntil, c.doneAtNanos() + c.retryAfterSec() * 1_000 * MS);
      }
    }
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    Objects.requireNonNull(address, "address");
    // The host name the address was resolved from says which endpoint it is (both are 127.0.0.1).
    boolean secondary = SECONDARY_HOST.equals(address.getHostName());
    wsClient.connect(address, server.wsAddress(secondary).getPort(), listener);
  }

  @Override
  public void idleUntil(long nanos) {
    pump(nanos, () -> false);
  }

  @Override
  public Ledger ledger() {
    return server.read(ExchangeRules::ledger);
  }

  /**
   * {@inheritDoc} The server's threads use them under its lock: read them only after the run, or
   * through {@code server().read(…)} while it lasts.
   */
  @Override
  public ExchangeRules rules() {
    return server.read(r -> r);
  }

  /** The server (for the suite's invariants, read under its lock). */
  public LoopbackServer server() {
    return server;
  }

  @Override
  public long bans418() {
    return server.read(ExchangeRules::bans) + faultBans.get();
  }

  @Override
  public long retryAfterViolations() {
    return retryAfterViolations;
  }

  /** REST calls sent so far. */
  public long restCalls() {
    return restCalls;
  }

  /** Closes the connection and the client's threads (not the server); idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    wsClient.close();
    http.close();
    pool.shutdownNow();
  }

  // ---------------------------------------------------------------- internals

  /** Puts an event for the bot's thread (from any thread). */
  void post(Runnable r) {
    inbox.add(r);
  }

  /**
   * Runs due timers and the inbox on this (the bot's) thread until {@code stop} holds or the time
   * reaches {@code until}.
   */
  private void pump(long until, BooleanSupplier stop) {
    for (; ; ) {
      runDueTimers();
      for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
        r.run();
      }
      if (stop.getAsBoolean()) {
        return;
      }
      long now = nanoTime();
      if (now >= until) {
        return;
      }
      long wake = until;
      Timer next = timers.peek();
      if (next != null && next.at < wake) {
        wake = next.at;
      }
      try {
        Runnable r = inbox.poll(Math.max(0, wake - now), TimeUnit.NANOSECONDS);
        if (r != null) {
          r.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void runDueTimers() {
    long now = nanoTime();
    for (Timer t = timers.peek(); t != null && t.at <= now; t = timers.peek()) {
      timers.poll();
      t.task.run();
    }
  }

  private HttpRequest request(RestCall c, Duration timeout) {
    URI uri =
        URI.create(
            "http://"
                + c.address().getHostAddress()
                + ":"
                + server.httpAddress().getPort()
                + c.endpoint().path()
                + "?"
                + Wire.query(c));
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .method(c.endpoint().method(), HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static void complete(RestCall c, HttpResponse<String> resp, Throwable err) {
    if (err != null) {
      Throwable cause =
          err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      c.fail(
          cause instanceof HttpTimeoutException || CutAnswer.isCut(cause)
              ? RestCall.Failure.TIMEOUT
              : RestCall.Failure.CONNECTION);
      return;
    }
    Wire.answer(
        c,
        resp.statusCode(),
        resp.headers().firstValue(Wire.RETRY_AFTER).orElse(null),
        resp.headers().firstValue(Wire.USED_WEIGHT).orElse(null),
        resp.body());
  }

  private void onFault(HttpFault f) {
    boolean is418 = f.status() == 418;
    if (last418.getAndSet(is418) != is418 && is418) {
      faultBans.incrementAndGet();
    }
  }

  private static InetAddress loopback(String name) {
    try {
      return InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private record Timer(long at, long seq, Runnable task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
