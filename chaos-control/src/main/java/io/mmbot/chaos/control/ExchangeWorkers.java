package io.mmbot.chaos.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The executor of the control server: a bounded pool of worker threads, each request held to a
 * deadline, and room made for new requests when every worker is busy, so that no client, however
 * slow or stalled, can keep an authorised {@code POST /chaos/disable} waiting.
 *
 * <p><b>Why the server needs this.</b> The JDK HTTP server hands a connection to its executor as
 * soon as its first byte arrives, and the executor's thread then reads the request line, the
 * headers and the body from a blocking socket channel that has no read timeout. One client that
 * sends a byte and stops holds that thread for as long as it likes. The server's own timers ({@code
 * sun.net.httpserver.maxReqTime} and the like) are JDK-internal system properties, read once for
 * the whole JVM: a library must not set them for its users, and cannot rely on them being set. What
 * the public API does offer is the executor, and the rule of {@link
 * java.nio.channels.InterruptibleChannel}: interrupting a thread blocked on a channel closes the
 * channel. So the executor bounds every read itself.
 *
 * <p><b>Rules.</b>
 *
 * <ul>
 *   <li>At most {@value #MAX_WORKERS} requests are served at once; more wait in order of arrival.
 *   <li>A request must arrive whole (request line, headers and body) within the read timeout
 *       (default {@value #DEFAULT_READ_TIMEOUT_MILLIS} ms) of its first byte; otherwise its
 *       connection is closed. An authenticated request that has arrived whole is then only held to
 *       {@value #ANSWER_BOUND_MILLIS} ms for its answer, and is never closed to make room: on a
 *       busy machine its worker may simply not be scheduled for a while, and cutting it then would
 *       show a reset for a request that took effect.
 *   <li>Once answered, the rest of a body nobody read (a 401's, a 413's) may take {@value
 *       #DRAIN_GRACE_MILLIS} ms more to arrive and be discarded; then the connection is closed
 *       ({@link #drainBriefly()}).
 *   <li>When requests are waiting and every worker is busy, the requests that have been reading
 *       longest (at least {@value #MIN_AGE_MILLIS} ms, {@value #AUTHENTICATED_MIN_AGE_MILLIS} ms
 *       once authenticated) are closed to make room, as many as are waiting: those discarding an
 *       unwanted body first, then unauthenticated ones, then authenticated ones.
 *   <li>Only the short step in which the handler changes the injector's state is never interrupted
 *       ({@link #critical}); every read and write around it is.
 * </ul>
 *
 * <p>An idle connection (one that has sent nothing) costs no worker: the server's selector holds
 * it. A sweeper thread applies the deadlines every {@value #SWEEP_MILLIS} ms, every {@value
 * #BUSY_SWEEP_MILLIS} ms while requests wait, and at once when a request starts to wait. All timing
 * reads one injected clock, so {@link #sweep(long)} is tested in virtual time.
 */
final class ExchangeWorkers implements Executor {

  /** Requests served at once. */
  static final int MAX_WORKERS = 32;

  /** Default time a request has to arrive whole, from its first byte. */
  static final long DEFAULT_READ_TIMEOUT_MILLIS = 1_000;

  /**
   * A request is not closed to make room before it has been read for this long: a request from a
   * client that sent it whole has long passed its token check by then.
   */
  static final long MIN_AGE_MILLIS = 25;

  /** The same for a request that has shown a valid token. */
  static final long AUTHENTICATED_MIN_AGE_MILLIS = 100;

  /**
   * How long the rest of a request body that nobody wants may take to arrive before the connection
   * is closed: enough for a client that has sent it already, too short to hold a worker.
   */
  static final long DRAIN_GRACE_MILLIS = 200;

  /**
   * How long a request that has arrived whole may take to be answered, from its start: a bound for
   * a worker that would otherwise never end (an answer is a few hundred bytes and a socket buffer
   * takes it at once, so only a worker that is not scheduled, or a client that reads nothing of a
   * large answer, comes near it).
   */
  static final long ANSWER_BOUND_MILLIS = 10_000;

  /** How often the sweeper looks when no request is waiting. */
  static final long SWEEP_MILLIS = 100;

  /** How often it looks while requests wait for a worker. */
  static final long BUSY_SWEEP_MILLIS = MIN_AGE_MILLIS;

  private static final ThreadLocal<WorkerSlot> CURRENT = new ThreadLocal<>();

  private final ThreadPoolExecutor pool;
  final LongSupplier clock;
  final long readTimeoutNanos;
  private final Set<WorkerSlot> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger waiting = new AtomicInteger();
  private final Thread sweeper;
  private final SweepLog log;
  private volatile boolean closed;

  /**
   * A pool whose sweeper thread runs on the system clock; with {@code manual}, no sweeper thread:
   * the test calls {@link #sweep(long)} with its own clock's readings.
   */
  ExchangeWorkers(long readTimeoutNanos, LongSupplier clock, boolean manual) {
    this.readTimeoutNanos = readTimeoutNanos;
    this.clock = clock;
    this.log = new SweepLog(clock);
    this.pool =
        new ThreadPoolExecutor(
            MAX_WORKERS,
            MAX_WORKERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "mm-chaos-control");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    if (manual) {
      this.sweeper = null;
    } else {
      this.sweeper = new Thread(this::sweepForever, "mm-chaos-control-sweeper");
      sweeper.setDaemon(true);
      sweeper.start();
    }
  }

  /**
   * Runs one exchange of the server on a worker. Should the pool be shut down, it throws {@link
   * java.util.concurrent.RejectedExecutionException}; the server then closes the connection.
   */
  @Override
  public void execute(Runnable exchange) {
    WorkerSlot s = new WorkerSlot(this, exchange);
    waiting.incrementAndGet();
    try {
      pool.execute(s);
    } catch (RuntimeException e) {
      waiting.decrementAndGet();
      throw e;
    }
    if (running.size() >= MAX_WORKERS && sweeper != null) {
      LockSupport.unpark(sweeper); // someone has to wait: make room now
    }
  }

  /** Stops the sweeper and every worker (interrupting them, which closes their connections). */
  void shutdown() {
    closed = true;
    if (sweeper != null) {
      sweeper.interrupt();
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Requests waiting for a worker. */
  int waiting() {
    return waiting.get();
  }

  /** Requests being served. */
  int running() {
    return running.size();
  }

  // ---------------------------------------------------------------- phases, for the handler

  /**
   * The request on this thread has shown a valid token: it is closed for room only after others.
   */
  static void authenticated() {
    WorkerSlot s = CURRENT.get();
    if (s != null) {
      s.phase = WorkerSlot.Phase.AUTHENTICATED;
    }
  }

  /**
   * Runs {@code change} (a change of the injector's state) without any interruption from the
   * deadlines: it is never cut in half. It must not read from or write to the client.
   */
  static <T, E extends Exception> T critical(Step<T, E> change) throws E {
    WorkerSlot s = CURRENT.get();
    if (s == null) {
      return change.run();
    }
    WorkerSlot.Phase before = s.phase;
    // A deadline that struck just before must not cut the change in half: its mark is held back
    // during the change and put back after it, so the I/O that follows still fails fast.
    boolean struck = !s.enterCritical() && Thread.interrupted();
    try {
      return change.run();
    } finally {
      s.phase = before;
      if (struck) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The answer is out; the rest of the request (a body nobody read) is not wanted. The server will
   * read and discard it before closing the connection, so that an honest client that has sent it
   * already gets a clean close (closing with unread data would reset the connection and could lose
   * the answer). That drain gets {@value #DRAIN_GRACE_MILLIS} ms at most, and the exchange is the
   * first to go when room is needed: a client that stalls is cut off instead of waited for.
   */
  static void drainBriefly() {
    WorkerSlot s = CURRENT.get();
    if (s != null) {
      s.drainBriefly(s.owner.clock.getAsLong());
    }
  }

  /** The request body on this thread has been read to its end: the request has arrived whole. */
  static void bodyRead() {
    WorkerSlot s = CURRENT.get();
    if (s != null) {
      s.bodyRead = true;
      s.arrived();
    }
  }

  /**
   * The authenticated request on this thread has arrived whole (it has no body, or its body has
   * been read): the read timeout no longer applies, only {@value #ANSWER_BOUND_MILLIS} ms from its
   * start, and it is not closed to make room. Only its answer is left, and losing that would show
   * the client a reset for a request that took effect.
   */
  static void arrived() {
    WorkerSlot s = CURRENT.get();
    if (s != null) {
      s.arrived();
    }
  }

  /** Whether the request body on this thread was read to its end (true off a worker thread). */
  static boolean wasBodyRead() {
    WorkerSlot s = CURRENT.get();
    return s == null || s.bodyRead;
  }

  /** A step that may throw {@code E}. */
  @FunctionalInterface
  interface Step<T, E extends Exception> {
    T run() throws E;
  }

  // ---------------------------------------------------------------- the sweeper

  private void sweepForever() {
    while (!closed) {
      long pause = waiting.get() > 0 ? BUSY_SWEEP_MILLIS : SWEEP_MILLIS;
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
      if (Thread.interrupted() && closed) {
        return;
      }
      try {
        sweep(clock.getAsLong());
      } catch (RuntimeException e) {
        // A sweep that failed is retried on the next one.
      }
    }
  }

  /**
   * Applies the rules at {@code now}: closes every request past its read timeout, then, if requests
   * are waiting, as many of the longest-reading ones as are waiting (unauthenticated first), among
   * those read for at least their minimum age.
   *
   * @return how many connections were closed
   */
  int sweep(long now) {
    int late = 0;
    List<WorkerSlot> candidates = new ArrayList<>();
    long minAge = TimeUnit.MILLISECONDS.toNanos(MIN_AGE_MILLIS);
    long authenticatedMinAge = TimeUnit.MILLISECONDS.toNanos(AUTHENTICATED_MIN_AGE_MILLIS);
    for (WorkerSlot s : running) {
      if (s.phase == WorkerSlot.Phase.CRITICAL) {
        continue;
      }
      if (now - s.deadline >= 0) {
        if (s.interrupt()) {
          late++;
        }
      } else if (!s.interrupted
          && !s.arrived
          && now
                  - s.startedAt
                  - (s.phase == WorkerSlot.Phase.AUTHENTICATED && !s.draining
                      ? authenticatedMinAge
                      : minAge)
              >= 0) {
        candidates.add(s);
      }
    }
    int room = 0;
    int want = waiting.get() - late;
    if (want > 0 && !candidates.isEmpty()) {
      // Draining an unwanted body first, then unauthenticated, then authenticated; oldest first.
      candidates.sort(
          Comparator.comparing((WorkerSlot s) -> !s.draining)
              .thenComparing(s -> s.phase == WorkerSlot.Phase.AUTHENTICATED)
              .thenComparingLong(s -> s.startedAt));
      for (WorkerSlot s : candidates) {
        if (room >= want) {
          break;
        }
        if (s.interrupt()) {
          room++;
        }
      }
    }
    log.closed(late, room, readTimeoutNanos);
    return late + room;
  }

  // ---------------------------------------------------------------- one exchange's moves

  /** A slot has left the queue: it runs on a worker now. */
  void leftQueue() {
    waiting.decrementAndGet();
  }

  /** A slot's exchange starts on this thread; the sweeps see it from now on. */
  void started(WorkerSlot s) {
    CURRENT.set(s);
    running.add(s);
  }

  /** A slot's exchange has ended on this thread. */
  void ended(WorkerSlot s) {
    running.remove(s);
    CURRENT.remove();
  }
}
