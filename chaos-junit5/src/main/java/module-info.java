/**
 * mm-chaos JUnit 5 extension: a seeded injector on a virtual clock for each test, scenarios set by
 * annotation, {@code GlobalChaos} set for the test and restored after it, and the seed and
 * injection counts in the message of every failing test. Depends on chaos-core and
 * junit-jupiter-api.
 */
module io.mmbot.chaos.junit {
  requires transitive io.mmbot.chaos.core;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;
  requires org.opentest4j;

  exports io.mmbot.chaos.junit;
}
