package io.mmbot.chaos.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user who brings another registry and excludes {@code micrometer-registry-prometheus} (and the
 * Prometheus client it brings): the binding works on that registry, {@code mm_ws_gap_ms} included,
 * and only the two Prometheus-only calls fail, with a message that names the missing artifact. Run
 * in a class loader that sees this module's class path without the Prometheus jars.
 */
class WithoutPrometheusRegistryTest {

  /** The test's class path less every jar of the Prometheus registry and client. */
  private static URLClassLoader withoutPrometheus() throws Exception {
    List<URL> urls = new ArrayList<>();
    int dropped = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = new File(entry).getName();
      if (name.startsWith("micrometer-registry-prometheus") || name.startsWith("prometheus-")) {
        dropped++;
        continue;
      }
      urls.add(new File(entry).toURI().toURL());
    }
    assertThat(dropped).as("Prometheus jars found on the class path").isGreaterThanOrEqualTo(2);
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /** Runs {@link Probe#run} in the class loader without Prometheus; returns what it reports. */
  private static String probe() throws Exception {
    try (URLClassLoader loader = withoutPrometheus()) {
      assertThat(
              loader.getResource("io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class"))
          .isNull();
      Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
      Method run = probe.getMethod("run");
      try {
        return (String) run.invoke(null);
      } catch (InvocationTargetException e) {
        throw new AssertionError("the binding failed without Prometheus", e.getCause());
      }
    }
  }

  @Test
  void theBindingWorksOnAnotherRegistryAndThePrometheusCallsSayWhatIsMissing() throws Exception {
    String report = probe();
    assertThat(report).contains("gap-count=1").contains("injections-meter=true");
    assertThat(report)
        .contains("export=IllegalStateException")
        .contains("micrometer-registry-prometheus");
    assertThat(report).contains("bind=IllegalStateException").contains("bind(injector, registry)");
  }

  /** Loaded by the loader without Prometheus; uses the library as such a user would. */
  public static final class Probe {
    public static String run() {
      io.mmbot.chaos.ChaosInjector injector =
          io.mmbot.chaos.ChaosInjector.builder()
              .config(io.mmbot.chaos.ChaosConfig.builder().enabled(false).build())
              .build();
      io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      StringBuilder out = new StringBuilder();
      try (ChaosMetrics m = ChaosMetrics.bind(injector, registry)) {
        m.recordWsGapMs(12.5);
        io.micrometer.core.instrument.DistributionSummary gap =
            registry.find("mm.ws.gap").summary();
        out.append("gap-count=").append(gap == null ? -1 : gap.count());
        out.append(" injections-meter=")
            .append(!registry.find("mm.chaos.injections").meters().isEmpty());
        try {
          m.exportToPrometheus();
          out.append(" export=returned");
        } catch (RuntimeException | LinkageError e) {
          out.append(" export=").append(e.getClass().getSimpleName()).append(' ');
          out.append(e.getMessage());
        }
      }
      try {
        ChaosMetrics.bind(injector).close();
        out.append(" bind=returned");
      } catch (RuntimeException | LinkageError e) {
        out.append(" bind=").append(e.getClass().getSimpleName()).append(' ');
        out.append(e.getMessage());
      }
      return out.toString();
    }
  }
}
