/**
 * mm-chaos adapters: apply the injector's faults to the JDK HTTP client, WebSocket, host lookups,
 * the clock and the bot's reconcile path. Depends on chaos-core and the JDK only.
 */
module io.mmbot.chaos.adapters {
  requires transitive io.mmbot.chaos.core;
  requires transitive java.net.http;

  exports io.mmbot.chaos.http;
  exports io.mmbot.chaos.ws;
  exports io.mmbot.chaos.dns;
  exports io.mmbot.chaos.time;
  exports io.mmbot.chaos.order;
}
