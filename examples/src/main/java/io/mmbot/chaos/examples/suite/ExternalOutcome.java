package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.external.Ports;
import io.mmbot.chaos.examples.external.Scrape;
import java.util.ArrayList;
import java.util.List;

/** What a run of a bot in another process found out about the process while it ran. */
final class ExternalOutcome {
  /** Why the process failed its run; the first reason found wins. */
  String processFailure;

  /** How the process ended, in words. */
  String ending = "not started";

  /** The scrapes of its metrics. */
  List<Scrape> scrapes = new ArrayList<>();

  /** Scrapes that failed. */
  int scrapeFailures;

  /** Its orders still open on the exchange after it stopped. */
  int ordersLeftOpen;

  /** Records {@code reason} unless an earlier one was recorded. */
  void fail(String reason) {
    if (processFailure == null) {
      processFailure = reason;
    }
  }

  /** Fails the run if any of {@code ports} (0: none) is still bound on 127.0.0.1. */
  void checkPortsFree(int... ports) {
    List<Integer> busy = new ArrayList<>();
    for (int p : ports) {
      if (p > 0 && !Ports.isFree(p)) {
        busy.add(p);
      }
    }
    if (!busy.isEmpty()) {
      fail("port(s) " + busy + " still in use after the run");
    }
  }
}
