package io.mmbot.chaos.okhttp;

import okhttp3.Request;
import okhttp3.WebSocket;
import okio.ByteString;

/** A WebSocket that is never connected: records whether the wrapper cancelled it. */
final class FakeWebSocket implements WebSocket {
  volatile boolean cancelled;

  @Override
  public Request request() {
    return new Request.Builder().url("http://127.0.0.1/ws").build();
  }

  @Override
  public long queueSize() {
    return 0;
  }

  @Override
  public boolean send(String text) {
    return !cancelled;
  }

  @Override
  public boolean send(ByteString bytes) {
    return !cancelled;
  }

  @Override
  public boolean close(int code, String reason) {
    return !cancelled;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }
}
