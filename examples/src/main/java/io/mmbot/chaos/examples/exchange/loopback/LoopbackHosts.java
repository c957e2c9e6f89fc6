package io.mmbot.chaos.examples.exchange.loopback;

import io.mmbot.chaos.dns.HostResolver;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The machine's resolver as the loopback connector sees it: it knows the exchange's two host names
 * and answers 127.0.0.1 for each (the address keeps the name it was resolved from, which tells the
 * connector which endpoint it is); any other name is unknown. Immutable.
 */
final class LoopbackHosts implements HostResolver {

  private final String primaryHost;
  private final String secondaryHost;
  private final InetAddress primary;
  private final InetAddress secondary;

  LoopbackHosts(String primaryHost, String secondaryHost) {
    this.primaryHost = primaryHost;
    this.secondaryHost = secondaryHost;
    this.primary = loopback(primaryHost);
    this.secondary = loopback(secondaryHost);
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    if (primaryHost.equals(host)) {
      return List.of(primary);
    }
    if (secondaryHost.equals(host)) {
      return List.of(secondary);
    }
    throw new UnknownHostException(host);
  }

  private static InetAddress loopback(String name) {
    try {
      return InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }
}
