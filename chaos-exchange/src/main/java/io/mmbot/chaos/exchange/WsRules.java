package io.mmbot.chaos.exchange;

/**
 * The exchange's WebSocket rules for one client (one IP): a connection-attempt limit, ping/pong
 * keep-alive and the 24 h connection lifetime. Pure logic on server time in milliseconds; the
 * simulated and the loopback exchange both apply it. Not thread-safe.
 *
 * <ul>
 *   <li>More than {@value #MAX_ATTEMPTS_PER_SECOND} connection attempts within one second lock the
 *       client out for {@value #LOCKOUT_MS} ms: every attempt is refused until then.
 *   <li>The server pings every {@value #PING_INTERVAL_MS} ms; a connection that has not answered a
 *       ping with a pong within {@value #PONG_TIMEOUT_MS} ms is closed.
 *   <li>A connection is closed {@value #MAX_AGE_MS} ms (24 h) after it was opened.
 *   <li>A connection lost without a close frame is the symptom of a failover of the endpoint it was
 *       on: that endpoint refuses connections for a random {@value #MIN_OUTAGE_MS}–{@value
 *       #MAX_OUTAGE_MS} ms afterwards (the other endpoint is unaffected). The exchange draws the
 *       length; {@link #admit(long, boolean)} takes whether the endpoint is down.
 * </ul>
 */
public final class WsRules {

  /** Connection attempts allowed within any one-second window. */
  public static final int MAX_ATTEMPTS_PER_SECOND = 5;

  /** Lockout after too many attempts, in ms. */
  public static final long LOCKOUT_MS = 10_000;

  /** Interval between server pings, in ms. */
  public static final long PING_INTERVAL_MS = 180_000;

  /** Time a client has to answer a ping, in ms. */
  public static final long PONG_TIMEOUT_MS = 600_000;

  /** Maximum age of a connection, in ms (24 h). */
  public static final long MAX_AGE_MS = 86_400_000;

  /** Shortest outage of an endpoint after a connection on it was lost, in ms. */
  public static final long MIN_OUTAGE_MS = 1_500;

  /** Longest outage of an endpoint after a connection on it was lost, in ms. */
  public static final long MAX_OUTAGE_MS = 5_000;

  /** What the keep-alive rule says about a connection now. */
  public enum Verdict {
    /** Nothing to do. */
    OK,
    /** Send a ping now. */
    PING,
    /** Close: no pong within the timeout. */
    PONG_MISSING,
    /** Close: the connection is 24 h old. */
    EXPIRED
  }

  private final long[] attempts = new long[MAX_ATTEMPTS_PER_SECOND + 1];
  private int next;
  private int count;
  private long lockedUntilMs = Long.MIN_VALUE;
  private long lockouts;

  /** Fresh rules: no attempts recorded, no lockout. */
  public WsRules() {}

  /**
   * Records a connection attempt at {@code nowMs} and says whether it is admitted. A refused
   * attempt during a lockout does not extend it.
   */
  public boolean admit(long nowMs) {
    if (nowMs < lockedUntilMs) {
      return false;
    }
    attempts[next] = nowMs;
    next = (next + 1) % attempts.length;
    count = Math.min(count + 1, attempts.length);
    if (count == attempts.length) {
      long oldest = attempts[next];
      if (nowMs - oldest < 1000) {
        lockedUntilMs = nowMs + LOCKOUT_MS;
        lockouts++;
        return false;
      }
    }
    return true;
  }

  /**
   * Records an attempt at {@code nowMs} on an endpoint that is {@code down} (failing over) or not:
   * the attempt counts against the limit either way, and is admitted only when the endpoint is up.
   */
  public boolean admit(long nowMs, boolean down) {
    return admit(nowMs) && !down;
  }

  /** Until when attempts are refused, server epoch ms ({@link Long#MIN_VALUE} if never locked). */
  public long lockedUntilMs() {
    return lockedUntilMs;
  }

  /** How many lockouts the client earned. */
  public long lockouts() {
    return lockouts;
  }

  /** The keep-alive state of one open connection. */
  public static final class Session {
    private final long openedAtMs;
    private long lastPingAtMs;
    private long unansweredPingAtMs = Long.MIN_VALUE;

    /** A connection opened at {@code openedAtMs}. */
    public Session(long openedAtMs) {
      this.openedAtMs = openedAtMs;
      this.lastPingAtMs = openedAtMs;
    }

    /** What to do with this connection at {@code nowMs}; PING records that a ping was sent. */
    public Verdict check(long nowMs) {
      if (nowMs - openedAtMs >= MAX_AGE_MS) {
        return Verdict.EXPIRED;
      }
      if (unansweredPingAtMs != Long.MIN_VALUE && nowMs - unansweredPingAtMs >= PONG_TIMEOUT_MS) {
        return Verdict.PONG_MISSING;
      }
      if (nowMs - lastPingAtMs >= PING_INTERVAL_MS) {
        lastPingAtMs = nowMs;
        if (unansweredPingAtMs == Long.MIN_VALUE) {
          unansweredPingAtMs = nowMs;
        }
        return Verdict.PING;
      }
      return Verdict.OK;
    }

    /** A pong arrived: every earlier ping counts as answered. */
    public void pong() {
      unansweredPingAtMs = Long.MIN_VALUE;
    }

    /** When the connection was opened, server epoch ms. */
    public long openedAtMs() {
      return openedAtMs;
    }
  }
}
