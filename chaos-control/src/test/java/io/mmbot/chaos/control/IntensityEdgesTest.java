package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Intensities at the edges of what a number holds: one beyond a double's range, or beyond a long of
 * milliseconds, is out of range (not "must be a whole number"); negative zero is refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IntensityEdgesTest {

  static final String TOKEN = ChaosControlServerTest.TOKEN;

  private static String error(ControlClient c, String key, String intensity) throws Exception {
    HttpResponse<String> r =
        c.post("/chaos/scenarios/" + key, TOKEN, "{\"intensity\": " + intensity + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("intensity");
    return json(r).get("error").asText();
  }

  @Test
  void anIntensityBeyondItsTypeIsOutOfRangeAndNegativeZeroIsRefused() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(false).netLoss(0.3).latSpikeMs(200).build());
    try (ChaosControlServer s = ChaosControlServer.builder(injector).token(TOKEN).start()) {
      ControlClient c = new ControlClient(s.port());
      assertThat(error(c, "lat_spike", "1e400"))
          .contains("out of range")
          .contains("[0, 60000]")
          .doesNotContain("whole number of milliseconds,")
          .doesNotContain("Infinity must");
      assertThat(error(c, "clock_skew", "1e13")).contains("out of range").contains("3600000");
      assertThat(error(c, "ws_lag", "-1e400")).contains("out of range");
      assertThat(error(c, "net_loss", "1e400")).contains("out of range").contains("[0, 1]");
      assertThat(error(c, "net_loss", "-0.0")).contains("out of range");
      assertThat(error(c, "lat_spike", "2.5")).contains("whole number");
    }
    assertThat(injector.config().netLoss()).isEqualTo(0.3);
    assertThat(injector.config().latSpikeMs()).isEqualTo(200);
  }
}
