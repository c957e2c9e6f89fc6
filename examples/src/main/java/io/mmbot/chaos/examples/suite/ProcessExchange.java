package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.ForwardingExchange;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange as one start of the bot's process reaches it. When the process is killed ({@link
 * #kill}), its open WebSocket connections are closed from the client's side, as the operating
 * system closes the sockets of a dead process, and nothing reaches it any more: its timers do not
 * fire, a connection that opens afterwards is closed at once, and late WebSocket events are
 * dropped. The exchange itself, its orders and the account stay as they are, for the next start.
 * Not thread-safe: the bot's thread.
 */
final class ProcessExchange extends ForwardingExchange {

  private final List<WsConnection> open = new ArrayList<>();
  private boolean dead;

  ProcessExchange(Exchange exchange) {
    super(exchange);
  }

  /** Ends the process: closes its connections; it sends and hears nothing afterwards. */
  void kill() {
    dead = true;
    for (WsConnection c : open) {
      c.close();
    }
    open.clear();
  }

  /** Whether {@link #kill} was called. */
  boolean dead() {
    return dead;
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    if (dead) {
      throw new IllegalStateException("a killed process sends nothing");
    }
    exchange.execute(calls, giveUpAtNanos);
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    if (!dead) {
      exchange.connect(address, new Listener(listener));
    }
  }

  @Override
  public void timer(long atNanos, Runnable task) {
    exchange.timer(
        atNanos,
        () -> {
          if (!dead) {
            task.run();
          }
        });
  }

  /** The process's side of one WebSocket connection: silent once the process is dead. */
  private final class Listener implements WsListener {
    private final WsListener inner;
    private WsConnection connection;

    Listener(WsListener inner) {
      this.inner = inner;
    }

    @Override
    public void onOpen(WsConnection c) {
      if (dead) {
        c.close(); // opened after the process died: nobody holds the socket
        return;
      }
      connection = c;
      open.add(c);
      inner.onOpen(c);
    }

    @Override
    public void onRefused(String reason) {
      if (!dead) {
        inner.onRefused(reason);
      }
    }

    @Override
    public void onBookTicker(long bidTicks, long askTicks, long eventTimeMs, long sequence) {
      if (!dead) {
        inner.onBookTicker(bidTicks, askTicks, eventTimeMs, sequence);
      }
    }

    @Override
    public void onDepthDiff(DepthDiff diff) {
      if (!dead) {
        inner.onDepthDiff(diff);
      }
    }

    @Override
    public void onExecution(OrderView filled) {
      if (!dead) {
        inner.onExecution(filled);
      }
    }

    @Override
    public void onPing() {
      if (!dead) {
        inner.onPing();
      }
    }

    @Override
    public void onClosed(boolean abnormal, String reason) {
      open.remove(connection);
      if (!dead) {
        inner.onClosed(abnormal, reason);
      }
    }
  }
}
