package io.mmbot.chaos.okhttp;

import java.util.List;
import okhttp3.Call;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.internal.connection.RealCall;

/**
 * Reads the call behind a {@code Runnable} that OkHttp's {@code Dispatcher} hands its executor.
 *
 * <p>OkHttp has no public hook between {@code enqueue} and the dispatcher thread, and the
 * dispatcher's runnables are its {@code RealCall.AsyncCall}s, whose {@code getCall()} and {@code
 * getRequest()} are public in bytecode in 4.12 and 5.x alike. They let {@link LatencyExecutor}
 * leave WebSocket handshakes alone, tie a plan to its call, and end an injected delay as soon as
 * the call is canceled. This is the one place that touches an OkHttp-internal type; should a future
 * OkHttp rename it, the first failure to link switches it off for good and the executor falls back
 * to planning every runnable it is given (still one plan per call).
 */
final class AsyncCalls {

  private static volatile boolean linked = true;

  private AsyncCalls() {}

  /** Test seam: behave as if OkHttp's call type could not be linked ({@code false}), or not. */
  static void linked(boolean value) {
    linked = value;
  }

  /** The call {@code runnable} runs, or null if it is not an OkHttp call (or cannot be read). */
  static Call callOf(Runnable runnable) {
    if (!linked) {
      return null;
    }
    try {
      return runnable instanceof RealCall.AsyncCall
          ? ((RealCall.AsyncCall) runnable).getCall()
          : null;
    } catch (LinkageError e) {
      linked = false;
      return null;
    }
  }

  /**
   * The protocols offered by the client of {@code call}: read from OkHttp's {@code RealCall}
   * ({@code getClient()}, public in bytecode in 4.12 and 5.x); HTTP/1.1 and HTTP/2 (OkHttp's
   * default) when it cannot be read.
   */
  static List<Protocol> protocolsOf(Call call) {
    if (linked && call instanceof RealCall) {
      try {
        return ((RealCall) call).getClient().protocols();
      } catch (LinkageError e) {
        linked = false;
      }
    }
    return DEFAULT_PROTOCOLS;
  }

  private static final List<Protocol> DEFAULT_PROTOCOLS =
      List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);

  /** The request of the call {@code runnable} runs, or null if unknown. */
  static Request requestOf(Runnable runnable) {
    if (!linked) {
      return null;
    }
    try {
      return runnable instanceof RealCall.AsyncCall
          ? ((RealCall.AsyncCall) runnable).getRequest()
          : null;
    } catch (LinkageError e) {
      linked = false;
      return null;
    }
  }
}
