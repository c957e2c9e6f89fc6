package io.mmbot.chaos.examples.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.DepthLevels;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The simulated exchange's depth diffs: applied onto its depth snapshot, they give at every step
 * exactly the book its book ticker shows, with consecutive update ids.
 */
class SimDepthDiffTest {

  private static final long MS = 1_000_000L;

  /** A client that keeps a book from one snapshot plus every diff and checks it on each message. */
  private static final class Checker implements WsListener {
    final TreeMap<Long, Long> bids = new TreeMap<>();
    final TreeMap<Long, Long> asks = new TreeMap<>();
    long lastId;
    long tickerBid;
    long tickerAsk;
    int checked;
    int diffs;
    final List<DepthDiff> buffered = new ArrayList<>();
    WsConnection connection;

    void snapshot(long bid, long ask, long id) {
      bids.clear();
      asks.clear();
      put(bids, DepthLevels.bids(bid));
      put(asks, DepthLevels.asks(ask));
      lastId = id;
      List<DepthDiff> early = List.copyOf(buffered);
      buffered.clear();
      for (DepthDiff d : early) {
        if (d.finalUpdateId() > lastId) {
          apply(d, false);
        }
      }
    }

    private static void put(TreeMap<Long, Long> side, long[] pairs) {
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i + 1] == 0) {
          side.remove(pairs[i]);
        } else {
          side.put(pairs[i], pairs[i + 1]);
        }
      }
    }

    @Override
    public void onOpen(WsConnection c) {
      connection = c;
    }

    @Override
    public void onRefused(String reason) {}

    @Override
    public void onBookTicker(long bid, long ask, long eventTimeMs, long sequence) {
      tickerBid = bid;
      tickerAsk = ask;
    }

    @Override
    public void onDepthDiff(DepthDiff d) {
      diffs++;
      assertThat(d.firstUpdateId()).isEqualTo(d.finalUpdateId());
      assertThat(d.finalUpdateId()).isEqualTo(DepthLevels.updateIdAt(d.eventTimeMs()));
      if (lastId == 0) {
        buffered.add(d.copy()); // the snapshot is on its way
        return;
      }
      if (d.finalUpdateId() > lastId) {
        apply(d, true);
      }
    }

    private void apply(DepthDiff d, boolean check) {
      assertThat(d.firstUpdateId()).isEqualTo(lastId + 1);
      put(bids, pairs(d, true));
      put(asks, pairs(d, false));
      lastId = d.finalUpdateId();
      if (!check) {
        return;
      }
      assertThat(bids.lastKey()).isEqualTo(tickerBid);
      assertThat(asks.firstKey()).isEqualTo(tickerAsk);
      TreeMap<Long, Long> wantBids = new TreeMap<>();
      TreeMap<Long, Long> wantAsks = new TreeMap<>();
      put(wantBids, DepthLevels.bids(tickerBid));
      put(wantAsks, DepthLevels.asks(tickerAsk));
      assertThat(bids).isEqualTo(wantBids);
      assertThat(asks).isEqualTo(wantAsks);
      checked++;
    }

    @Override
    public void onExecution(OrderView filled) {}

    @Override
    public void onPing() {
      connection.pong();
    }

    @Override
    public void onClosed(boolean abnormal, String reason) {}
  }

  /** The changed levels of one side of {@code d} as price and quantity pairs. */
  private static long[] pairs(DepthDiff d, boolean bid) {
    long[] out = new long[2 * d.levels(bid)];
    for (int i = 0; i < d.levels(bid); i++) {
      out[2 * i] = d.price(bid, i);
      out[2 * i + 1] = d.qty(bid, i);
    }
    return out;
  }

  /** One side's change from best price {@code before} to {@code after}, as pairs. */
  private static long[] change(long before, long after, boolean bid) {
    DepthDiff d = new DepthDiff(1).reset(0, 0, 0);
    DepthLevels.change(before, after, bid, d);
    return pairs(d, bid);
  }

  @Test
  void diffsOntoTheSnapshotGiveTheTickersBookAtEveryStep() throws Exception {
    SimClock time = SimExchange.clockFor();
    ChaosInjector inj =
        ChaosInjector.builder().config(ChaosConfig.defaults()).nanoClock(time).build();
    SimExchange x = SimExchange.create(5, inj, time);
    InetAddress a = x.resolver().resolve(x.primaryHost()).get(0);
    Checker c = new Checker();
    x.connect(a, c);
    x.idleUntil(1_000 * MS);
    RestCall depth = RestCall.of(Endpoint.DEPTH_SNAPSHOT).address(a);
    x.execute(List.of(depth), x.nanoTime() + 5_000 * MS);
    assertThat(depth.ok()).isTrue();
    c.snapshot(depth.bidTicks(), depth.askTicks(), DepthLevels.updateIdAt(depth.serverTimeMs()));
    x.idleUntil(x.nanoTime() + 600_000 * MS);
    assertThat(c.checked).isGreaterThan(5_900);
    assertThat(c.diffs).isGreaterThan(c.checked);
  }

  @Test
  void aStepWithoutAMoveChangesNoLevelAndALargeMoveReplacesEveryLevel() {
    assertThat(change(1_000, 1_000, true)).isEmpty();
    long[] moved = change(1_000, 2_000, true);
    assertThat(moved).hasSize(4 * DepthLevels.LEVELS);
    for (int i = 0; i < 2 * DepthLevels.LEVELS; i += 2) {
      assertThat(moved[i + 1]).isZero(); // the old levels go first
    }
    long[] up = change(1_000, 1_020, false);
    // asks 1000, 1010, 1020 -> 1020, 1030, 1040: 1000 and 1010 removed, 1030 and 1040 added
    assertThat(up)
        .containsExactly(
            1_000, 0, 1_010, 0, 1_030, DepthLevels.qty(1_030), 1_040, DepthLevels.qty(1_040));
    long[] down = change(1_000, 1_010, true);
    // bids 1000, 990, 980 -> 1010, 1000, 990: 980 removed, 1010 added
    assertThat(down).containsExactly(980, 0, 1_010, DepthLevels.qty(1_010));
  }
}
