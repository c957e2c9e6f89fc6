package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void aFreePortIsFreeUntilSomethingListensOnIt() throws Exception {
    int port = Ports.freePort();
    assertThat(port).isBetween(1, 65_535);
    assertThat(Ports.isFree(port)).isTrue();
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(Ports.isFree(port)).isFalse();
    }
    assertThat(Ports.isFree(port)).isTrue();
  }

  @Test
  void aPortHeldOnEveryInterfaceIsNotFree() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      assertThat(Ports.isFree(s.getLocalPort())).isFalse();
    }
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> Ports.isFree(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ports.isFree(65_536)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensAre32HexDigitsAndDiffer() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String t = Ports.token();
      assertThat(t).matches("[0-9a-f]{32}");
      tokens.add(t);
    }
    assertThat(tokens).hasSize(100);
  }

  @Test
  void aChosenPortIsOutsideTheRangeTheSystemHandsToClientSockets() {
    int[] range = Ports.ephemeralRange();
    for (int i = 0; i < 50; i++) {
      int port = Ports.freePort();
      assertThat(port < range[0] || port > range[1])
          .as("port %d against the system's ephemeral range %d..%d", port, range[0], range[1])
          .isTrue();
    }
  }

  @Test
  void noPortIsHandedOutTwiceInARow() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(seen.add(Ports.freePort())).isTrue();
    }
  }
}
