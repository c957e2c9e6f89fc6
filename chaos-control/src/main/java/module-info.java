/**
 * mm-chaos control endpoint: a token-protected HTTP endpoint (JDK HTTP server) that shows the
 * injector's state and switches chaos off or on, by hand or from an Alertmanager webhook.
 */
module io.mmbot.chaos.control {
  requires transitive io.mmbot.chaos.core;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;

  exports io.mmbot.chaos.control;
}
