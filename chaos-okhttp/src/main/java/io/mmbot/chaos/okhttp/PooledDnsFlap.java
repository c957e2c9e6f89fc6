package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.internal.DnsFlapRule;
import java.io.IOException;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * DNS_FLAP for a client that pools connections, when {@link ChaosConfig#dnsFlapEvictPool()} is on:
 * the gate is drawn once per call (not per lookup), and a call it strikes first evicts the client's
 * idle pooled connections, so that it has to connect anew and its lookup, made by {@link ChaosDns}
 * on the call's own thread, fails as a real one does. The configured intensity is then the share of
 * calls that meet a failed lookup, whether or not the client had a connection to reuse.
 *
 * <p>OkHttp's {@link ConnectionPool} evicts only idle connections, and all of them (it has no
 * per-host eviction; a client of one exchange talks to one host). A call that still gets a
 * connection without a lookup (an HTTP/2 connection busy with another call, or a pool replaced on
 * the builder after decoration) is failed by the network interceptor with the same exception,
 * before its request is written, so the share holds there too. With the option off, nothing here
 * acts and {@link ChaosDns} draws per lookup, as before.
 */
final class PooledDnsFlap {

  private final ChaosInjector injector;

  /** The host whose next lookup on this thread must fail: set while a struck call runs. */
  private final ThreadLocal<String> armed = new ThreadLocal<>();

  private final Interceptor unconsumed = this::failIfStillArmed;

  PooledDnsFlap(ChaosInjector injector) {
    this.injector = injector;
  }

  /** Whether the flap is drawn per call (chaos on and the option set). */
  boolean perCall() {
    ChaosConfig c = injector.config();
    return c.enabled() && c.dnsFlapEvictPool();
  }

  /** The application interceptor for a client whose connections live in {@code pool}. */
  Interceptor applicationInterceptor(ConnectionPool pool) {
    return new Interceptor() {
      @Override
      public Response intercept(Chain chain) throws IOException {
        if (!perCall()) {
          return chain.proceed(chain.request());
        }
        String host = chain.request().url().host();
        if (DnsFlapRule.isIpLiteral(host) || !injector.shouldInjectDnsFlap()) {
          return chain.proceed(chain.request());
        }
        pool.evictAll();
        armed.set(host);
        try {
          return chain.proceed(chain.request());
        } finally {
          armed.remove();
        }
      }

      @Override
      public String toString() {
        return "ChaosOkHttp.pooledDnsFlap{" + injector + '}';
      }
    };
  }

  /** The network interceptor that fails a struck call which got a connection without a lookup. */
  Interceptor networkInterceptor() {
    return unconsumed;
  }

  private Response failIfStillArmed(Interceptor.Chain chain) throws IOException {
    if (consume(chain.request().url().host())) {
      throw DnsFlapRule.notFound(chain.request().url().host());
    }
    return chain.proceed(chain.request());
  }

  /**
   * Whether the call running on this thread was struck for {@code hostname} and has not yet met its
   * failed lookup; true at most once per struck call. False once chaos is switched off.
   */
  boolean consume(String hostname) {
    String host = armed.get();
    if (host == null || !host.equalsIgnoreCase(hostname)) {
      return false;
    }
    armed.remove();
    return injector.config().enabled();
  }
}
