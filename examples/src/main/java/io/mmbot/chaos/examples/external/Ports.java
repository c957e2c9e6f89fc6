package io.mmbot.chaos.examples.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Loopback ports and control tokens for a bot's run.
 *
 * <p>A port from {@link #freePort()} is free when chosen, not reserved: another process may take it
 * before the bot binds it (the bot then fails to start, and its run says so). Choosing it outside
 * the system's ephemeral range keeps the suite's own client connections and port-0 servers off it.
 */
public final class Ports {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ports() {}

  /** Ports handed out lately, never handed out again while they are in here. */
  private static final int RECENT = 1_024;

  private static final java.util.ArrayDeque<Integer> recent = new java.util.ArrayDeque<>();
  private static final java.util.Set<Integer> recentSet = new java.util.HashSet<>();

  /**
   * A port nothing listens on at 127.0.0.1 now, chosen at random below the system's ephemeral range
   * (where the system picks client sockets' local ports and servers' port 0, so a port chosen there
   * could be taken by any outgoing connection before the bot binds it), and not one of the last
   * {@value #RECENT} ports handed out (parallel runs get different ports).
   */
  public static int freePort() {
    int[] range = ephemeralRange();
    int low = 10_000;
    int high = range[0] - 1;
    if (high - low < 2 * RECENT) {
      low = range[1] + 1;
      high = 65_535;
    }
    synchronized (recent) {
      for (int attempt = 0; attempt < 10_000; attempt++) {
        int port = low + RANDOM.nextInt(high - low + 1);
        if (!recentSet.contains(port) && isFree(port)) {
          recent.addLast(port);
          recentSet.add(port);
          if (recent.size() > RECENT) {
            recentSet.remove(recent.removeFirst());
          }
          return port;
        }
      }
    }
    throw new UncheckedIOException(
        new IOException("no free loopback port in " + low + ".." + high + " after 10000 tries"));
  }

  /**
   * The range the system takes ephemeral ports from ({@code /proc/sys/net/ipv4/ip_local_port_range}
   * on Linux; 32768..60999 when it cannot be read).
   */
  static int[] ephemeralRange() {
    try {
      String[] parts =
          java.nio.file.Files.readString(
                  java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
              .trim()
              .split("\\s+");
      int lo = Integer.parseInt(parts[0]);
      int hi = Integer.parseInt(parts[1]);
      if (lo > 0 && hi <= 65_535 && lo <= hi) {
        return new int[] {lo, hi};
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or an unreadable value: the common default
    }
    return new int[] {32_768, 60_999};
  }

  /**
   * True if a server could bind 127.0.0.1:{@code port} now (as servers do, with {@code
   * SO_REUSEADDR}, so connections still in {@code TIME_WAIT} do not count as taking it).
   */
  public static boolean isFree(int port) {
    if (port <= 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 1..65535, was " + port);
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A random control token: 32 hexadecimal digits (128 bits from {@link SecureRandom}). */
  public static String token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
