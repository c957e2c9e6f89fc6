package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.examples.exchange.DepthDiff;
import io.mmbot.chaos.examples.exchange.Exchange;
import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.OrderView;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.time.Clock;
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
final class ProcessExchange implements Exchange {

  private final Exchange exchange;
  private final List<WsConnection> open = new ArrayList<>();
  private boolean dead;

  ProcessExchange(Exchange exchange) {
    this.exchange = exchange;
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

  // ---------------------------------------------------------------- passed through

  @Override
  public long nanoTime() {
    return exchange.nanoTime();
  }

  @Override
  public Clock clock() {
    return exchange.clock();
  }

  @Override
  public String primaryHost() {
    return exchange.primaryHost();
  }

  @Override
  public String secondaryHost() {
    return exchange.secondaryHost();
  }

  @Override
  public HostResolver resolver() {
    return exchange.resolver();
  }

  @Override
  public void idleUntil(long nanos) {
    exchange.idleUntil(nanos);
  }

  @Override
  public Ledger ledger() {
    return exchange.ledger();
  }

  @Override
  public ExchangeRules rules() {
    return exchange.rules();
  }

  @Override
  public long bans418() {
    return exchange.bans418();
  }

  @Override
  public long retryAfterViolations() {
    return exchange.retryAfterViolations();
  }

  @Override
  public void close() {
    exchange.close();
  }
}
