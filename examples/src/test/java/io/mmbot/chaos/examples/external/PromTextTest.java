package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromTextTest {

  @Test
  void parsesWhatAMicrometerPrometheusRegistryServes() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DistributionSummary tick =
        DistributionSummary.builder("mm.tick.total")
            .baseUnit("ms")
            .description("tick duration")
            .serviceLevelObjectives(50, 100, 250)
            .register(registry);
    tick.record(30);
    tick.record(120);
    tick.record(400);
    Counter.builder("mm.reconnect.attempts")
        .description("reconnects")
        .tag("kind", "ws")
        .register(registry)
        .increment(3);
    Counter.builder("mm.reconnect.attempts")
        .description("reconnects")
        .tag("kind", "rest")
        .register(registry)
        .increment();
    AtomicInteger guard = new AtomicInteger(1);
    Gauge.builder("mm.bot.guard.active", guard, AtomicInteger::get)
        .description("guards")
        .tag("reason", "STALE_BOOK")
        .register(registry);
    Counter.builder("odd").description("escapes").tag("v", "a\"b\\c\nd").register(registry);

    Scrape s = new Scrape(0, PromText.parse(registry.scrape()));

    assertThat(s.has("mm_tick_total_ms")).isTrue();
    assertThat(s.value("mm_tick_total_ms_count", Map.of())).isEqualTo(3.0);
    assertThat(s.value("mm_tick_total_ms_sum", Map.of())).isEqualTo(550.0);
    NavigableMap<Double, Double> buckets = s.buckets("mm_tick_total_ms");
    assertThat(buckets)
        .containsEntry(50.0, 1.0)
        .containsEntry(100.0, 1.0)
        .containsEntry(250.0, 2.0)
        .containsEntry(Double.POSITIVE_INFINITY, 3.0);
    assertThat(s.value("mm_tick_total_ms_bucket", Map.of("le", "+Inf"))).isEqualTo(3.0);
    assertThat(s.byLabel("mm_reconnect_attempts_total", "kind"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ws", 3.0, "rest", 1.0));
    assertThat(s.sum("mm_reconnect_attempts_total")).isEqualTo(4.0);
    assertThat(s.value("mm_bot_guard_active", Map.of("reason", "STALE_BOOK"))).isEqualTo(1.0);
    assertThat(s.value("odd_total", Map.of("v", "a\"b\\c\nd"))).isEqualTo(0.0);
  }

  @Test
  void readsCommentsTypesLabelsSpecialValuesAndTimestamps() {
    String text =
        String.join(
            "\n",
            "# a free comment",
            "#no space either",
            "# HELP x_total Help with \\\\ and \\n escapes.",
            "# TYPE x_total counter",
            "x_total{a=\"1\",b=\"two words\",} 5 1700000000000",
            "",
            "  y\t+Inf",
            "z -Inf -5",
            "w NaN",
            "v{ a = \"\" } 1.5e-3",
            "u:rate:5m 2\r",
            "t{} -0.5",
            "");
    List<PromText.Sample> samples = PromText.parse(text);
    assertThat(samples)
        .extracting(PromText.Sample::name)
        .containsExactly("x_total", "y", "z", "w", "v", "u:rate:5m", "t");
    assertThat(samples.get(0).labels())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "two words"));
    assertThat(samples.get(0).value()).isEqualTo(5.0);
    assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(samples.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(samples.get(3).value()).isNaN();
    assertThat(samples.get(4).labels()).containsExactly(Map.entry("a", ""));
    assertThat(samples.get(4).value()).isEqualTo(0.0015);
    assertThat(samples.get(5).value()).isEqualTo(2.0);
    assertThat(samples.get(6).value()).isEqualTo(-0.5);
  }

  @Test
  void unescapesLabelValues() {
    PromText.Sample s = PromText.parse("m{p=\"C:\\\\dir\\\\\\\"q\\\"\\nnext\"} 1").get(0);
    assertThat(s.labels().get("p")).isEqualTo("C:\\dir\\\"q\"\nnext");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "m                       | expected a space and a value after m",
        "m                       | line 2:",
        "'m '                    | missing value",
        "m abc                   | value 'abc' is not a number",
        "m 0x10                  | value '0x10' is not a number",
        "m 1d                    | value '1d' is not a number",
        "m 1 12.5                | timestamp '12.5' is not an integer",
        "m 1 2 3                 | unexpected text after the timestamp",
        "1m 1                    | expected a metric name at column 1",
        "m{a=\"1\" 1             | expected ',' or '}' after the value of label a",
        "m{a=1} 1                | expected '\"' opening the value of label a",
        "m{a} 1                  | expected '=' after label a",
        "m{a=\"x\\t\"} 1         | invalid escape \\t in the value of label a",
        "m{a=\"x} 1              | the value of label a is not closed",
        "m{a=\"1\",a=\"2\"} 1    | label a appears twice",
        "m{1a=\"1\"} 1           | expected a label name",
        "m{a:b=\"1\"} 1          | expected '=' after label a",
        "# TYPE m countr         | # TYPE m has an unknown type 'countr'",
        "# TYPE m                | # TYPE m without a type",
        "# HELP                  | # HELP without a metric name",
        "# TYPE 9m counter       | expected a metric name in # TYPE",
      })
  void refusesABadLineNamingItsNumber(String line, String message) {
    String text = "ok 1\n" + line + "\nok 2\n";
    assertThatThrownBy(() -> PromText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2: ")
        .hasMessageContaining(message);
  }

  @Test
  void anEmptyPageHasNoSamples() {
    assertThat(PromText.parse("")).isEmpty();
    assertThat(PromText.parse("\n# only comments\n\n")).isEmpty();
  }
}
