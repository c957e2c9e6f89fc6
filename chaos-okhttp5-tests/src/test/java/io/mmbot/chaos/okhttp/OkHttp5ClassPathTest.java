package io.mmbot.chaos.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import io.mmbot.chaos.okhttp.testing.MockWebServer3;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** This module's run of the adapter's tests is on OkHttp 5, not on the 4.12 it was compiled for. */
class OkHttp5ClassPathTest {

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }

  @Test
  void theAdapterRunsOnOkHttp5AndMockWebServer3() throws Exception {
    assertThat(jarOf(OkHttpClient.class)).contains("okhttp-jvm-5.");
    assertThat(jarOf(ChaosOkHttp.class)).contains("chaos-okhttp");
    assertThat(jarOf(Class.forName("mockwebserver3.MockWebServer"))).contains("mockwebserver3-5.");
    assertThat(jarOf(okio.ByteString.class)).contains("okio-jvm-3.18");
  }

  @Test
  void theLoopbackServerOfTheSharedTestsIsTheMockWebServer3Binding() {
    try (LoopbackServer server = LoopbackServer.start()) {
      assertThat(server).isInstanceOf(MockWebServer3.class);
      assertThat(server.port()).isPositive();
    }
  }
}
