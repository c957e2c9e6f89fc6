/**
 * What the suite needs to run a bot it did not write, as a separate process: its command line split
 * and filled in ({@link io.mmbot.chaos.examples.external.BotCommand}, {@link
 * io.mmbot.chaos.examples.external.BotEnv}), the process itself with readiness and a two-step stop
 * ({@link io.mmbot.chaos.examples.external.BotProcess}), its Prometheus metrics read ({@link
 * io.mmbot.chaos.examples.external.PromText}, {@link io.mmbot.chaos.examples.external.Scrape},
 * {@link io.mmbot.chaos.examples.external.MetricsPoller}), its own injector driven through its
 * control endpoint ({@link io.mmbot.chaos.examples.external.ControlClient}) and loopback ports and
 * tokens for each run ({@link io.mmbot.chaos.examples.external.Ports}). Only the JDK and Jackson.
 */
package io.mmbot.chaos.examples.external;
