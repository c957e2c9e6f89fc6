package io.mmbot.chaos.ws;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The bot's side in tests: collects whole text messages, errors and closes. */
class CollectingListener implements WebSocket.Listener {
  final List<String> texts = new CopyOnWriteArrayList<>();
  final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
  final CompletableFuture<Throwable> error = new CompletableFuture<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder part = new StringBuilder();
  private final boolean requestAll;

  /** A listener that asks for one message at a time, as the JDK's default does. */
  CollectingListener() {
    this(false);
  }

  /** With {@code requestAll}, asks for every message up front, so many can be in flight. */
  CollectingListener(boolean requestAll) {
    this.requestAll = requestAll;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    opened.complete(webSocket);
    webSocket.request(requestAll ? Long.MAX_VALUE : 1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    part.append(data);
    if (last) {
      texts.add(part.toString());
      part.setLength(0);
    }
    if (!requestAll) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable e) {
    error.complete(e);
  }
}
