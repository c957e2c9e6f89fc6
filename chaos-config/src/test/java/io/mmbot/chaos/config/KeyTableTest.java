package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key of the table binds, reads back, and rejects a value just outside its range. */
class KeyTableTest {

  static Stream<KeyTable.Key> keys() {
    return KeyTable.keys().stream();
  }

  /** A document setting one key, in the block form its path calls for. */
  static String document(KeyTable.Key key, String value) {
    String[] parts = key.path().split("\\.");
    return parts.length == 1
        ? "chaos:\n  " + parts[0] + ": " + value + "\n"
        : "chaos:\n  " + parts[0] + ":\n    " + parts[1] + ": " + value + "\n";
  }

  /** An in-range value that differs from the default. */
  static Object nonDefault(KeyTable.Key key) {
    Object def = key.getter().apply(ChaosConfig.defaults());
    switch (key.type()) {
      case BOOLEAN:
        return !(Boolean) def;
      case TEXT:
        return "bot-eu-1";
      case INTEGER:
        if (key.min() == Long.MIN_VALUE) {
          return -1234567890123L;
        }
        long mid = (long) ((key.min() + key.max()) / 2);
        return Long.valueOf(mid).equals(def) ? mid + 1 : mid;
      default:
        double v = key.max() * 0.375;
        return v;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyKeyBindsAndReadsBack(KeyTable.Key key) {
    Object value = nonDefault(key);

    ChaosConfig c = ChaosConfigLoader.parse(document(key, String.valueOf(value)));

    Object read = key.getter().apply(c);
    if (read instanceof Integer) {
      read = ((Integer) read).longValue();
    }
    assertThat(read).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyKeyRejectsAValueOutsideItsRangeNamingItsPath(KeyTable.Key key) {
    String bad =
        key.type() == KeyTable.Type.BOOLEAN
            ? "2"
            : key.type() == KeyTable.Type.TEXT
                ? "x".repeat((int) key.max() + 1)
                : key.min() == Long.MIN_VALUE
                    ? "9223372036854775808"
                    : KeyTable.plain(key.max() + 1);

    ChaosConfigException e =
        catchThrowableOfType(
            ChaosConfigException.class, () -> ChaosConfigLoader.parse(document(key, bad)));

    assertThat(e).isNotNull();
    assertThat(e.keyPath()).isEqualTo(key.fullPath());
    assertThat(e.line()).isEqualTo(key.path().contains(".") ? 3 : 2);
    assertThat(e.getMessage()).contains(key.allowed());
  }

  @Test
  void everySeedFlatKeyIsInTheTable() {
    for (Scenario s : Scenario.values()) {
      assertThat(KeyTable.key(s.configKey())).as(s.configKey()).isNotNull();
    }
    for (String k : new String[] {"enabled", "dry_run", "burst_on_sec", "burst_off_sec"}) {
      assertThat(KeyTable.key(k)).as(k).isNotNull();
    }
  }

  @Test
  void everyScenarioHasAStructuredBlock() {
    for (Scenario s : Scenario.values()) {
      assertThat(KeyTable.isGroup(s.key())).as(s.key()).isTrue();
    }
  }

  @Test
  void suggestionsFindTyposCaseAndCamelCaseButNotUnrelatedWords() {
    var names = KeyTable.namesIn("");
    assertThat(Suggestions.nearest("net_los", names)).isEqualTo("net_loss");
    assertThat(Suggestions.nearest("NET_LOSS", names)).isEqualTo("net_loss");
    assertThat(Suggestions.nearest("burstOffSec", names)).isEqualTo("burst_off_sec");
    assertThat(Suggestions.nearest("dryrun", names)).isEqualTo("dry_run");
    assertThat(Suggestions.nearest("exch_492", names)).isEqualTo("exch_429");
    assertThat(Suggestions.nearest("colour", names)).isNull();
    assertThat(Suggestions.nearest("x".repeat(10_000), names)).isNull();
  }
}
