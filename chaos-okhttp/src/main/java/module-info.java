/**
 * mm-chaos for OkHttp: applies the injector's HTTP, DNS and WebSocket faults to OkHttp clients,
 * from the same transport-neutral fault plan as the JDK adapter. OkHttp (4.12 or 5.x) and okio are
 * automatic modules named {@code okhttp3} and {@code okio}.
 */
module io.mmbot.chaos.okhttp {
  requires transitive io.mmbot.chaos.adapters;
  requires transitive okhttp3;
  requires okio;

  exports io.mmbot.chaos.okhttp;
}
