package io.mmbot.chaos.dns.internal;

import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;

/**
 * The DNS_FLAP rule that every host-lookup adapter applies (the JDK {@code HostResolver} decorator
 * and the OkHttp {@code Dns}): which names a flapping DNS server can fail, and how the failure
 * reads. An IP literal never goes to DNS, so it is never failed and draws no gate.
 */
public final class DnsFlapRule {

  private DnsFlapRule() {}

  /**
   * Whether the lookup of {@code host} fails: false for an IP literal (without drawing), else what
   * {@code gate} draws.
   */
  public static boolean strikes(String host, BooleanSupplier gate) {
    return !IpLiterals.isLiteral(host) && gate.getAsBoolean();
  }

  /** Whether {@code host} is an IP literal, which the JDK and OkHttp resolve without DNS. */
  public static boolean isIpLiteral(String host) {
    return IpLiterals.isLiteral(host);
  }

  /**
   * The failure of a struck lookup: the message the JDK gives on Linux for a name the DNS server
   * says does not exist (OkHttp's {@code Dns.SYSTEM} passes it on as it is).
   */
  public static UnknownHostException notFound(String host) {
    return new UnknownHostException(host + ": Name or service not known");
  }
}
