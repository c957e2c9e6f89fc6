package io.mmbot.chaos.report;

import java.util.List;

/**
 * Tick measurements of one run in fixed windows, for the report's charts.
 *
 * @param windowSec length of every window, in seconds (positive)
 * @param windows the windows in time order, at least one
 */
public record Timeline(double windowSec, List<Window> windows) {

  /** Copies the window list. */
  public Timeline {
    windows = List.copyOf(windows);
  }

  /** The time covered, from the first window's start to the last window's end, in seconds. */
  public double endSec() {
    return windows.get(windows.size() - 1).startSec() + windowSec;
  }

  /**
   * One window of the timeline.
   *
   * @param startSec start of the window, seconds since the run started
   * @param p95TickMs p95 of the ticks in the window, in milliseconds
   * @param deadlineMisses ticks in the window that missed their deadline
   * @param burst whether the chaos burst was on during the window
   * @param injections faults injected during the window
   */
  public record Window(
      double startSec, double p95TickMs, long deadlineMisses, boolean burst, long injections) {}
}
