/**
 * Reads the {@code chaos:} block of the bot's {@code config.yaml} into a {@link
 * io.mmbot.chaos.ChaosConfig} ({@link io.mmbot.chaos.config.ChaosConfigLoader}) and keeps an
 * injector in step with the file ({@link io.mmbot.chaos.config.ChaosConfigWatcher}). Every bad
 * input is a {@link io.mmbot.chaos.config.ChaosConfigException} naming the key path, the line and
 * column, the bad value and what is allowed.
 */
package io.mmbot.chaos.config;
