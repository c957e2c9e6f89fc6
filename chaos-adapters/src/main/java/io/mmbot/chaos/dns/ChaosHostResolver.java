package io.mmbot.chaos.dns;

import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.dns.internal.DnsFlapRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link HostResolver} that fails lookups for DNS_FLAP; IP literals, which the JDK resolves
 * without DNS, always pass through. Safe for concurrent use when its delegate is.
 */
final class ChaosHostResolver implements HostResolver {

  private final HostResolver delegate;
  private final ChaosInjector injector;

  ChaosHostResolver(HostResolver delegate, ChaosInjector injector) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.injector = Objects.requireNonNull(injector, "injector");
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    if (DnsFlapRule.strikes(host, injector::shouldInjectDnsFlap)) {
      throw DnsFlapRule.notFound(host);
    }
    return delegate.resolve(host);
  }

  @Override
  public String toString() {
    return "ChaosHostResolver{" + delegate + '}';
  }
}
