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
    return dropped() ? lost() : raw.sendText(data, last).thenApply(ws -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
    return dropped() ? lost() : raw.sendBinary(data, last).thenApply(ws -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
    return dropped() ? lost() : raw.sendPing(message).thenApply(ws -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
    return dropped() ? lost() : raw.sendPong(message).thenApply(ws -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
    return raw.sendClose(statusCode, reason).thenApply(ws -> this);
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

  private boolean dropped() {
    return listener.dead() && raw.isOutputClosed() && raw.isInputClosed();
  }

  private static CompletableFuture<WebSocket> lost() {
    return CompletableFuture.failedFuture(
        new IOException("WebSocket connection is closed; open a new connection to send"));
  }
}
