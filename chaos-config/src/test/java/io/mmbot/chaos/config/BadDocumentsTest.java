package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad documents, each with the key path, line and a fragment of the explanation its error must
 * carry. The count of cases is quoted in docs/configuration.md and checked there.
 */
class BadDocumentsTest {

  /** One bad document: the bytes are the UTF-8 of {@code yaml} unless {@code bytes} is given. */
  record Case(String name, String yaml, byte[] bytes, String key, int line, String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Case> CASES = cases();

  private static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    add(
        c,
        "probability above 1",
        "chaos:\n  net_loss: 1.5\n",
        "chaos.net_loss",
        2,
        "\"1.5\" is out of range, must be a finite number in [0, 1]");
    add(
        c,
        "negative probability",
        "chaos:\n  enabled: true\n  exch_429: -0.1\n",
        "chaos.exch_429",
        3,
        "out of range");
    add(
        c,
        "negative zero probability",
        "chaos:\n  net_loss: -0.0\n",
        "chaos.net_loss",
        2,
        "\"-0.0\" is out of range, must be a finite number in [0, 1]");
    add(c, "NaN probability", "chaos:\n  dns_flap: .nan\n", "chaos.dns_flap", 2, "not finite");
    add(c, "infinite probability", "chaos:\n  exch_5xx: .inf\n", "chaos.exch_5xx", 2, "not finite");
    add(
        c,
        "negative infinity rate",
        "chaos:\n  ws_disconnect: -.inf\n",
        "chaos.ws_disconnect",
        2,
        "not finite");
    add(
        c,
        "text where a number belongs",
        "chaos:\n  net_loss: lots\n",
        "chaos.net_loss",
        2,
        "got the text \"lots\"");
    add(
        c,
        "quoted number",
        "chaos:\n  net_loss: \"0.3\"\n",
        "chaos.net_loss",
        2,
        "remove the quotes");
    add(
        c,
        "list where a number belongs",
        "chaos:\n  reconcile_mismatch: [0.1]\n",
        "chaos.reconcile_mismatch",
        2,
        "got a list");
    add(
        c,
        "empty value",
        "chaos:\n  rate_limit_storm:\n  net_loss: 0.1\n",
        "chaos.rate_limit_storm",
        2,
        "got nothing");
    add(
        c,
        "negative milliseconds",
        "chaos:\n  lat_spike_ms: -5\n",
        "chaos.lat_spike_ms",
        2,
        "in [0, 60000] ms");
    add(
        c,
        "absurd magnitude",
        "chaos:\n  ws_lag_ms: 99999999999\n",
        "chaos.ws_lag_ms",
        2,
        "out of range");
    add(
        c,
        "hundred-digit magnitude",
        "chaos:\n  clock_skew_ms: 1" + "0".repeat(100) + "\n",
        "chaos.clock_skew_ms",
        2,
        "out of range");
    add(
        c,
        "fractional milliseconds",
        "chaos:\n  ws_lag_ms: 150.5\n",
        "chaos.ws_lag_ms",
        2,
        "not a whole number");
    add(
        c,
        "hexadecimal seconds",
        "chaos:\n  burst_on_sec: 0x1E\n",
        "chaos.burst_on_sec",
        2,
        "whole number");
    add(
        c,
        "typo in a key",
        "chaos:\n  enabled: true\n  net_los: 0.3\n",
        "chaos.net_los",
        3,
        "did you mean `net_loss`?");
    add(
        c,
        "camelCase key",
        "chaos:\n  latSpikeMs: 200\n",
        "chaos.latSpikeMs",
        2,
        "did you mean `lat_spike_ms`?");
    add(
        c,
        "unrelated key",
        "chaos:\n  colour: red\n",
        "chaos.colour",
        2,
        "known keys here: enabled, dry_run");
    add(
        c,
        "yes as a boolean",
        "chaos:\n  enabled: yes\n",
        "chaos.enabled",
        2,
        "must be true or false");
    add(
        c,
        "number as a boolean",
        "chaos:\n  dry_run: 1\n",
        "chaos.dry_run",
        2,
        "must be true or false");
    add(c, "empty document", "", "(document)", 1, "empty");
    add(c, "comments only", "# chaos: everything was here\n\n", "(document)", 1, "empty");
    add(c, "list as the root", "- chaos\n- net_loss\n", "(document)", 1, "must be a mapping");
    add(c, "scalar as the root", "chaos enabled\n", "(document)", 1, "must be a mapping");
    add(c, "chaos is a scalar", "exchange: x\nchaos: on\n", "chaos", 2, "must be a mapping");
    add(c, "chaos is empty", "chaos:\nexchange: x\n", "chaos", 1, "got nothing");
    add(c, "chaos is a list", "chaos:\n  - net_loss: 0.3\n", "chaos", 2, "got a list");
    add(c, "tab indentation", "chaos:\n  enabled: true\n\tnet_loss: 0.3\n", "chaos", 3, "tab");
    add(
        c,
        "control characters",
        "chaos:\n  net_loss: \u0000\u0001\n",
        "chaos.net_loss",
        2,
        "U+0000");
    add(
        c,
        "duplicate key",
        "chaos:\n  net_loss: 0.1\n  net_loss: 0.9\n",
        "chaos.net_loss",
        3,
        "duplicate key; it is already set at line 2");
    add(
        c,
        "duplicate chaos block",
        "chaos:\n  enabled: true\nx: 1\nchaos:\n  enabled: false\n",
        "chaos",
        4,
        "duplicate key");
    add(
        c,
        "duplicate key in a block",
        "chaos:\n  lat_spike:\n    probability: 0.1\n    probability: 0.2\n",
        "chaos.lat_spike.probability",
        4,
        "duplicate");
    add(
        c,
        "structured key given a scalar",
        "chaos:\n  lat_spike: 200\n",
        "chaos.lat_spike",
        2,
        "for the flat form write lat_spike_ms");
    add(
        c,
        "typo in a structured block",
        "chaos:\n  net_loss: {probabilty: 0.3}\n",
        "chaos.net_loss.probabilty",
        2,
        "did you mean `probability`?");
    add(
        c,
        "zero-length waves",
        "chaos:\n  exch_429:\n    probability: 0.2\n    wave_calls: 0\n",
        "chaos.exch_429.wave_calls",
        4,
        "[1, 100000] calls");
    add(
        c,
        "typo in rollback",
        "chaos:\n  rollback:\n    p95_window_sec: 60\n",
        "chaos.rollback.p95_window_sec",
        3,
        "did you mean `p95_tick_window_sec`?");
    add(
        c,
        "zero rollback window",
        "chaos:\n  rollback:\n    deadline_miss_window_sec: 0\n",
        "chaos.rollback.deadline_miss_window_sec",
        3,
        "[1, 86400] s");
    add(
        c,
        "traffic above 100 percent",
        "chaos:\n  traffic_pct: 150\n",
        "chaos.traffic_pct",
        2,
        "[0, 100] %");
    add(
        c,
        "burst that is never on",
        "chaos:\n  burst_off_sec: 90\n  burst_on_sec: 0\n",
        "chaos.burst_on_sec",
        3,
        "would never be active");
    add(
        c,
        "flat and structured forms",
        "chaos:\n  ws_lag:\n    magnitude_ms: 100\n  ws_lag_ms: 150\n",
        "chaos.ws_lag_ms",
        4,
        "not both");
    add(c, "local tag", "chaos:\n  net_loss: !pct 30\n", "chaos.net_loss", 2, "tag");
    add(
        c,
        "global tag",
        "chaos:\n  net_loss: !!javax.script.ScriptEngineManager [x]\n",
        "chaos.net_loss",
        2,
        "tag");
    add(
        c,
        "merge key in chaos",
        "base: &b {net_loss: 0.1}\nchaos:\n  <<: *b\n",
        "chaos.<<",
        3,
        "merge keys");
    add(
        c,
        "two documents",
        "chaos: {enabled: true}\n---\nchaos: {enabled: false}\n",
        "(document)",
        2,
        "more than one document");
    add(
        c,
        "unclosed flow mapping",
        "chaos: {enabled: true, net_loss: 0.3\nother: 1\n",
        "chaos.net_loss",
        2,
        "invalid YAML");
    add(
        c,
        "leading zero read as octal elsewhere",
        "chaos:\n  burst_on_sec: 030\n",
        "chaos.burst_on_sec",
        2,
        "octal in YAML 1.1");
    add(c, "empty key", "chaos:\n  '': {enabled: true}\n", "chaos.\"\"", 2, "unknown key");
    add(c, "number as a key", "chaos:\n  1: 2\n", "chaos", 2, "keys must be plain names");
    add(
        c,
        "seed beyond 64 bits",
        "chaos:\n  seed: 99999999999999999999\n",
        "chaos.seed",
        2,
        "out of range");
    add(c, "fractional seed", "chaos:\n  seed: 1.5\n", "chaos.seed", 2, "not a whole number");
    add(
        c,
        "ridiculously long key",
        "chaos:\n  " + "k".repeat(500) + ": 1\n",
        "chaos." + "k".repeat(40) + "…",
        2,
        "unknown key");
    bytes(
        c,
        "invalid UTF-8 byte",
        "chaos:\n  net_loss: 0.3\n  dns_flap: ",
        new byte[] {(byte) 0xFF, '\n'},
        "chaos.dns_flap",
        3,
        "not valid UTF-8");
    bytes(
        c,
        "Latin-1 text",
        "chaos:\n  enabled: true\n# caf",
        new byte[] {(byte) 0xE9, '\n'},
        "chaos",
        3,
        "byte 0xE9");
    bytes(
        c,
        "UTF-16 file",
        "",
        "\uFEFFchaos: {}".getBytes(StandardCharsets.UTF_16LE),
        "(document)",
        1,
        "not valid UTF-8");
    return List.copyOf(c);
  }

