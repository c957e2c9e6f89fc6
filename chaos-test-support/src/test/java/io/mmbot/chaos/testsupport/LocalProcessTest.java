package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {

  @TempDir Path dir;

  @Test
  void aProcessThatExitsBeforeItIsReadyFailsTheStartWithTheEndOfItsLog() throws Exception {
    int port = LocalProcess.freePort();
    List<String> command = List.of("/bin/sh", "-c", "echo starting; echo bad flag; exit 3");

    assertThatThrownBy(() -> LocalProcess.start("fake", command, dir, port, Duration.ofSeconds(20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fake exited early")
        .hasMessageContaining("bad flag");
    assertThat(dir.resolve("fake.log")).content().contains("starting");
  }

  @Test
  void freePortIsALoopbackPortThatCanBeBound() throws Exception {
    int port = LocalProcess.freePort();

    assertThat(port).isBetween(1, 65_535);
    try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }
}
