package io.mmbot.chaos.examples.external;

/** A bot's control endpoint refused a request, failed it or could not be reached. */
public final class ControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A failure described by {@code reason}, the text a run's record shows. */
  public ControlException(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** A failure described by {@code reason}, caused by {@code cause}. */
  public ControlException(String reason, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
  }

  /** Why the request failed, in words for a run's record. */
  public String reason() {
    return reason;
  }
}
