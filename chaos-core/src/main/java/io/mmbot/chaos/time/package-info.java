/**
 * Time: the library's one time model, and {@link io.mmbot.chaos.time.ChaosClock}, a {@link
 * java.time.Clock} with CLOCK_SKEW.
 *
 * <p>One time model, three parts:
 *
 * <ul>
 *   <li><b>Reading time</b>: a <em>nano clock</em> is a {@link java.util.function.LongSupplier} of
 *       nanoseconds, monotonic, on any base (only differences mean anything), as {@link
 *       System#nanoTime()}. Every builder that measures time takes one through {@code
 *       nanoClock(LongSupplier)} (the injector, the rollback guard, the request fault plan, the JDK
 *       HTTP and WebSocket adapters, the OkHttp adapter, the metrics' partial-failure window), and
 *       it defaults to {@code System::nanoTime}. A plain function type, so that core needs no time
 *       interface of its own and a caller can pass any method reference.
 *   <li><b>Waiting</b>: where the library waits (injected latency, lost responses, lagged messages,
 *       disconnect checks) it takes a {@link io.mmbot.chaos.time.Scheduler}, the one timer type of
 *       the library, whose {@code nanoTime()} must read the same time as the nano clock given
 *       beside it.
 *   <li><b>Virtual time</b>: {@link io.mmbot.chaos.time.VirtualTime} is both, moving only when
 *       advanced. It is the one virtual clock, shared by the library's own tests and its users'
 *       (the JUnit extension injects it as {@code io.mmbot.chaos.junit.VirtualClock}): passed as
 *       both the nano clock and the scheduler, it puts every window, rate, expiry, delay and
 *       timeout in virtual time.
 * </ul>
 *
 * <p>Micrometer's {@code Clock} appears only where Micrometer asks for it: a meter registry is
 * built with one, and chaos-metrics keeps accepting one for its window beside the nano clock,
 * because a Micrometer user may already hold a {@code MockClock} for the registry. Wall-clock time
 * ({@link java.time.Clock}) is read only where a wall-clock value is the point: CLOCK_SKEW's {@link
 * io.mmbot.chaos.time.ChaosClock} and time stamps written for people or for Prometheus.
 *
 * <p>These types live in chaos-core, so that the injector's own tests and every module above it
 * share them; the adapters take them from there.
 */
package io.mmbot.chaos.time;
