package io.mmbot.chaos.exchange.server;

import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of an {@link ExchangeObserver}: reads the observer clock and shields the server
 * from the observer (anything it or the clock throws is swallowed). Servers without an observer
 * hold null instead of an instance, so they pay nothing.
 */
final class Observing {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");
  private static final Pattern CLIENT_ID = Pattern.compile("\"c\"\\s*:\\s*\"([^\"]*)\"");

  private final ExchangeObserver observer;
  private final LongSupplier clock;

  Observing(ExchangeObserver observer, LongSupplier clock) {
    this.observer = observer;
    this.clock = clock;
  }

  /** The observer clock now; 0 if the clock fails. */
  long now() {
    try {
      return clock.getAsLong();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  void rest(java.util.function.Supplier<RestObservation> r) {
    try {
      observer.onRequest(r.get());
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError v) {
        throw v;
      }
      // an observer never changes what the client sees
    }
  }

  void stream(long session, StreamObservation.Kind kind, String clientOrderId) {
    try {
      observer.onStream(new StreamObservation(now(), session, kind, clientOrderId));
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError v) {
        throw v;
      }
      // an observer never changes what the client sees
    }
  }

  /** The Binance error code in an answer's body, 0 if it has none. */
  static int code(String body) {
    Matcher m = CODE.matcher(body);
    if (!m.find()) {
      return 0;
    }
    try {
      return Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The client order id of a user data message that is an execution report, else null. */
  static String executionClientId(String json) {
    if (!json.contains("\"executionReport\"")) {
      return null;
    }
    Matcher m = CLIENT_ID.matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
