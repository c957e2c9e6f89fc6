package io.mmbot.chaos.examples.external;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Scrapes a bot's {@code /metrics} every period on its own daemon thread until closed, and keeps
 * what each scrape saw.
 *
 * <p>Scrapes start at a fixed rate; one that takes longer than the period delays the next (scrapes
 * never overlap). Each is bounded by the scrape timeout (by default the period, but at least a
 * second). A scrape that fails (no connection, a timeout, a status other than 200, a page that does
 * not parse) is counted in {@link #failures()} and its reason kept in {@link #lastFailure()}; the
 * poller goes on. Each kept {@link Scrape} is stamped with {@code nanoClock} at the middle of its
 * round trip. Safe for concurrent use.
 */
public final class MetricsPoller implements AutoCloseable {

  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration JOIN_WAIT = Duration.ofSeconds(5);

  private final URI url;
  private final Duration period;
  private final Duration timeout;
  private final LongSupplier nanoClock;
  private final List<Scrape> scrapes = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final ScheduledExecutorService thread;

  /** The executor's one thread, once made (joined on close). */
  private volatile Thread worker;

  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;

  /** A poller of {@code url} every {@code period}, its scrapes stamped by {@code nanoClock}. */
  public MetricsPoller(URI url, Duration period, LongSupplier nanoClock) {
    this(url, period, period.compareTo(MIN_TIMEOUT) > 0 ? period : MIN_TIMEOUT, nanoClock);
  }

  /**
   * As {@link #MetricsPoller(URI, Duration, LongSupplier)}, each scrape bounded by {@code timeout}.
   */
  public MetricsPoller(URI url, Duration period, Duration timeout, LongSupplier nanoClock) {
    this.url = Objects.requireNonNull(url, "url");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.period = period;
    this.timeout = timeout;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "metrics-poller " + url);
              t.setDaemon(true);
              worker = t;
              return t;
            });
  }

  /**
   * Starts scraping now.
   *
   * @throws IllegalStateException if started before, or closed
   */
  public void start() {
    if (closed || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a poller starts once, and not after close()");
    }
    thread.scheduleAtFixedRate(this::scrapeOnce, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A copy of the scrapes kept so far, in time order. */
  public List<Scrape> scrapes() {
    synchronized (scrapes) {
      return List.copyOf(scrapes);
    }
  }

  /** How many scrapes failed. */
  public int failures() {
    return failures.get();
  }

  /** Why the last failed scrape failed; null if none has. */
  public String lastFailure() {
    return lastFailure.get();
  }

  /** Stops scraping and waits (bounded) for a scrape under way to finish. Idempotent. */
  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    try {
      long bound = JOIN_WAIT.toMillis() + timeout.toMillis();
      thread.awaitTermination(bound, TimeUnit.MILLISECONDS);
      // a terminated pool's worker may still be leaving: wait for the thread itself too
      Thread w = worker;
      if (w != null) {
        w.join(bound);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The names from {@code required} that none of {@code scrapes} has (see {@link Scrape#has}). */
  public static List<String> missing(List<Scrape> scrapes, List<String> required) {
    List<String> missing = new ArrayList<>();
    for (String name : required) {
      boolean seen = false;
      for (Scrape s : scrapes) {
        if (s.has(name)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        missing.add(name);
      }
    }
    return missing;
  }

  private void scrapeOnce() {
    try {
      long before = nanoClock.getAsLong();
      BoundedHttp.Response r = BoundedHttp.get(url, null, timeout);
      long after = nanoClock.getAsLong();
      if (r.status() != 200) {
        fail("HTTP " + r.status());
        return;
      }
      Scrape s = new Scrape(before + (after - before) / 2, PromText.parse(r.body()));
      synchronized (scrapes) {
        scrapes.add(s);
      }
    } catch (IOException | RuntimeException e) {
      // a scrape's failure is counted; the poller goes on (an exception would stop the schedule)
      fail(e.toString());
    }
  }

  private void fail(String why) {
    if (closed) {
      return; // a scrape cut short by close() is not the bot's failure
    }
    failures.incrementAndGet();
    lastFailure.set(why);
  }
}
