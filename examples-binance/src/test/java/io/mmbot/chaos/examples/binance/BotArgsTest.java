package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BotArgsTest {

  private static final String[] BASE = {
    "--rest-url",
    "http://127.0.0.1:1",
    "--ws-url",
    "ws://127.0.0.1:2",
    "--api-key",
    "k",
    "--api-secret",
    "s",
    "--metrics-port",
    "9100"
  };

  @Test
  void theSuitesPlaceholdersParseIntoTheirFields() {
    BotArgs a =
        BotArgs.parse(
            concat(
                BASE,
                "--control-port",
                "9101",
                "--control-token",
                "t0123456789abcdef",
                "--run-dir",
                "/tmp/r",
                "--config",
                "c.yaml",
                "--naive"));
    assertThat(a.restUrl()).isEqualTo("http://127.0.0.1:1");
    assertThat(a.wsUrl()).isEqualTo("ws://127.0.0.1:2");
    assertThat(a.metricsPort()).isEqualTo(9100);
    assertThat(a.controlPort()).isEqualTo(9101);
    assertThat(a.controlToken()).isEqualTo("t0123456789abcdef");
    assertThat(a.runDir()).isEqualTo(Path.of("/tmp/r"));
    assertThat(a.config()).isEqualTo(Path.of("c.yaml"));
    assertThat(a.naive()).isTrue();
  }

  @Test
  void withoutControlPortNoEndpointIsServedAndTheBuildIsResilient() {
    BotArgs a = BotArgs.parse(BASE);
    assertThat(a.controlPort()).isEqualTo(-1);
    assertThat(a.naive()).isFalse();
    assertThat(a.config()).isNull();
  }

  @Test
  void aMissingRequiredFlagAnUnknownOneABadPortOrAPortWithoutTokenAreNamed() {
    assertThatThrownBy(() -> BotArgs.parse("--rest-url", "x"))
        .hasMessageContaining("--ws-url is required");
    assertThatThrownBy(() -> BotArgs.parse(concat(BASE, "--fast")))
        .hasMessageContaining("unknown argument --fast");
    assertThatThrownBy(() -> BotArgs.parse(concat(BASE, "--control-port", "70000")))
        .hasMessageContaining("--control-port must be a port");
    assertThatThrownBy(() -> BotArgs.parse(concat(BASE, "--control-port", "9101")))
        .hasMessageContaining("--control-port needs --control-token");
    assertThatThrownBy(() -> BotArgs.parse(concat(BASE, "--config")))
        .hasMessageContaining("--config needs a value");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
