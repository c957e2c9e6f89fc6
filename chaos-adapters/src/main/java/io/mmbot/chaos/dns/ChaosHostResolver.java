package io.mmbot.chaos.dns;

import io.mmbot.chaos.ChaosInjector;
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
    // An IP literal never goes to DNS, so a flapping DNS server cannot fail it: no gate is drawn.
    if (!IpLiterals.isLiteral(host) && injector.shouldInjectDnsFlap()) {
      // The same message the JDK gives on Linux for a name the server says does not exist.
      throw new UnknownHostException(host + ": Name or service not known");
    }
    return delegate.resolve(host);
  }

  @Override
  public String toString() {
    return "ChaosHostResolver{" + delegate + '}';
  }
}
