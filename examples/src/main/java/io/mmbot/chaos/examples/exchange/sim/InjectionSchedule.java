package io.mmbot.chaos.examples.exchange.sim;

import io.mmbot.chaos.Scenario;
import io.mmbot.chaos.http.FaultPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The faults a simulated run applied where the simulation applies them (the REST transport and the
 * WebSocket's incoming messages), recorded so that the run can be replayed with any subset of them.
 *
 * <p>Recording: every fault the injector decided is applied as decided and kept, in order.
 * Replaying a subset: the injector's decisions are ignored and each kept fault is applied at the
 * first opportunity of its kind at or after the moment it was recorded (the same request of a
 * tick's batch, or the first incoming WebSocket message); with the whole list this is the recorded
 * run again, event for event, and with any subset it is one deterministic run. Faults the bot
 * applies itself through the library's hooks (DNS, clock, open-orders view) are not seen here.
 */
public final class InjectionSchedule {

  /** Where a fault is applied. */
  public enum Point {
    /** A REST request's fault plan (loss, synthetic status, delay). */
    REST,
    /** An abnormal close of the WebSocket on an incoming message. */
    WS_DISCONNECT,
    /** An incoming WebSocket message dropped. */
    WS_LOSS,
    /** An incoming WebSocket message delivered late. */
    WS_LAG
  }

  /**
   * One applied fault.
   *
   * @param index its position in the recorded run
   * @param atNanos when it was applied, virtual nanoseconds
   * @param seq which opportunity of its point at that very time it was applied to (0 the first: a
   *     tick sends its requests at one instant)
   * @param point where
   * @param plan the REST fault plan ({@link Point#REST}), else null
   * @param lagMs the lag added ({@link Point#WS_LAG}), else 0
   */
  public record Injection(
      int index, long atNanos, int seq, Point point, FaultPlan plan, long lagMs) {

    /** The library scenario this fault belongs to. */
    public Scenario scenario() {
      switch (point) {
        case WS_DISCONNECT:
          return Scenario.WS_DISCONNECT;
        case WS_LOSS:
          return Scenario.NET_LOSS;
        case WS_LAG:
          return Scenario.WS_LAG;
        default:
          return plan.scenario() != null ? plan.scenario() : Scenario.LAT_SPIKE;
      }
    }

    /** A short description: what happened to what. */
    public String describe() {
      switch (point) {
        case WS_DISCONNECT:
          return "WebSocket closed abnormally";
        case WS_LOSS:
          return "WebSocket message dropped";
        case WS_LAG:
          return "WebSocket message delayed " + lagMs + " ms";
        default:
          return rest(plan);
      }
    }

    private static String rest(FaultPlan p) {
      String delay = p.delayMs() > 0 ? "delayed " + p.delayMs() + " ms" : "";
      if (p.scenario() == null) {
        return "REST request " + delay;
      }
      String what;
      if (p.isLoss()) {
        what =
            p.reachesServer()
                ? "REST answer lost (the exchange executed the request)"
                : "REST connection lost before sending";
      } else if (p.status() == 429 || p.status() == 418) {
        what = "REST " + p.status() + " Retry-After " + p.retryAfterSeconds() + " s (not sent)";
      } else {
        what =
            "REST "
                + p.status()
                + (p.reachesServer() ? " after sending (the exchange executed it)" : " (not sent)");
      }
      return delay.isEmpty() ? what : what + ", " + delay;
    }

    /** One timeline line: seconds into the run, scenario, description. */
    public String line() {
      return String.format(
          Locale.ROOT, "%10.3f s  %-14s %s", atNanos / 1e9, scenario().key(), describe());
    }
  }

  private final boolean replay;
  private final List<Injection> applied = new ArrayList<>();
  private final Map<Point, ArrayDeque<Injection>> due = new EnumMap<>(Point.class);
  private final long[] perScenario = new long[Scenario.values().length];
  private final long[] lastNow = new long[Point.values().length];
  private final int[] seqNow = new int[Point.values().length];

  private InjectionSchedule(boolean replay, List<Injection> subset) {
    this.replay = replay;
    for (Point p : Point.values()) {
      due.put(p, new ArrayDeque<>());
    }
    java.util.Arrays.fill(lastNow, Long.MIN_VALUE);
    for (Injection i : subset) {
      due.get(i.point()).add(i);
    }
  }

  /** A schedule that applies the injector's decisions and records them. */
  public static InjectionSchedule recording() {
    return new InjectionSchedule(false, List.of());
  }

  /** A schedule that replays {@code subset} (of a recorded run, in its order) and nothing else. */
  public static InjectionSchedule replaying(List<Injection> subset) {
    return new InjectionSchedule(true, subset);
  }

  /** Whether this replays a subset (else it records). */
  public boolean replay() {
    return replay;
  }

  /** The faults applied so far, in order (the recorded list when recording). */
  public List<Injection> applied() {
    return Collections.unmodifiableList(applied);
  }

  /** Faults of {@code s} applied so far. */
  public long applied(Scenario s) {
    return perScenario[s.ordinal()];
  }

  /** Counts an opportunity of {@code p} at {@code now}; returns its number at that instant. */
  private int opportunity(Point p, long now) {
    int k = p.ordinal();
    if (lastNow[k] == now) {
      return ++seqNow[k];
    }
    lastNow[k] = now;
    seqNow[k] = 0;
    return 0;
  }

  FaultPlan rest(long now, FaultPlan decided) {
    int seq = opportunity(Point.REST, now);
    if (!replay) {
      if (decided != null && (decided.scenario() != null || decided.delayMs() > 0)) {
        apply(new Injection(applied.size(), now, seq, Point.REST, decided, 0));
      }
      return decided;
    }
    Injection i = take(Point.REST, now, seq);
    return i == null ? null : i.plan();
  }

  boolean gate(Point point, long now, boolean decided) {
    int seq = opportunity(point, now);
    if (!replay) {
      if (decided) {
        apply(new Injection(applied.size(), now, seq, point, null, 0));
      }
      return decided;
    }
    return take(point, now, seq) != null;
  }

  long lagMs(long now, long decidedMs) {
    int seq = opportunity(Point.WS_LAG, now);
    if (!replay) {
      if (decidedMs > 0) {
        apply(new Injection(applied.size(), now, seq, Point.WS_LAG, null, decidedMs));
      }
      return decidedMs;
    }
    Injection i = take(Point.WS_LAG, now, seq);
    return i == null ? 0 : i.lagMs();
  }

  private Injection take(Point point, long now, int seq) {
    ArrayDeque<Injection> q = due.get(point);
    Injection i = q.peekFirst();
    if (i == null || i.atNanos() > now || (i.atNanos() == now && i.seq() > seq)) {
      return null;
    }
    q.pollFirst();
    apply(i);
    return i;
  }

  private void apply(Injection i) {
    applied.add(i);
    perScenario[i.scenario().ordinal()]++;
  }
}
