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
 * before the bot binds it (the bot then fails to start, and its run says so).
 */
public final class Ports {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ports() {}

  /** A port nothing listens on at 127.0.0.1 now, chosen by the system. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
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
