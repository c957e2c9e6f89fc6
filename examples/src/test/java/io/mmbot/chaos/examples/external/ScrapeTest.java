package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapeTest {

  private static final Scrape SCRAPE =
      new Scrape(
          42,
          PromText.parse(
              String.join(
                  "\n",
                  "mm_bot_guard_active{app=\"a\",reason=\"STALE_BOOK\"} 1",
                  "mm_bot_guard_active{app=\"a\",reason=\"RECONCILE_PENDING\"} 0",
                  "mm_bot_guard_active{app=\"b\",reason=\"STALE_BOOK\"} 1",
                  "mm_bot_guard_active{app=\"a\"} 5",
                  "mm_tick_total_ms_bucket{app=\"a\",le=\"50.0\"} 3",
                  "mm_tick_total_ms_bucket{app=\"a\",le=\"+Inf\"} 4",
                  "mm_tick_total_ms_bucket{app=\"b\",le=\"50.0\"} 1",
                  "mm_tick_total_ms_bucket{app=\"b\",le=\"+Inf\"} 2",
                  "mm_tick_total_ms_count{app=\"a\"} 4",
                  "mm_tick_deadline_miss_total 7",
                  "")));

  @Test
  void valueMatchesTheLabelSetExactly() {
    assertThat(SCRAPE.value("mm_tick_deadline_miss_total", Map.of())).isEqualTo(7.0);
    assertThat(SCRAPE.value("mm_bot_guard_active", Map.of("app", "a", "reason", "STALE_BOOK")))
        .isEqualTo(1.0);
    assertThat(SCRAPE.value("mm_bot_guard_active", Map.of("reason", "STALE_BOOK"))).isNaN();
    assertThat(SCRAPE.value("absent", Map.of())).isNaN();
    assertThat(SCRAPE.atNanos()).isEqualTo(42);
  }

  @Test
  void sumAddsEveryLabelSetOrThoseThatIncludeAMatch() {
    assertThat(SCRAPE.sum("mm_bot_guard_active")).isEqualTo(7.0);
    assertThat(SCRAPE.sum("mm_bot_guard_active", Map.of("reason", "STALE_BOOK"))).isEqualTo(2.0);
    assertThat(SCRAPE.sum("mm_bot_guard_active", Map.of("reason", "NONE"))).isNaN();
    assertThat(SCRAPE.sum("absent")).isNaN();
  }

  @Test
  void byLabelSumsPerValueAndSkipsSamplesWithoutTheLabel() {
    assertThat(SCRAPE.byLabel("mm_bot_guard_active", "reason"))
        .containsExactly(Map.entry("STALE_BOOK", 2.0), Map.entry("RECONCILE_PENDING", 0.0));
    assertThat(SCRAPE.byLabel("absent", "reason")).isEmpty();
  }

  @Test
  void bucketsAreSummedOverTheOtherLabelsAndOrderedByBound() {
    assertThat(SCRAPE.buckets("mm_tick_total_ms"))
        .containsExactly(Map.entry(50.0, 4.0), Map.entry(Double.POSITIVE_INFINITY, 6.0));
    assertThat(SCRAPE.buckets("absent")).isEmpty();
    Scrape bad = new Scrape(0, PromText.parse("h_bucket{le=\"x\"} 1\n"));
    assertThatThrownBy(() -> bad.buckets("h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("h_bucket has a bucket with le=\"x\"");
    Scrape noLe = new Scrape(0, PromText.parse("h_bucket 1\n"));
    assertThatThrownBy(() -> noLe.buckets("h")).hasMessageContaining("without an le label");
  }

  @Test
  void hasKnowsAHistogramByItsSeriesButNotAPrefix() {
    assertThat(SCRAPE.has("mm_tick_total_ms")).isTrue();
    assertThat(SCRAPE.has("mm_tick_total_ms_count")).isTrue();
    assertThat(SCRAPE.has("mm_tick_deadline_miss_total")).isTrue();
    assertThat(SCRAPE.has("mm_tick")).isFalse();
    assertThat(SCRAPE.has("mm_tick_deadline_miss")).isFalse();
    assertThat(SCRAPE.has("mm_bot_guards_raised_total")).isFalse();
  }

  @Test
  void samplesAreACopy() {
    List<PromText.Sample> samples = new java.util.ArrayList<>(PromText.parse("a 1\n"));
    Scrape s = new Scrape(0, samples);
    samples.clear();
    assertThat(s.samples()).hasSize(1);
    assertThatThrownBy(() -> s.samples().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.samples().get(0).labels().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
