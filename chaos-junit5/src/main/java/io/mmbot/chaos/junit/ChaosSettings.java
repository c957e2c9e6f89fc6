package io.mmbot.chaos.junit;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosLimits;
import io.mmbot.chaos.Scenario;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads a test's {@link Chaos} and {@link ChaosSeed} declarations into its seed and configuration.
 *
 * <p>Declarations are searched from the farthest to the nearest: the outermost enclosing class and
 * its superclasses (top-down), each nested class in turn, then the test method; a nearer one
 * replaces a farther one for the same scenario, and the nearest seed wins.
 */
final class ChaosSettings {

  /** Where a test's seed came from. */
  enum SeedSource {
    ANNOTATION,
    PARAMETER,
    RANDOM
  }

  private final long seed;
  private final SeedSource seedSource;
  private final ChaosConfig config;

  private ChaosSettings(long seed, SeedSource seedSource, ChaosConfig config) {
    this.seed = seed;
    this.seedSource = seedSource;
    this.config = config;
  }

  long seed() {
    return seed;
  }

  SeedSource seedSource() {
    return seedSource;
  }

  ChaosConfig config() {
    return config;
  }

  /**
   * The settings of the test of {@code context}.
   *
   * @throws ExtensionConfigurationException for a bad {@code @Chaos} or seed parameter
   */
  static ChaosSettings of(ExtensionContext context) {
    List<AnnotatedElement> levels = levels(context);
    long seed = 0;
    SeedSource source = null;
    for (AnnotatedElement level : levels) {
      Optional<ChaosSeed> s = AnnotationSupport.findAnnotation(level, ChaosSeed.class);
      if (s.isPresent()) {
        seed = s.get().value();
        source = SeedSource.ANNOTATION;
      }
    }
    if (source == null) {
      Optional<String> p = context.getConfigurationParameter(ChaosExtension.SEED_PARAMETER);
      if (p.isPresent() && !p.get().isBlank()) {
        seed = parseSeed(p.get());
        source = SeedSource.PARAMETER;
      } else {
        seed = ThreadLocalRandom.current().nextLong();
        source = SeedSource.RANDOM;
      }
    }

    Map<Scenario, Chaos> chosen = new EnumMap<>(Scenario.class);
    Map<Scenario, AnnotatedElement> where = new EnumMap<>(Scenario.class);
    for (AnnotatedElement level : levels) {
      Map<Scenario, Chaos> here = new EnumMap<>(Scenario.class);
      for (Chaos c : AnnotationSupport.findRepeatableAnnotations(level, Chaos.class)) {
        if (here.put(c.scenario(), c) != null) {
          throw new ExtensionConfigurationException(
              "@Chaos(scenario = "
                  + c.scenario()
                  + ") is declared twice on "
                  + describe(level)
                  + ": declare each scenario once per class or method");
        }
        where.put(c.scenario(), level);
      }
      chosen.putAll(here);
    }

    ChaosConfig.Builder b =
        ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(seed);
    ChaosConfig config = b.build();
    for (Map.Entry<Scenario, Chaos> e : chosen.entrySet()) {
      config = apply(b, e.getValue(), describe(where.get(e.getKey())));
    }
    return new ChaosSettings(seed, source, config);
  }

