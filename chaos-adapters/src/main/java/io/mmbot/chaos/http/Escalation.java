package io.mmbot.chaos.http;

/**
 * The ban rule of RATE_LIMIT_STORM, for one client (one IP, as the exchange sees it).
 *
 * <p>Each storm 429 opens a window of {@code retryAfterNanos}: the time its {@code Retry-After}
 * asks the caller to wait. A request sent while that window is open is a violation and is answered
 * 429 again (the exchange still limits it); a request sent after the window closed clears the
 * violations. The {@code violationsToBan}-th consecutive violation earns a ban: every request is
 * answered 418 until {@code banNanos} have passed. A caller that honours {@code Retry-After} is
 * therefore never banned, however long the storm.
 *
 * <p>Design: the hot path reads only {@link #armed}, which is false until the first storm 429, so a
 * client that never meets a storm pays one volatile read. The rest is synchronized: it runs only
 * around storms.
 */
final class Escalation {

  /** What the rule says about one request. */
  enum Verdict {
    /** Not limited by the rule; the gates decide. */
    PASS,
    /** Sent inside a storm 429's Retry-After window: answer 429 again. */
    VIOLATION,
    /** Banned: answer 418. */
    BANNED
  }

  private final long retryAfterNanos;
  private final long banNanos;
  private final int violationsToBan;

  private volatile boolean armed;
  private long windowEnd;
  private boolean windowOpen;
  private int violations;
  private long bannedUntil;
  private boolean banned;

  Escalation(long retryAfterNanos, long banNanos, int violationsToBan) {
    this.retryAfterNanos = retryAfterNanos;
    this.banNanos = banNanos;
    this.violationsToBan = violationsToBan;
  }

  /** Whether any window or ban may be in force; false means {@link #check} would say PASS. */
  boolean armed() {
    return armed;
  }

  /** The verdict for a request sent at {@code now}; {@code live} false lifts every restriction. */
  synchronized Verdict check(long now, boolean live) {
    if (!live) {
      reset();
      return Verdict.PASS;
    }
    if (banned) {
      if (now - bannedUntil < 0) {
        return Verdict.BANNED;
      }
      banned = false;
    }
    if (windowOpen && now - windowEnd < 0) {
      violations++;
      if (violations >= violationsToBan) {
        banned = true;
        bannedUntil = now + banNanos;
        windowOpen = false;
        violations = 0;
        return Verdict.BANNED;
      }
      return Verdict.VIOLATION;
    }
    windowOpen = false;
    violations = 0;
    armed = banned;
    return Verdict.PASS;
  }

  /** A storm 429 was answered at {@code now}: its Retry-After window opens. */
  synchronized void storm429(long now) {
    windowOpen = true;
    windowEnd = now + retryAfterNanos;
    armed = true;
  }

  /** Seconds the caller must wait for the ban to lift, rounded up, at least 1. */
  synchronized long banRemainingSeconds(long now) {
    return ceilSeconds(bannedUntil - now);
  }

  /** Seconds of the storm 429's Retry-After window left, rounded up, at least 1. */
  synchronized long windowRemainingSeconds(long now) {
    return ceilSeconds(windowEnd - now);
  }

  static long ceilSeconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private void reset() {
    armed = false;
    windowOpen = false;
    violations = 0;
    banned = false;
  }
}
