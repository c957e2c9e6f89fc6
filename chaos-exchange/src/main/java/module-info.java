/**
 * mm-chaos exchange: a stand-in spot exchange. Its rules (request weight, bans, order limits,
 * timestamps, WebSocket limits), its ledger of accepted orders, a simulated market and a latency
 * model. Depends on chaos-core, chaos-adapters and the JDK only.
 */
module io.mmbot.chaos.exchange {
  requires transitive io.mmbot.chaos.core;
  requires io.mmbot.chaos.adapters;

  exports io.mmbot.chaos.exchange;
  exports io.mmbot.chaos.exchange.model;
}
