/**
 * Time: the library's one time model, and {@link io.mmbot.chaos.time.ChaosClock}, a {@link
 * java.time.Clock} with CLOCK_SKEW.
 *
 * <p>A <em>nano clock</em> is a {@link java.util.function.LongSupplier} of nanoseconds, monotonic,
 * on any base (only differences mean anything), as {@link System#nanoTime()}: every builder that
 * measures time takes one through {@code nanoClock(LongSupplier)} (the injector, the rollback
 * guard, the request fault plan, the JDK HTTP and WebSocket adapters, the OkHttp adapter), and it
 * defaults to {@code System::nanoTime}. Where an adapter also waits (injected latency, lost
 * responses, lagged messages, disconnect checks) it takes a {@link io.mmbot.chaos.time.Scheduler},
 * the one timer type of the library, whose {@code nanoTime()} must read the same time as the nano
 * clock given beside it. Tests pass one virtual clock as both, so every window, rate, expiry and
 * delay runs in virtual time.
 */
package io.mmbot.chaos.time;
