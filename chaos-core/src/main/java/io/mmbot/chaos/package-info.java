/**
 * The mm-chaos injector: {@link io.mmbot.chaos.Scenario}, {@link io.mmbot.chaos.ChaosConfig} and
 * {@link io.mmbot.chaos.ChaosInjector}.
 */
package io.mmbot.chaos;