  /** Applies one annotation to {@code b} and builds, so that a bad value is blamed on it alone. */
  private static ChaosConfig apply(ChaosConfig.Builder b, Chaos c, String where) {
    Scenario s = c.scenario();
    double v = c.intensity();
    boolean hasProbability = !Double.isNaN(c.probability());
    try {
      if (s.kind() == Scenario.Kind.MAGNITUDE) {
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > Long.MAX_VALUE / 2.0) {
          throw new IllegalArgumentException(
              "the intensity of "
                  + s
                  + " is a whole number of milliseconds ("
                  + s.configKey()
                  + " in [0, "
                  + (s == Scenario.CLOCK_SKEW
                      ? ChaosLimits.MAX_CLOCK_SKEW_MS
                      : ChaosLimits.MAX_DELAY_MS)
                  + "])");
        }
        magnitude(b, s, (long) v, hasProbability, c.probability());
      } else {
        if (hasProbability) {
          throw new IllegalArgumentException(
              "probability applies only to LAT_SPIKE, WS_LAG and CLOCK_SKEW; the intensity of "
                  + s
                  + " is itself "
                  + (s.kind() == Scenario.Kind.RATE ? "a rate per minute" : "a probability"));
        }
        intensity(b, s, v);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          render(c) + " on " + where + " is invalid: " + e.getMessage(), e);
    }
  }

  private static void magnitude(
      ChaosConfig.Builder b, Scenario s, long ms, boolean hasProbability, double p) {
    switch (s) {
      case LAT_SPIKE:
        b.latSpikeMs(ms);
        if (hasProbability) {
          b.latSpikeProbability(p);
        }
        return;
      case WS_LAG:
        b.wsLagMs(ms);
        if (hasProbability) {
          b.wsLagProbability(p);
        }
        return;
      case CLOCK_SKEW:
        b.clockSkewMs(ms);
        if (hasProbability) {
          b.clockSkewProbability(p);
        }
        return;
      default:
        throw new AssertionError(s);
    }
  }

  private static void intensity(ChaosConfig.Builder b, Scenario s, double v) {
    switch (s) {
      case NET_LOSS:
        b.netLoss(v);
        return;
      case EXCH_429:
        b.exch429(v);
        return;
      case EXCH_5XX:
        b.exch5xx(v);
        return;
      case WS_DISCONNECT:
        b.wsDisconnect(v);
        return;
      case DNS_FLAP:
        b.dnsFlap(v);
        return;
      case RATE_LIMIT_STORM:
        b.rateLimitStorm(v);
        return;
      case RECONCILE_MISMATCH:
        b.reconcileMismatch(v);
        return;
      default:
        throw new AssertionError(s);
    }
  }

  private static long parseSeed(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException(
          "configuration parameter "
              + ChaosExtension.SEED_PARAMETER
              + " = '"
              + text
              + "' is not a seed: must be a whole number in ["
              + Long.MIN_VALUE
              + ", "
              + Long.MAX_VALUE
              + "]",
          e);
    }
  }

  /**
   * The annotated places of a test, farthest first: for each class from the outermost enclosing one
   * in, its superclasses top-down and then itself; the test method last.
   */
  private static List<AnnotatedElement> levels(ExtensionContext context) {
    List<ExtensionContext> chain = new ArrayList<>();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      chain.add(0, c);
    }
    List<AnnotatedElement> levels = new ArrayList<>();
    for (ExtensionContext c : chain) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isEmpty()) {
        continue;
      }
      AnnotatedElement e = element.get();
      if (e instanceof Class<?>) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> k = (Class<?>) e; k != null && k != Object.class; k = k.getSuperclass()) {
          hierarchy.add(0, k);
        }
        for (Class<?> k : hierarchy) {
          if (!levels.contains(k)) {
            levels.add(k);
          }
        }
      } else if (!levels.contains(e)) {
        levels.add(e);
      }
    }
    return levels;
  }

  static String describe(AnnotatedElement e) {
    if (e instanceof Method) {
      Method m = (Method) e;
      return m.getDeclaringClass().getName() + "#" + m.getName() + "()";
    }
    if (e instanceof Class<?>) {
      return "class " + ((Class<?>) e).getName();
    }
    return String.valueOf(e);
  }

  static String render(Chaos c) {
    StringBuilder s =
        new StringBuilder("@Chaos(scenario = ")
            .append(c.scenario())
            .append(", intensity = ")
            .append(plain(c.intensity()));
    if (!Double.isNaN(c.probability())) {
      s.append(", probability = ").append(plain(c.probability()));
    }
    return s.append(')').toString();
  }

  private static String plain(double d) {
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : Double.toString(d);
  }
}
