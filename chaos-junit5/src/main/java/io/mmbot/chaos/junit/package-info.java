/**
 * JUnit Jupiter support for connector tests: {@link io.mmbot.chaos.junit.ChaosExtension}, the
 * annotations {@link io.mmbot.chaos.junit.ChaosTest}, {@link io.mmbot.chaos.junit.Chaos} and {@link
 * io.mmbot.chaos.junit.ChaosSeed}, and the {@link io.mmbot.chaos.junit.VirtualClock} the test
 * advances.
 */
package io.mmbot.chaos.junit;
