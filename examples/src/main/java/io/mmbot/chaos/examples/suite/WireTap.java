package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.ForwardingExchange;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.examples.judge.WireLog;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.util.List;

/**
 * The exchange as the bot sees it, with a tap on the wire: every request that crosses it (with the
 * answer or failure that came back) and every WebSocket session event are written to a {@link
 * WireLog} for the judge. The tap reads only what travelled over the connection, never the bot's
 * state; the bot cannot tell it is there. Not thread-safe: the bot's thread.
 */
final class WireTap extends ForwardingExchange {

  private final WireLog log;
  private int sessions;

  WireTap(Exchange exchange, WireLog log) {
    super(exchange);
    this.log = log;
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    exchange.execute(calls, giveUpAtNanos);
    for (int i = 0; i < calls.size(); i++) {
      RestCall c = calls.get(i);
      WireLog.Outcome outcome =
          switch (c.failure()) {
            case NONE -> WireLog.Outcome.ANSWERED;
            case DNS -> WireLog.Outcome.NOT_SENT;
            case CONNECTION -> WireLog.Outcome.LOST_BEFORE_SENDING;
            case TIMEOUT -> WireLog.Outcome.NO_ANSWER;
          };
      boolean answered = outcome == WireLog.Outcome.ANSWERED;
      char side = c.side() == null ? 0 : c.side().name().charAt(0);
      log.request(
          new WireLog.Request(
              c.sentAtNanos(),
              c.doneAtNanos(),
              c.endpoint().name(),
              outcome,
              answered ? c.httpStatus() : 0,
              answered ? c.errorCode() : 0,
              answered && c.rateLimited() ? c.retryAfterMs() : 0,
              c.clientOrderId(),
              side,
              c.priceTicks()));
    }
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    int session = ++sessions;
    log.ws(exchange.nanoTime(), session, WireLog.WsKind.ATTEMPT);
    exchange.connect(address, new Tapped(session, listener));
  }

  /** A WebSocket listener that logs the session's events before passing them on. */
  private final class Tapped implements WsListener {
    private final int session;
    private final WsListener inner;
    private boolean data;

    Tapped(int session, WsListener inner) {
      this.session = session;
      this.inner = inner;
    }

    @Override
    public void onOpen(WsConnection connection) {
      log.ws(exchange.nanoTime(), session, WireLog.WsKind.OPEN);
      inner.onOpen(new ClientSide(connection));
    }

    /** The client's handle: a close from the client's side crosses the wire too. */
    private final class ClientSide implements WsConnection {
      private final WsConnection connection;
      private boolean closed;

      ClientSide(WsConnection connection) {
        this.connection = connection;
      }

      @Override
      public void pong() {
        connection.pong();
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          log.ws(exchange.nanoTime(), session, WireLog.WsKind.CLOSE);
        }
        connection.close();
      }
    }

    @Override
    public void onRefused(String reason) {
      log.ws(exchange.nanoTime(), session, WireLog.WsKind.REFUSED);
      inner.onRefused(reason);
    }

    @Override
    public void onBookTicker(long bidTicks, long askTicks, long eventTimeMs, long sequence) {
      long now = exchange.nanoTime();
      if (!data) {
        data = true;
        log.ws(now, session, WireLog.WsKind.FIRST_DATA);
      }
      log.data(now, session);
      inner.onBookTicker(bidTicks, askTicks, eventTimeMs, sequence);
    }

    @Override
    public void onDepthDiff(DepthDiff diff) {
      inner.onDepthDiff(diff); // rides on the book ticker's message, already logged with it
    }

    @Override
    public void onExecution(OrderView filled) {
      log.execution(exchange.nanoTime(), filled.clientOrderId());
      inner.onExecution(filled);
    }

    @Override
    public void onPing() {
      inner.onPing();
    }

    @Override
    public void onClosed(boolean abnormal, String reason) {
      log.ws(
          exchange.nanoTime(),
          session,
          abnormal ? WireLog.WsKind.ABNORMAL_CLOSE : WireLog.WsKind.CLOSE);
      inner.onClosed(abnormal, reason);
    }
  }
}
