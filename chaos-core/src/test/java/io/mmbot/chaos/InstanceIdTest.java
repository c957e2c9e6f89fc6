package io.mmbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbot.chaos.time.VirtualTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The instance id behind {@code instance_pct} is stable across restarts: the {@code instance_id}
 * config key, else the id the code passes, else {@code MM_CHAOS_INSTANCE_ID}, else the host name;
 * never a process id.
 */
class InstanceIdTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void theDefaultIdIsTheSameForEveryProcessOnTheHostAndHoldsNoProcessId() {
    String id = ChaosInjector.create(ChaosConfig.defaults()).instanceId();

    assertThat(id).doesNotContain(Long.toString(ProcessHandle.current().pid())).isNotBlank();
    assertThat(ChaosInjector.create(ChaosConfig.defaults()).instanceId()).isEqualTo(id);
  }

  @Test
  void theHostNameIsTheLastResort() {
    assertThat(InstanceIds.resolve("", null, NO_ENV::get, () -> "bot-host-7"))
        .isEqualTo("bot-host-7");
    assertThat(InstanceIds.resolve("", null, NO_ENV::get, () -> " ")).isEqualTo("localhost");
    assertThat(
            InstanceIds.resolve(
                "",
                null,
                NO_ENV::get,
                () -> {
                  throw new IllegalStateException("no resolver");
                }))
        .isEqualTo("localhost");
  }

  @Test
  void theEnvironmentVariableWinsOverTheHostName() {
    Map<String, String> env = Map.of(InstanceIds.ENV_VAR, " pod-eu-3 ");

    assertThat(InstanceIds.resolve("", null, env::get, () -> "bot-host-7")).isEqualTo("pod-eu-3");
  }

  @Test
  void anIdPassedByTheCodeWinsOverTheEnvironment() {
    Map<String, String> env = Map.of(InstanceIds.ENV_VAR, "pod-eu-3");

    assertThat(InstanceIds.resolve("", "mm-bot-a", env::get, () -> "h")).isEqualTo("mm-bot-a");
  }

  @Test
  void theConfigKeyWinsOverEverything() {
    Map<String, String> env = Map.of(InstanceIds.ENV_VAR, "pod-eu-3");

    assertThat(InstanceIds.resolve("maker-2", "mm-bot-a", env::get, () -> "h"))
        .isEqualTo("maker-2");
  }

  @Test
  void theConfigKeyDecidesTheSelectionAndARestartWithTheSameKeyKeepsIt() {
    VirtualTime clock = new VirtualTime();
    int selected = 0;
    for (int i = 0; i < 200; i++) {
      ChaosConfig c =
          ChaosConfig.builder().enabled(true).instancePct(50).instanceId("maker-" + i).build();
      ChaosInjector first = ChaosInjector.builder().config(c).nanoClock(clock).build();
      ChaosInjector restarted =
          ChaosInjector.builder().config(c).nanoClock(clock).instanceId("other").build();

      assertThat(first.instanceId()).isEqualTo("maker-" + i);
      assertThat(restarted.instanceSelected()).isEqualTo(first.instanceSelected());
      selected += first.instanceSelected() ? 1 : 0;
    }
    // 200 ids at 50 %: 6-sigma bounds of a binomial(200, 0.5) are 100 +- 43.
    assertThat(selected).isBetween(57, 143);
  }

  @Test
  void anUpdateThatChangesTheConfigKeyChangesTheId() {
    ChaosInjector injector =
        ChaosInjector.builder().nanoClock(new VirtualTime()).instanceId("code-id").build();
    assertThat(injector.instanceId()).isEqualTo("code-id");

    injector.update(ChaosConfig.builder().instanceId("maker-9").build());

    assertThat(injector.instanceId()).isEqualTo("maker-9");
  }

  @Test
  void theConfigKeyIsCheckedWhenBuilt() {
    assertThatThrownBy(() -> ChaosConfig.builder().instanceId(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chaos.instance_id");
    assertThatThrownBy(() -> ChaosConfig.builder().instanceId("x".repeat(129)).build())
        .hasMessageContaining("chaos.instance_id");
    assertThatThrownBy(() -> ChaosConfig.builder().instanceId("a\nb").build())
        .hasMessageContaining("control character");
    assertThat(ChaosConfig.builder().instanceId("x".repeat(128)).build().instanceId()).hasSize(128);
    assertThat(ChaosConfig.defaults().instanceId()).isEmpty();
  }
}
