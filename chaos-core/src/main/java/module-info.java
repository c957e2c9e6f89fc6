/**
 * mm-chaos core: the injector, its scenario gates and the burst clock. No dependencies.
 *
 * <p>{@code io.mmbot.chaos.rollback} is not exported: it is the machinery behind {@code
 * RollbackGuard}, which users reach through that class alone.
 */
module io.mmbot.chaos.core {
  exports io.mmbot.chaos;
}
