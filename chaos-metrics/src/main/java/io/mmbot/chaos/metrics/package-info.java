/**
 * Micrometer metrics for mm-chaos with the Prometheus names of the product contract: {@link
 * io.mmbot.chaos.metrics.ChaosMetrics}.
 */
package io.mmbot.chaos.metrics;
