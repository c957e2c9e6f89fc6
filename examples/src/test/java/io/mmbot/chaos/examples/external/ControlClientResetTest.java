package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A control call whose connection is reset before any answer arrives is sent once more (enable,
 * disable and setting an intensity are idempotent), so one lost connection does not fail a run; a
 * second reset fails the call.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlClientResetTest {

  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
          + "Connection: close\r\n\r\n{}";

  /** Serves {@code connections} connections: the first {@code resets} are reset, the rest 200. */
  private static int serve(ServerSocket server, int connections, int resets, AtomicInteger seen) {
    Thread t =
        new Thread(
            () -> {
              for (int i = 0; i < connections; i++) {
                try (Socket s = server.accept()) {
                  seen.incrementAndGet();
                  readHead(s.getInputStream());
                  if (i < resets) {
                    s.setSoLinger(true, 0); // close with RST
                  } else {
                    OutputStream out = s.getOutputStream();
                    out.write(OK.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                } catch (IOException e) {
                  return;
                }
              }
            },
            "reset-server");
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Test
  void oneResetConnectionIsRetriedOnce() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      AtomicInteger seen = new AtomicInteger();
      int port = serve(server, 2, 1, seen);
      ControlClient client =
          new ControlClient(
              URI.create("http://127.0.0.1:" + port), Ports.token(), Duration.ofSeconds(5));
      client.disable("BURST_END");
      assertThat(seen.get()).isEqualTo(2);
    }
  }

  @Test
  void twoResetsInARowFailTheCall() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      AtomicInteger seen = new AtomicInteger();
      int port = serve(server, 3, 3, seen);
      ControlClient client =
          new ControlClient(
              URI.create("http://127.0.0.1:" + port), Ports.token(), Duration.ofSeconds(5));
      assertThatThrownBy(client::enable)
          .isInstanceOf(ControlException.class)
          .hasMessageContaining("did not answer POST /chaos/enable");
      assertThat(seen.get()).isEqualTo(2);
    }
  }
}
