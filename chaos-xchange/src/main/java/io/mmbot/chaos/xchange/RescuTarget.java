package io.mmbot.chaos.xchange;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.net.URI;
import java.util.Map;
import java.util.WeakHashMap;
import si.mazi.rescu.ClientConfig;
import si.mazi.rescu.ResponseReader;
import si.mazi.rescu.ResponseReaderResolver;
import si.mazi.rescu.RestMethodMetadata;

/**
 * What the adapter needs to know about one rescu REST proxy: its base URL, its client settings
 * (read timeout) and its response readers, so that a synthetic answer is read by the very reader
 * that reads a real one.
 *
 * <p>rescu hands an interceptor only the next invocation handler, and offers no accessor for the
 * base URL, settings or readers of the handler at the end of the chain; they are read from its
 * fields once per handler and cached. If a rescu version renames them, the target is {@link
 * #UNKNOWN}: the global injector and rescu's default settings are used, and a synthetic status ends
 * in rescu's generic {@code HttpStatusIOException}. (No Jackson type is named here, so that the
 * Java agent can relocate its own Jackson without touching rescu's.)
 */
final class RescuTarget {

  /** A proxy whose base URL and settings could not be read. */
  static final RescuTarget UNKNOWN = new RescuTarget(null, new ClientConfig(), null);

  private static final Map<InvocationHandler, RescuTarget> CACHE = new WeakHashMap<>();
  private static final Field INTERCEPTED =
      field("si.mazi.rescu.InterceptedInvocationHandler", "intercepted");
  private static final Field BASE_URL = field("si.mazi.rescu.RestInvocationHandler", "baseUrl");
  private static final Field CONFIG = field("si.mazi.rescu.RestInvocationHandler", "config");
  private static final Field READERS =
      field("si.mazi.rescu.RestInvocationHandler", "responseReaderResolver");

  private final String baseUrl;
  private final String host;
  private final ClientConfig config;
  private final ResponseReaderResolver readers;

  private RescuTarget(String baseUrl, ClientConfig config, ResponseReaderResolver readers) {
    this.baseUrl = baseUrl;
    this.host = hostOf(baseUrl);
    this.config = config;
    this.readers = readers;
  }

  /** The target behind {@code handler}, the handler an interceptor is given. */
  static RescuTarget of(InvocationHandler handler) {
    synchronized (CACHE) {
      RescuTarget t = CACHE.get(handler);
      if (t == null) {
        t = read(handler);
        CACHE.put(handler, t);
      }
      return t;
    }
  }

  private static RescuTarget read(InvocationHandler handler) {
    if (INTERCEPTED == null || BASE_URL == null || CONFIG == null || READERS == null) {
      return UNKNOWN;
    }
    try {
      Object h = handler;
      for (int depth = 0; depth < 64 && INTERCEPTED.getDeclaringClass().isInstance(h); depth++) {
        h = INTERCEPTED.get(h);
      }
      if (!BASE_URL.getDeclaringClass().isInstance(h)) {
        return UNKNOWN;
      }
      Object config = CONFIG.get(h);
      Object readers = READERS.get(h);
      return new RescuTarget(
          (String) BASE_URL.get(h),
          config instanceof ClientConfig ? (ClientConfig) config : new ClientConfig(),
          readers instanceof ResponseReaderResolver ? (ResponseReaderResolver) readers : null);
    } catch (IllegalAccessException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  private static Field field(String className, String name) {
    try {
      Field f =
          Class.forName(className, false, RescuTarget.class.getClassLoader())
              .getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String hostOf(String baseUrl) {
    if (baseUrl == null) {
      return null;
    }
    try {
      return URI.create(baseUrl.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The proxy's base URL, or null when unknown. */
  String baseUrl() {
    return baseUrl;
  }

  /** The host the proxy connects to, or null when unknown. */
  String host() {
    return host;
  }

  /** The proxy's read timeout in milliseconds, 0 for none. */
  int readTimeoutMs() {
    return config.getHttpReadTimeout();
  }

  /**
   * The reader rescu uses for the responses of the method described by {@code metadata}, or null
   * when unknown.
   */
  ResponseReader reader(RestMethodMetadata metadata) {
    return readers == null ? null : readers.resolveReader(metadata);
  }
}
