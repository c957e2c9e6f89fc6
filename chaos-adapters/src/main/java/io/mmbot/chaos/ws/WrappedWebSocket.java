package io.mmbot.chaos.ws;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link WebSocket} the bot's listener sees: forwards to the JDK's socket, and after a
 * WS_DISCONNECT fails sends with an {@link IOException} as a dropped connection does.
 */
final class WrappedWebSocket implements WebSocket {

  private final WebSocket raw;
  private final WrappedListener listener;

  WrappedWebSocket(WebSocket raw, WrappedListener listener) {
    this.raw = raw;
    this.listener = listener;
  }

  WebSocket raw() {
    return raw;
  }

  @Override
  public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
    return dropped() ? lost() : forward(raw.sendText(data, last));
  }

  @Override
  public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
    return dropped() ? lost() : forward(raw.sendBinary(data, last));
  }

  @Override
  public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
    return dropped() ? lost() : forward(raw.sendPing(message));
  }

  @Override
  public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
    return dropped() ? lost() : forward(raw.sendPong(message));
  }

  @Override
  public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
    return forward(raw.sendClose(statusCode, reason));
  }

  @Override
  public void request(long n) {
    raw.request(n);
  }

  @Override
  public String getSubprotocol() {
    return raw.getSubprotocol();
  }

  @Override
  public boolean isOutputClosed() {
    return raw.isOutputClosed();
  }

  @Override
  public boolean isInputClosed() {
    return raw.isInputClosed();
  }

  /** Aborts the connection; nothing more reaches the bot's listener, as on the JDK's socket. */
  @Override
  public void abort() {
    listener.abortedByBot();
    raw.abort();
  }

  @Override
  public String toString() {
    return "ChaosWebSocket{" + raw + '}';
  }

  /**
   * A future that completes as {@code sent} does, with this wrapper instead of the JDK's socket and
   * with the JDK's own exception as it is (not wrapped in a {@code CompletionException}), so a bot
   * that tests the failure's type sees what it would see without chaos. Cancelling it cancels
   * {@code sent}.
   */
  private CompletableFuture<WebSocket> forward(CompletableFuture<WebSocket> sent) {
    CompletableFuture<WebSocket> out = new CompletableFuture<>();
    sent.whenComplete(
        (ws, e) -> {
          if (e != null) {
            out.completeExceptionally(e);
          } else {
            out.complete(this);
          }
        });
    out.whenComplete(
        (ws, e) -> {
          if (out.isCancelled()) {
            sent.cancel(true);
          }
        });
    return out;
  }

  private boolean dropped() {
    return listener.dead() && raw.isOutputClosed() && raw.isInputClosed();
  }

  private static CompletableFuture<WebSocket> lost() {
    return CompletableFuture.failedFuture(
        new IOException("WebSocket connection is closed; open a new connection to send"));
  }
}
