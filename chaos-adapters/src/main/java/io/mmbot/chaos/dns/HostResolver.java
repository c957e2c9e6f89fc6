package io.mmbot.chaos.dns;

import io.mmbot.chaos.ChaosInjector;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses. The bot's connector resolves through one of these instead
 * of calling {@link InetAddress#getAllByName} directly, so that a {@link #withChaos chaos
 * decorator} can fail lookups the way a flapping DNS server does.
 *
 * <p>Fault contract: a lookup that fails throws {@link UnknownHostException}, exactly as the JDK
 * does for NXDOMAIN; a lookup that succeeds returns at least one address.
 *
 * <p>Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface HostResolver {

  /** The JDK's resolver: {@link InetAddress#getAllByName(String)}. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(requireHost(host)));

  /**
   * The addresses of {@code host}, never empty.
   *
   * @throws UnknownHostException if the name does not resolve
   * @throws NullPointerException if {@code host} is null
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * This resolver with DNS_FLAP applied: while the gate fires, a lookup throws {@link
   * UnknownHostException} without asking this resolver; otherwise the lookup is passed through
   * unchanged (chaos off, between bursts and in dry-run). IP literals ({@code 127.0.0.1}, {@code
   * ::1}, {@code [::1]}) never go to DNS, so they always pass through and draw no gate.
   */
  default HostResolver withChaos(ChaosInjector injector) {
    return new ChaosHostResolver(this, injector);
  }

  private static String requireHost(String host) {
    if (host == null) {
      throw new NullPointerException("host");
    }
    return host;
  }
}
