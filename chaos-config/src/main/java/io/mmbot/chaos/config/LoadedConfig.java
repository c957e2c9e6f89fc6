package io.mmbot.chaos.config;

import io.mmbot.chaos.ChaosConfig;
import java.util.List;
import java.util.Objects;

/**
 * A configuration as read, with the warnings about it: what {@link
 * ChaosConfigLoader#loadWithWarnings} and {@link ChaosConfigLoader#parseWithWarnings} return.
 * Immutable.
 *
 * @param config the configuration bound from the {@code chaos:} block
 * @param warnings what looks unintended in the document (see {@link ConfigWarning}); empty when
 *     nothing does
 */
public record LoadedConfig(ChaosConfig config, List<ConfigWarning> warnings) {

  /** Checks the parts and copies the list. */
  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }

  /** Whether there is at least one warning. */
  public boolean hasWarnings() {
    return !warnings.isEmpty();
  }
}
