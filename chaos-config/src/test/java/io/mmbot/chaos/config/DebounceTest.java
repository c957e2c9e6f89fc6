package io.mmbot.chaos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The debounce in virtual time: quiet period, cap, and wrap-around of the time source. */
class DebounceTest {

  private static final long MS = 1_000_000L;

  @Test
  void settlesOnceQuietForTheDebounce() {
    Debounce d = new Debounce(250 * MS, 5_000 * MS);
    assertThat(d.due(0)).isFalse();
    assertThat(d.nanosUntilDue(0)).isEqualTo(Long.MAX_VALUE);

    d.changed(1_000 * MS);
    d.changed(1_100 * MS);

    assertThat(d.due(1_349 * MS)).isFalse();
    assertThat(d.nanosUntilDue(1_300 * MS)).isEqualTo(50 * MS);
    assertThat(d.due(1_350 * MS)).isTrue();
    d.clear();
    assertThat(d.pending()).isFalse();
    assertThat(d.due(9_999 * MS)).isFalse();
  }

  @Test
  void aFileThatKeepsChangingSettlesAtTheCap() {
    Debounce d = new Debounce(250 * MS, 5_000 * MS);
    long t = 0;
    for (; t < 5_000 * MS; t += 100 * MS) {
      d.changed(t);
      assertThat(d.due(t)).as("at %d ms", t / MS).isFalse();
    }
    assertThat(d.due(5_000 * MS)).isTrue();
    assertThat(d.nanosUntilDue(4_950 * MS)).isEqualTo(50 * MS);
  }

  @Test
  void worksAcrossWrapAroundOfTheTimeSource() {
    Debounce d = new Debounce(250 * MS, 5_000 * MS);
    long start = Long.MAX_VALUE - 100 * MS;

    d.changed(start);

    assertThat(d.due(start + 249 * MS)).isFalse();
    assertThat(d.due(start + 250 * MS)).isTrue();
  }

  @Test
  void rejectsACapShorterThanTheQuietPeriod() {
    assertThatThrownBy(() -> new Debounce(10, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
