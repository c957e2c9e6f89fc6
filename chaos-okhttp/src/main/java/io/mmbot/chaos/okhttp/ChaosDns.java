package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.internal.DnsFlapRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;

/**
 * A {@link Dns} that fails lookups for DNS_FLAP: per lookup, or, with {@code dns_flap_evict_pool},
 * the lookup of a call that {@link PooledDnsFlap} struck. A name that is an IP literal is never
 * failed (no server is asked for it) and draws no gate. Safe for concurrent use when its delegate
 * is.
 */
final class ChaosDns implements Dns {

  private final Dns delegate;
  private final ChaosInjector injector;
  private final PooledDnsFlap perCall;
  private final ResolvedAddresses resolved;

  ChaosDns(
      Dns delegate, ChaosInjector injector, PooledDnsFlap perCall, ResolvedAddresses resolved) {
    if (Objects.requireNonNull(delegate, "delegate") instanceof ChaosDns) {
      throw new IllegalArgumentException("delegate is already a chaos Dns");
    }
    this.delegate = delegate;
    this.injector = Objects.requireNonNull(injector, "injector");
    this.perCall = Objects.requireNonNull(perCall, "perCall");
    this.resolved = Objects.requireNonNull(resolved, "resolved");
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Objects.requireNonNull(hostname, "hostname");
    if (DnsFlapRule.strikes(
        hostname,
        () -> perCall.perCall() ? perCall.consume(hostname) : injector.shouldInjectDnsFlap())) {
      throw DnsFlapRule.notFound(hostname);
    }
    List<InetAddress> addresses = delegate.lookup(hostname);
    resolved.record(hostname, addresses);
    return addresses;
  }

  Dns delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return "ChaosOkHttp.dns{" + delegate + '}';
  }
}
