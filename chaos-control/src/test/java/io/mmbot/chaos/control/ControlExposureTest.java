package io.mmbot.chaos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.testsupport.LogCapture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an operator must be told and what an attacker must not be able to write: a non-loopback bind
 * warns, a token no client can send is refused at start, request lines are logged escaped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlExposureTest {

  static final String TOKEN = ChaosControlServerTest.TOKEN;

  private final ChaosInjector injector = ChaosInjector.create(ChaosConfig.defaults());

  @Test
  void aTokenOutsideVisibleAsciiIsRefusedAtStartWithAClearMessage() {
    for (String bad : new String[] {"tökén-0123456789abcdef", "token-0123456789abcdef\u00a0x"}) {
      assertThatThrownBy(() -> ChaosControlServer.builder(injector).token(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ASCII");
    }
    Map<String, String> env = Map.of("T", "ñ-from-the-environment-123");
    assertThatThrownBy(
            () -> ChaosControlServer.builder(injector).environment(env::get).tokenFromEnv("T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII");
  }

  @Test
  void aNonLoopbackBindIsWarnedAbout() throws Exception {
    assertThat(ChaosControlServer.exposureWarning(InetAddress.getByName("0.0.0.0")))
        .contains("every interface")
        .contains("0.0.0.0");
    assertThat(ChaosControlServer.exposureWarning(InetAddress.getByName("::")))
        .contains("every interface");
    assertThat(ChaosControlServer.exposureWarning(InetAddress.getByName("192.0.2.10")))
        .contains("192.0.2.10")
        .contains("not a loopback");
    assertThat(ChaosControlServer.exposureWarning(InetAddress.getByName("127.0.0.1"))).isNull();
    assertThat(ChaosControlServer.exposureWarning(InetAddress.getByName("::1"))).isNull();
  }

  @Test
  void theWarningIsLoggedAtStartAndALoopbackBindLogsNone() throws Exception {
    try (LogCapture log = new LogCapture(ChaosControlServer.class);
        ChaosControlServer s =
            ChaosControlServer.builder(injector).token(TOKEN).bind("127.0.0.1").start()) {
      assertThat(log.messages()).noneMatch(m -> m.contains("loopback"));
      ChaosControlServer.warnIfExposed(InetAddress.getByName("0.0.0.0"), s.port());
      assertThat(log.at(java.util.logging.Level.WARNING))
          .anySatisfy(r -> assertThat(r.getMessage()).contains("every interface"));
    }
  }

  @Test
  void controlCharactersInAnUnauthenticatedRequestLineAreLoggedEscaped() throws Exception {
    try (ChaosControlServer s = ChaosControlServer.builder(injector).token(TOKEN).start();
        LogCapture log = new LogCapture(ChaosControlServer.class);
        Socket sock = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
      sock.setSoTimeout(10_000);
      OutputStream out = sock.getOutputStream();
      out.write(
          "PO\u001b[2J\u0007ST /chaos/\u00e9x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = sock.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 401");
      String line =
          log.messages().stream().filter(m -> m.contains("-> 401")).findFirst().orElseThrow();
      assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
      assertThat(line).contains("PO\\x1b[2J\\x07ST").contains("/chaos/\\xe9x");
    }
  }

  @Test
  void clientTextInTheResultOfALoggedRequestIsEscapedToo() throws Exception {
    try (ChaosControlServer s = ChaosControlServer.builder(injector).token(TOKEN).start();
        LogCapture log = new LogCapture(ChaosControlServer.class)) {
      ControlClient c = new ControlClient(s.port());
      c.post("/chaos/disable", TOKEN, "{\"\\u001b[2Jfake\\nline\": 1}");
      c.post("/chaos/enable", TOKEN, "{\"\\u001b]0;x\\u0007\": 1}");
      assertThat(log.messages()).hasSizeGreaterThanOrEqualTo(2);
      for (String m : log.messages()) {
        assertThat(m.chars()).as(m).allMatch(ch -> ch >= 0x20 && ch < 0x7f);
      }
      assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("\\x1b[2Jfake\\x0aline"));
    }
  }
}
