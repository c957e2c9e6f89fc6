/**
 * mm-chaos adapters: apply the injector's faults to the JDK HTTP client, WebSocket, host lookups
 * and the bot's reconcile path. Depends on chaos-core and the JDK only; the time types ({@code
 * io.mmbot.chaos.time}, the skewed clock among them) come with chaos-core.
 */
// The qualified export names a module built after this one: javac would warn that it is not found.
@SuppressWarnings("module")
module io.mmbot.chaos.adapters {
  requires transitive io.mmbot.chaos.core;
  requires transitive java.net.http;

  exports io.mmbot.chaos.http;
  exports io.mmbot.chaos.ws;
  exports io.mmbot.chaos.dns;
  exports io.mmbot.chaos.reconcile;
  // The synthetic exchange answers, shared with the OkHttp and XChange adapters and the stand-in
  // exchange only.
  exports io.mmbot.chaos.http.internal to
      io.mmbot.chaos.okhttp,
      io.mmbot.chaos.xchange,
      io.mmbot.chaos.exchange;
  // The DNS_FLAP rule and the WebSocket connection's time marks, shared with the OkHttp adapter.
  exports io.mmbot.chaos.dns.internal to
      io.mmbot.chaos.okhttp;
  exports io.mmbot.chaos.ws.internal to
      io.mmbot.chaos.okhttp;
}
