package io.mmbot.chaos.metrics;

/**
 * Whether the Micrometer Prometheus registry and the Prometheus client are on the class path. A
 * class apart from {@link PrometheusParts}: the JVM's verifier loads the types a class uses when it
 * links the class, so the question must be asked from a class that names none of them.
 */
final class PrometheusPresence {

  /** The artifact that brings the registry, as a user would add or exclude it. */
  static final String ARTIFACT = "io.micrometer:micrometer-registry-prometheus";

  /** Whether the registry and the client are there; {@link PrometheusParts} only when true. */
  static final boolean PRESENT =
      loadable("io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
          && loadable("io.prometheus.metrics.core.metrics.Histogram");

  private PrometheusPresence() {}

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, PrometheusPresence.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
