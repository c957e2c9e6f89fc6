/**
 * mm-chaos metrics: binds the injector to Micrometer with the Prometheus names of the product
 * contract. Brings the Micrometer Prometheus registry.
 */
module io.mmbot.chaos.metrics {
  requires transitive io.mmbot.chaos.core;
  requires transitive micrometer.core;
  requires transitive micrometer.registry.prometheus;
  requires io.prometheus.metrics.core;
  requires io.prometheus.metrics.model;

  exports io.mmbot.chaos.metrics;
}
