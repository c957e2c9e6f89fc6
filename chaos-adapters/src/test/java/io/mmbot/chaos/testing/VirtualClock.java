package io.mmbot.chaos.testing;

import io.mmbot.chaos.time.Scheduler;

/**
 * The shared virtual clock of chaos-test-support as the adapters' {@link Scheduler}: its {@code
 * nanoTime} and {@code schedule} already have the interface's signatures.
 */
public final class VirtualClock extends io.mmbot.chaos.testsupport.VirtualClock
    implements Scheduler {}
