package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.dns.internal.DnsFlapRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The address each host name last resolved to through a decorated client's {@code Dns}, so that an
 * injected connection failure names the socket address as OkHttp's own does ({@code "Failed to
 * connect to api.example.com/203.0.113.5:443"}). Safe for concurrent use; holds at most {@value
 * #MAX_HOSTS} names (an exchange client talks to a handful).
 */
final class ResolvedAddresses {

  static final int MAX_HOSTS = 256;

  private final Map<String, InetAddress> last = new ConcurrentHashMap<>();

  /** Records the first of the addresses a lookup of {@code hostname} returned. */
  void record(String hostname, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return;
    }
    if (last.size() >= MAX_HOSTS && !last.containsKey(hostname)) {
      last.clear();
    }
    last.put(hostname, addresses.get(0));
  }

  /**
   * The socket address OkHttp would have connected to for {@code host} and {@code port}, in the
   * form of {@link InetSocketAddress#toString()}: for an IP literal the literal (OkHttp does not
   * look those up); for a name its last recorded lookup; for a name not looked up yet the
   * unresolved form {@code host/<unresolved>:port} (no lookup is made here: it would reach the
   * network on a failure path, outside the client's own {@code Dns}).
   */
  String socketAddress(String host, int port) {
    InetAddress address = last.get(host);
    if (address == null && DnsFlapRule.isIpLiteral(host)) {
      try {
        address = InetAddress.getByName(host); // parses the literal, asks no server
      } catch (UnknownHostException | SecurityException e) {
        address = null;
      }
    }
    return address == null
        ? InetSocketAddress.createUnresolved(host, port).toString()
        : new InetSocketAddress(address, port).toString();
  }
}
