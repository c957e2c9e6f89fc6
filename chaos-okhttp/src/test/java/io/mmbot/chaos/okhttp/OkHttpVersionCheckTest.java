package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The version check behind the start-time warning. The warning itself, on a real OkHttp 4.9.2
 * dragged in by binance-connector-java, is checked in a program of its own ({@code
 * DraggedOkHttpAgentIT} in chaos-agent).
 */
class OkHttpVersionCheckTest {

  @Test
  void readsTheVersionOfTheOkHttpOnTheClassPath() throws Exception {
    // Read reflectively: javac would copy the constant of the OkHttp compiled against (4.12.0)
    // into this class, and the same test also runs on OkHttp 5.
    Object running = okhttp3.OkHttp.class.getField("VERSION").get(null);
    assertThat(OkHttpVersionCheck.runtimeVersion()).isEqualTo(running).matches("[45]\\..*");
  }

  @Test
  void theTestedRangeStartsAt412AndIncludes5() {
    assertThat(OkHttpVersionCheck.isTested("4.12.0")).isTrue();
    assertThat(OkHttpVersionCheck.isTested("4.12.1")).isTrue();
    assertThat(OkHttpVersionCheck.isTested("5.0.0-alpha.14")).isTrue();
    assertThat(OkHttpVersionCheck.isTested("5.5.1")).isTrue();
    assertThat(OkHttpVersionCheck.isTested("4.11.0")).isFalse();
    assertThat(OkHttpVersionCheck.isTested("4.9.2")).isFalse();
    assertThat(OkHttpVersionCheck.isTested("3.14.9")).isFalse();
  }

  @Test
  void anUnreadableVersionCountsAsTested() {
    assertThat(OkHttpVersionCheck.isTested(null)).isTrue();
    assertThat(OkHttpVersionCheck.isTested("unknown")).isTrue();
  }

  @Test
  void theOkHttpOfThisBuildGivesNoWarning() {
    assertThat(OkHttpVersionCheck.warnIfUnsupported()).isFalse();
  }
}
