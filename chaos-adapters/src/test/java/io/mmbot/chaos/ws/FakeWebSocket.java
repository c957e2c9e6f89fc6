package io.mmbot.chaos.ws;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A JDK-side socket stand-in for driving a wrapped listener directly in virtual time. */
class FakeWebSocket implements WebSocket {
  final AtomicLong requested = new AtomicLong();
  volatile boolean aborted;

  @Override
  public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void request(long n) {
    requested.addAndGet(n);
  }

  @Override
  public String getSubprotocol() {
    return "";
  }

  @Override
  public boolean isOutputClosed() {
    return aborted;
  }

  @Override
  public boolean isInputClosed() {
    return aborted;
  }

  @Override
  public void abort() {
    aborted = true;
  }
}
