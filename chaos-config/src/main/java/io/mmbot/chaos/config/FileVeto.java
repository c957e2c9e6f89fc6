package io.mmbot.chaos.config;

import io.mmbot.chaos.EnableVeto;

/**
 * The config watcher's {@link EnableVeto}: the watched file wins. While the last version the
 * watcher read says {@code enabled: false}, or was missing, unreadable or invalid, nothing else may
 * switch chaos on (an update, the control endpoint's enable); the reason names the file and what it
 * said. Only the watcher changes the verdict, before it applies what it read, so its own update to
 * a version that switches chaos on is never refused by it. Safe for concurrent use.
 */
final class FileVeto implements EnableVeto {

  private final String file;
  private volatile String refusal;

  FileVeto(String file) {
    this.file = file;
  }

  /** The file says chaos may be on. */
  void allow() {
    refusal = null;
  }

  /** The file says {@code enabled: false}. */
  void saysOff() {
    refusal =
        "the watched config file "
            + file
            + " says enabled: false; set enabled: true there to switch chaos on";
  }

  /** The file cannot be used (missing, unreadable, invalid) or the watcher is stuck. */
  void unusable(String why) {
    refusal =
        "the watched config file "
            + file
            + " cannot be used, so chaos stays off until it can: "
            + why;
  }

  @Override
  public String refusal() {
    return refusal;
  }
}
