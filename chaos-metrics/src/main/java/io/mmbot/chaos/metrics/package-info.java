/**
 * Micrometer metrics for mm-chaos with the Prometheus names of the product contract: {@link
 * io.mmbot.chaos.metrics.ChaosMetrics}, the facade a bot records through, over {@link
 * io.mmbot.chaos.metrics.ChaosMeterBinder}, the Micrometer binder that registers the meters.
 */
package io.mmbot.chaos.metrics;
