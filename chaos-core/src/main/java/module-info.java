/** mm-chaos core: the injector, its scenario gates and the burst clock. No dependencies. */
module io.mmbot.chaos.core {
  exports io.mmbot.chaos;
}
