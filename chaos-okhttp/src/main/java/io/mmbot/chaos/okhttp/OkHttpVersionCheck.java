package io.mmbot.chaos.okhttp;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which OkHttp is on the class path, and a warning when it is older than the range this adapter is
 * tested with ({@value #OLDEST_TESTED} and later 4.x, 5.x). Connectors often drag an older OkHttp
 * in (binance-connector-java 3.4.1 brings 4.9.2); Maven's nearest-wins rule then picks whichever is
 * declared first, silently. Pin the version in the program's {@code dependencyManagement} (see
 * {@code docs/adapters.md}).
 *
 * <p>The version is read from {@code okhttp3.OkHttp.VERSION} at run time (a Kotlin constant that
 * javac would otherwise copy in at compile time), or from OkHttp 3's {@code
 * okhttp3.internal.Version}.
 */
public final class OkHttpVersionCheck {

  /** The oldest OkHttp release this adapter is tested with. */
  public static final String OLDEST_TESTED = "4.12.0";

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private OkHttpVersionCheck() {}

  /** The version of the OkHttp on the class path, as {@code "4.12.0"}, or null if unknown. */
  public static String runtimeVersion() {
    ClassLoader loader = OkHttpVersionCheck.class.getClassLoader();
    try {
      Object v = Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null);
      if (v instanceof String) {
        return (String) v;
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not OkHttp 4 or 5: try OkHttp 3
    }
    try {
      Object agent =
          Class.forName("okhttp3.internal.Version", false, loader)
              .getMethod("userAgent")
              .invoke(null);
      if (agent instanceof String && ((String) agent).startsWith("okhttp/")) {
        return ((String) agent).substring("okhttp/".length());
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // unknown
    }
    return null;
  }

  /**
   * Whether {@code version} is at least {@value #OLDEST_TESTED}; a version that cannot be read
   * (null, or not {@code major.minor[.patch]}) counts as tested.
   */
  public static boolean isTested(String version) {
    if (version == null) {
      return true;
    }
    int[] v = numbers(version);
    int[] oldest = numbers(OLDEST_TESTED);
    if (v == null) {
      return true;
    }
    for (int i = 0; i < 3; i++) {
      if (v[i] != oldest[i]) {
        return v[i] > oldest[i];
      }
    }
    return true;
  }

  /**
   * Logs one warning per JVM, through {@link System.Logger}, when the OkHttp on the class path is
   * older than {@value #OLDEST_TESTED}; returns whether it is. Never throws.
   */
  public static boolean warnIfUnsupported() {
    try {
      String version = runtimeVersion();
      if (isTested(version)) {
        return false;
      }
      if (WARNED.compareAndSet(false, true)) {
        System.getLogger(OkHttpVersionCheck.class.getName())
            .log(
                Level.WARNING,
                "mm-chaos: OkHttp {0} is on the class path, older than {1}, the oldest release"
                    + " chaos-okhttp is tested with; a connector probably dragged it in. Pin"
                    + " com.squareup.okhttp3:okhttp to {1} or later in your dependencyManagement"
                    + " (see docs/adapters.md).",
                version,
                OLDEST_TESTED);
      }
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("[.\\-]");
    if (parts.length < 2) {
      return null;
    }
    int[] n = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      try {
        n[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        if (i < 2) {
          return null;
        }
      }
    }
    return n;
  }
}