  private static void add(
      List<Case> c, String name, String yaml, String key, int line, String fragment) {
    c.add(new Case(name, yaml, null, key, line, fragment));
  }

  private static void bytes(
      List<Case> c,
      String name,
      String prefix,
      byte[] tail,
      String key,
      int line,
      String fragment) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[p.length + tail.length];
    System.arraycopy(p, 0, all, 0, p.length);
    System.arraycopy(tail, 0, all, p.length, tail.length);
    c.add(new Case(name, null, all, key, line, fragment));
  }

  static Stream<Case> cases$() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases$")
  void rejectsBadDocumentNamingKeyLineAndWhatIsAllowed(Case bad) {
    Throwable thrown =
        catchThrowable(
            () -> {
              if (bad.bytes() != null) {
                ChaosConfigLoader.fromBytes(bad.bytes());
              } else {
                ChaosConfigLoader.parse(bad.yaml());
              }
            });

    assertThat(thrown).isInstanceOf(ChaosConfigException.class);
    ChaosConfigException e = (ChaosConfigException) thrown;
    assertThat(e.keyPath()).as(e.getMessage()).isEqualTo(bad.key());
    assertThat(e.line()).as(e.getMessage()).isEqualTo(bad.line());
    assertThat(e.column()).as(e.getMessage()).isPositive();
    assertThat(e.getMessage())
        .startsWith(bad.key() + " at " + bad.line() + ":" + e.column() + ": ")
        .contains(bad.fragment());
    assertThat(e.getCause()).isNull();
  }

  @Test
  void probabilityErrorCarriesLineAndColumnOfTheValue() {
    ChaosConfigException e =
        (ChaosConfigException)
            catchThrowable(() -> ChaosConfigLoader.parse("x: 1\nbot: 2\nchaos:\n  net_loss: 2\n"));

    assertThat(e.getMessage())
        .isEqualTo(
            "chaos.net_loss at 4:13: \"2\" is out of range, must be a finite number in [0, 1]");
  }
}
