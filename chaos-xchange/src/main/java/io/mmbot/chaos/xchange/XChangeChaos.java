package io.mmbot.chaos.xchange;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.GlobalChaos;
import io.mmbot.chaos.http.RequestFaults;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchange.ExchangeSpecification;

/**
 * Which injector the XChange adapter uses for which exchange. XChange creates its rescu
 * interceptors through a {@link java.util.ServiceLoader}, once per process and without telling them
 * which exchange they serve, so the choice is made per call from the base URI of the REST proxy
 * being called: an injector bound to that URI's origin (scheme, host and port) with {@link
 * #bind(ExchangeSpecification, ChaosInjector)}, else {@link GlobalChaos#get()}.
 *
 * <p>Bind before the exchange's first REST call; the binding holds for every proxy whose base URI
 * has the same origin, so two exchange instances pointed at the same host share one binding. Each
 * binding has its own {@link RequestFaults} plan (one caller for the 418 escalation rule).
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class XChangeChaos {

  private static final Map<String, RequestFaults> BOUND = new ConcurrentHashMap<>();
  private static volatile RequestFaults global = RequestFaults.of(GlobalChaos.get());

  private XChangeChaos() {}

  /**
   * Applies {@code injector} to every REST call of the exchange described by {@code spec}: the
   * origins of its {@code sslUri} and, when set, its {@code plainTextUri}.
   *
   * @throws IllegalArgumentException if the specification has neither URI
   */
  public static void bind(ExchangeSpecification spec, ChaosInjector injector) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(injector, "injector");
    RequestFaults faults = RequestFaults.of(injector);
    boolean any = false;
    for (String uri : new String[] {spec.getSslUri(), spec.getPlainTextUri()}) {
      if (uri != null && !uri.isEmpty()) {
        BOUND.put(origin(uri), faults);
        any = true;
      }
    }
    if (!any) {
      throw new IllegalArgumentException(
          "the exchange specification has no sslUri or plainTextUri");
    }
  }

  /** Applies {@code faults} to every REST call whose base URI has the origin of {@code baseUri}. */
  public static void bind(URI baseUri, RequestFaults faults) {
    Objects.requireNonNull(faults, "faults");
    BOUND.put(origin(Objects.requireNonNull(baseUri, "baseUri").toString()), faults);
  }

  /** Removes the bindings of {@code spec}'s URIs; their calls use {@link GlobalChaos} again. */
  public static void unbind(ExchangeSpecification spec) {
    Objects.requireNonNull(spec, "spec");
    for (String uri : new String[] {spec.getSslUri(), spec.getPlainTextUri()}) {
      if (uri != null && !uri.isEmpty()) {
        BOUND.remove(origin(uri));
      }
    }
  }

  /** Removes every binding. */
  public static void unbindAll() {
    BOUND.clear();
  }

  /**
   * The plan for a REST call to {@code baseUrl} (null when unknown): the bound one, else one over
   * the current global injector.
   */
  static RequestFaults faultsFor(String baseUrl) {
    if (baseUrl != null && !BOUND.isEmpty()) {
      RequestFaults bound = BOUND.get(origin(baseUrl));
      if (bound != null) {
        return bound;
      }
    }
    RequestFaults g = global;
    ChaosInjector current = GlobalChaos.get();
    if (g.injector() != current) {
      g = RequestFaults.of(current);
      global = g;
    }
    return g;
  }

  /** {@code scheme://host:port} of {@code uri} in lower case, the port made explicit. */
  static String origin(String uri) {
    URI u;
    try {
      u = URI.create(uri.trim());
    } catch (IllegalArgumentException e) {
      return uri;
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    if (port < 0) {
      port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
    return scheme + "://" + host + ':' + port;
  }
}
