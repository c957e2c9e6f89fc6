package io.mmbot.chaos.examples.exchange.loopback;

import java.io.IOException;

/**
 * Recognises the JDK client's failures for a connection that broke after the request was sent: a
 * body cut short ({@code "fixed content-length: N, bytes received: M"}) or a connection closed or
 * reset before the first byte of the answer ({@code "HTTP/1.1 header parser received no bytes"}).
 * The exchange may have executed such a request, so the connector reports its outcome as unknown,
 * as for a timeout, and never as a connection lost before sending.
 */
final class CutAnswer {

  private CutAnswer() {}

  /** Whether {@code t} is the JDK client's failure for an answer cut on its way. */
  static boolean isCut(Throwable t) {
    if (!(t instanceof IOException) || t.getMessage() == null) {
      return false;
    }
    String m = t.getMessage();
    return m.startsWith("fixed content-length:")
        || m.startsWith("HTTP/1.1 header parser received no bytes");
  }
}
