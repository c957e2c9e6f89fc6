package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.GlobalChaos;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Enabling that something forbids is a 409 with the reason, never a 500, and changes nothing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EnableConflictTest {

  static final String TOKEN = ChaosControlServerTest.TOKEN;

  @Test
  void enableOnThePermanentlyOffGlobalDefaultIs409() throws Exception {
    GlobalChaos.reset();
    ChaosInjector global = GlobalChaos.get();
    try (ChaosControlServer s = ChaosControlServer.builder(global).token(TOKEN).start()) {
      HttpResponse<String> r = new ControlClient(s.port()).post("/chaos/enable", TOKEN, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      assertThat(json(r).get("error").asText()).contains("GlobalChaos.init");
      assertThat(json(r).get("enabled").asBoolean()).isFalse();
    }
    assertThat(global.enabled()).isFalse();
  }

  @Test
  void enableWhileAVetoHoldsIs409WithItsReasonAndAllowedOnceItIsLifted() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(ChaosConfig.builder().enabled(false).netLoss(0.3).build());
    AtomicReference<String> why = new AtomicReference<>("the watched config file says off");
    injector.addEnableVeto(why::get);
    try (ChaosControlServer s = ChaosControlServer.builder(injector).token(TOKEN).start()) {
      ControlClient c = new ControlClient(s.port());
      HttpResponse<String> r = c.post("/chaos/enable", TOKEN, null);
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(json(r).get("error").asText()).isEqualTo("the watched config file says off");
      assertThat(injector.enabled()).isFalse();
      why.set(null);
      assertThat(c.post("/chaos/enable", TOKEN, null).statusCode()).isEqualTo(200);
      assertThat(injector.enabled()).isTrue();
    }
  }

  @Test
  void aScenarioChangeOnEnabledChaosThatAVetoForbidsIs409() throws Exception {
    ChaosInjector injector =
        ChaosInjector.create(
            ChaosConfig.builder().enabled(true).dryRun(false).netLoss(0.3).burstOffSec(0).build());
    try (ChaosControlServer s = ChaosControlServer.builder(injector).token(TOKEN).start()) {
      injector.addEnableVeto(() -> "off by file");
      HttpResponse<String> r =
          new ControlClient(s.port())
              .post("/chaos/scenarios/net_loss", TOKEN, "{\"intensity\": 0.5}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      assertThat(injector.config().netLoss()).isEqualTo(0.3);
      // Disabling is never refused.
      injector.disable(ChaosReasons.MANUAL);
      assertThat(injector.enabled()).isFalse();
    }
  }
}
