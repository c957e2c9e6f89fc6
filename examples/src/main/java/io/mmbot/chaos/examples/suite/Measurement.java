package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.bot.GuardReason;
import io.mmbot.chaos.examples.judge.Evidence;
import io.mmbot.chaos.examples.judge.RunFacts;
import io.mmbot.chaos.examples.judge.TickSample;
import io.mmbot.chaos.examples.judge.WireLog;
import java.util.List;

/**
 * The per-tick series the figures of a run are computed from, all taken from the {@link Evidence}:
 * the scrapes of the bot's metrics (tick duration, deadline miss, guards), the wire (cancels,
 * requests sent while failing, whether market data was live) and the exchange (open orders).
 * Immutable after {@link #of}.
 */
final class Measurement {

  /** A cancel storm: more cancels within a second than the bot's declared limit allows. */
  static final int CANCEL_STORM_PER_SECOND = 8;

  private final RunFacts facts;

  int n;
  double[] durMs;
  boolean[] burst;
  int[] guards;
  boolean[] wsLive;
  boolean[] quoting;
  boolean[] missed;
  int[] cancels;
  double[] gapMs;
  long[] injectionsAt;
  boolean[] startUp;
  int dnsFailures;
  int maxOpen;

  private Measurement(RunFacts facts, int cap) {
    this.facts = facts;
    durMs = new double[cap];
    burst = new boolean[cap];
    guards = new int[cap];
    wsLive = new boolean[cap];
    quoting = new boolean[cap];
    missed = new boolean[cap];
    cancels = new int[cap];
    gapMs = new double[cap];
    injectionsAt = new long[cap];
    startUp = new boolean[cap];
  }

  /** The series of the judged ticks (those starting at or after the warm-up) of {@code e}. */
  static Measurement of(Evidence e) {
    List<TickSample> samples = e.samples();
    Measurement m = new Measurement(e.facts(), samples.size());
    List<WireLog.Request> requests = e.wire().requests();
    List<WireLog.WsEvent> ws = e.wire().wsEvents();
    int k = 0;
    int w = 0;
    boolean live = false;
    long lastScrape = Long.MIN_VALUE;
    for (int s = 0; s < samples.size(); s++) {
      TickSample t = samples.get(s);
      long start = t.startNanos();
      // more than two tick intervals without a scrape: the target was down, this tick is the
      // first of a new start of the process
      boolean afterDown = s > 0 && start - lastScrape > 2 * e.facts().tickNanos();
      lastScrape = t.atNanos();
      while (w < ws.size() && ws.get(w).atNanos() <= start) {
        WireLog.WsKind kind = ws.get(w++).kind();
        if (kind == WireLog.WsKind.FIRST_DATA) {
          live = true;
        } else if (kind == WireLog.WsKind.ABNORMAL_CLOSE || kind == WireLog.WsKind.CLOSE) {
          live = false;
        }
      }
      int cancels = 0;
      boolean places = false;
      while (k < requests.size() && requests.get(k).sentAtNanos() <= t.atNanos()) {
        WireLog.Request r = requests.get(k++);
        if (r.sentAtNanos() < start) {
          continue;
        }
        if (r.endpoint().equals("CANCEL_ORDER")) {
          cancels++;
        } else if (r.endpoint().equals("PLACE_ORDER")) {
          places = true;
        }
        if (r.outcome() == WireLog.Outcome.NOT_SENT && start >= e.facts().warmupNanos()) {
          m.dnsFailures++;
        }
      }
      if (start < e.facts().warmupNanos()) {
        continue;
      }
      int i = m.n++;
      m.durMs[i] = t.tickMs();
      m.burst[i] = e.facts().inBurst(start);
      m.guards[i] = t.guards();
      m.wsLive[i] = live;
      m.quoting[i] = places || (t.guards() == 0 && t.exchangeOpen() > 0);
      m.missed[i] = t.missed();
      m.cancels[i] = cancels;
      m.gapMs[i] = t.wsMaxGapMs();
      m.injectionsAt[i] = t.injections();
      m.startUp[i] = afterDown;
      m.maxOpen = Math.max(m.maxOpen, t.exchangeOpen());
    }
    return m;
  }

  /** Whether reason {@code r} was raised at the start of tick {@code i}. */
  boolean raised(int i, GuardReason r) {
    return (guards[i] & r.bit()) != 0;
  }

  long burstOnNanos() {
    return facts.burstOnNanos();
  }

  long periodNanos() {
    return facts.periodNanos();
  }

  long tickNanos() {
    return facts.tickNanos();
  }

  boolean chaos() {
    return facts.chaos();
  }
}
