package io.mmbot.chaos.junit;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.IncompleteExecutionException;

/** Appends a test's chaos description to the throwable it failed with. */
final class FailureMessages {

  private FailureMessages() {}

  /**
   * The throwable to report instead of {@code failure}: the same kind of assertion error with
   * {@code info} on a new line of its message, or for any other throwable an {@link
   * AssertionFailedError} with the throwable as its cause. Aborted and skipped tests are returned
   * unchanged. The stack trace and suppressed exceptions are kept.
   */
  static Throwable withChaos(Throwable failure, String info) {
    if (failure instanceof IncompleteExecutionException) {
      return failure;
    }
    String original = failure.getMessage();
    String message = original == null || original.isEmpty() ? info : original + "\n" + info;
    Throwable result;
    if (failure.getClass() == AssertionFailedError.class) {
      AssertionFailedError a = (AssertionFailedError) failure;
      result =
          a.isExpectedDefined() || a.isActualDefined()
              ? new AssertionFailedError(message, a.getExpected(), a.getActual(), a.getCause())
              : new AssertionFailedError(message, a.getCause());
    } else if (failure.getClass() == AssertionError.class) {
      result = new AssertionError(message, failure.getCause());
    } else {
      // The cause keeps the original; the wrapper points where it did, not into this extension.
      result = new AssertionFailedError(failure + "\n" + info, failure);
      result.setStackTrace(failure.getStackTrace());
      return result;
    }
    result.setStackTrace(failure.getStackTrace());
    for (Throwable s : failure.getSuppressed()) {
      result.addSuppressed(s);
    }
    return result;
  }
}
