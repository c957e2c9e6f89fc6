package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.examples.exchange.WsConnection;
import io.mmbot.chaos.examples.exchange.WsListener;
import io.mmbot.chaos.exchange.Endpoint;
import io.mmbot.chaos.ws.ChaosWebSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The bot's WebSocket to the exchange's combined stream (book ticker and user data): the JDK's
 * {@link WebSocket} with its listener wrapped by {@link ChaosWebSocket} (WS_DISCONNECT, WS_LAG and
 * NET_LOSS strike there), every event handed to the bot's thread through {@link
 * LoopbackExchange#post}. The opening handshake takes an emulated round trip, and is refused while
 * the route to its host is down (see {@link LoopbackExchange}). One connection at a time; a new
 * {@link #connect} or {@link #close} ends the previous one, whose late events are dropped. Methods
 * other than the JDK callbacks run on the bot's thread.
 */
final class WsClient {

  private final LoopbackExchange exchange;
  private final ChaosWebSocket chaos;
  private final HttpClient jdk;
  private int generation;
  private CompletableFuture<WebSocket> opening;
  private WebSocket socket;

  WsClient(LoopbackExchange exchange, HttpClient jdk, ChaosWebSocket chaos) {
    this.exchange = exchange;
    this.jdk = jdk;
    this.chaos = chaos;
  }

  void connect(URI uri, boolean secondary, WsListener l) {
    close();
    int gen = ++generation;
    long rtt = exchange.distance().roundTrip(Endpoint.SERVER_TIME);
    CompletableFuture<WebSocket> f = new CompletableFuture<>();
    opening = f;
    exchange
        .distance()
        .later(
            rtt / 2,
            () -> {
              if (f.isDone()) {
                return;
              }
              if (exchange.distance().routeDown(secondary)) {
                exchange
                    .distance()
                    .later(
                        rtt - rtt / 2,
                        () ->
                            f.completeExceptionally(
                                new IOException("endpoint failing over: refused")));
                return;
              }
              WebSocket.Builder b = jdk.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2));
              chaos
                  .connect(b, uri, new Jdk(gen, secondary, l))
                  .whenComplete(
                      (ws, err) ->
                          exchange
                              .distance()
                              .later(
                                  rtt - rtt / 2,
                                  () -> {
                                    if (err != null) {
                                      f.completeExceptionally(err);
                                    } else if (!f.complete(ws)) {
                                      ws.abort();
                                    }
                                  }));
            });
    f.whenComplete(
        (ws, err) ->
            exchange.post(
                () -> {
                  if (gen != generation) {
                    if (ws != null) {
                      ws.abort();
                    }
                    return;
                  }
                  if (err != null) {
                    l.onRefused(String.valueOf(err.getMessage()));
                    return;
                  }
                  socket = ws;
                  l.onOpen(new Handle(gen, ws));
                }));
  }

  /** Ends the current connection, if any, without further events. */
  void close() {
    generation++;
    if (opening != null) {
      opening.cancel(true);
      opening = null;
    }
    if (socket != null) {
      socket.abort();
      socket = null;
    }
  }

  private final class Handle implements WsConnection {
    private final int gen;
    private final WebSocket ws;

    Handle(int gen, WebSocket ws) {
      this.gen = gen;
      this.ws = ws;
    }

    @Override
    public void pong() {
      if (gen == generation) {
        try {
          ws.sendPong(ByteBuffer.allocate(0));
        } catch (IllegalStateException busy) {
          // the JDK is still sending its own automatic pong: that one answers the ping
        }
      }
    }

    @Override
    public void close() {
      if (gen == generation) {
        WsClient.this.close();
      }
    }
  }

  /** The JDK's listener (wrapped by ChaosWebSocket); called on the JDK's or the pool's threads. */
  private final class Jdk implements WebSocket.Listener {
    private final int gen;
    private final boolean secondary;
    private final WsListener l;
    private final StringBuilder text = new StringBuilder();

    Jdk(int gen, boolean secondary, WsListener l) {
      this.gen = gen;
      this.secondary = secondary;
      this.l = l;
    }

    private void post(Runnable r) {
      exchange.post(
          () -> {
            if (gen == generation && socket != null) {
              r.run();
            }
          });
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        BinanceWire.Message m = BinanceWire.message(text.toString());
        text.setLength(0);
        if (m.kind() == BinanceWire.Message.Kind.FILL) {
          post(() -> l.onExecution(m.fill()));
        } else if (m.kind() == BinanceWire.Message.Kind.BOOK_TICKER) {
          // Binance's book ticker carries no event time: the bot does not use it.
          post(() -> l.onBookTicker(m.bid(), m.ask(), 0, m.seq()));
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
      post(l::onPing);
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      post(() -> ended(false, "closed by the server: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      post(() -> ended(true, "connection lost: " + error));
    }

    private void ended(boolean abnormal, String reason) {
      if (abnormal) {
        exchange.distance().routeLost(secondary);
      }
      socket = null;
      generation++;
      l.onClosed(abnormal, reason);
    }
  }
}
