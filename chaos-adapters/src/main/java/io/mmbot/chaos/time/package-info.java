/** Time: {@link io.mmbot.chaos.time.ChaosClock}, a {@link java.time.Clock} with CLOCK_SKEW. */
package io.mmbot.chaos.time;
