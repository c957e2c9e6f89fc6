package io.mmbot.chaos.control;

import java.util.concurrent.TimeUnit;

/**
 * One exchange on a worker of {@link ExchangeWorkers}: when it started, its deadline, its phase,
 * and the one interrupt a sweep may give it. The pool's rules live in {@link ExchangeWorkers}; this
 * is the state they read and the moves of the exchange itself.
 */
final class WorkerSlot implements Runnable {

  /** Where an exchange stands, for the sweeps. */
  enum Phase {
    /** Reading a request whose token has not been checked yet. */
    READING,
    /** The token is valid; reading or answering. */
    AUTHENTICATED,
    /** Changing the injector's state: never interrupted. */
    CRITICAL
  }

  final ExchangeWorkers owner;
  private final Runnable exchange;
  volatile long startedAt;
  volatile long deadline;
  volatile boolean draining;
  volatile Phase phase = Phase.READING;
  volatile boolean interrupted;
  volatile boolean arrived;
  boolean bodyRead;
  private Thread thread;
  private boolean done;

  WorkerSlot(ExchangeWorkers owner, Runnable exchange) {
    this.owner = owner;
    this.exchange = exchange;
  }

  @Override
  public void run() {
    owner.leftQueue();
    synchronized (this) {
      thread = Thread.currentThread();
    }
    startedAt = owner.clock.getAsLong();
    deadline = startedAt + owner.readTimeoutNanos;
    owner.started(this);
    try {
      exchange.run();
    } finally {
      owner.ended(this);
      synchronized (this) {
        done = true;
      }
      Thread.interrupted(); // an interrupt meant for this exchange must not reach the next one
    }
  }

  /** Interrupts this exchange's thread once, unless it has ended or is changing state. */
  synchronized boolean interrupt() {
    if (done || interrupted || thread == null || phase == Phase.CRITICAL) {
      return false;
    }
    interrupted = true;
    thread.interrupt();
    return true;
  }

  /** Enters the critical phase; false if this exchange was interrupted before. */
  synchronized boolean enterCritical() {
    phase = Phase.CRITICAL;
    return !interrupted;
  }

  /** The request has arrived whole: the deadline becomes the answer bound. */
  void arrived() {
    arrived = true;
    deadline = startedAt + TimeUnit.MILLISECONDS.toNanos(ExchangeWorkers.ANSWER_BOUND_MILLIS);
  }

  /**
   * Brings the deadline to at most {@value ExchangeWorkers#DRAIN_GRACE_MILLIS} ms from {@code now}.
   */
  void drainBriefly(long now) {
    long grace = now + TimeUnit.MILLISECONDS.toNanos(ExchangeWorkers.DRAIN_GRACE_MILLIS);
    if (grace - deadline < 0) {
      deadline = grace;
    }
    draining = true;
  }
}
