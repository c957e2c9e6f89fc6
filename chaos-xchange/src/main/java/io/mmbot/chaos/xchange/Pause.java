package io.mmbot.chaos.xchange;

import java.io.InterruptedIOException;

/** How the adapter waits (an injected delay, a lost response's timeout); a test seam. */
@FunctionalInterface
interface Pause {

  /** Waits on the calling thread, as a blocking {@code HttpURLConnection} call does. */
  Pause THREAD_SLEEP =
      millis -> {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting");
        }
      };

  /** Waits {@code millis} milliseconds (more than 0). */
  void sleep(long millis) throws InterruptedIOException;
}
