/**
 * mm-chaos core: the injector, its scenario gates and the burst clock, and the library's time model
 * ({@code io.mmbot.chaos.time}: nano clocks, the scheduler, the virtual clock, the skewed clock).
 * No dependencies.
 *
 * <p>{@code io.mmbot.chaos.rollback} is not exported: it is the machinery behind {@code
 * RollbackGuard}, which users reach through that class alone.
 */
module io.mmbot.chaos.core {
  exports io.mmbot.chaos;
  exports io.mmbot.chaos.time;
}
