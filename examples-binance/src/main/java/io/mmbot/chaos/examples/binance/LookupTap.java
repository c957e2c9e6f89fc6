package io.mmbot.chaos.examples.binance;

import java.io.IOException;
import java.net.UnknownHostException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Notes, for the calling thread, that a call failed because the exchange's name could not be looked
 * up. binance-connector-java turns every I/O failure into one exception type without its cause, so
 * the bot learns this here, on the connector's OkHttp client: an {@link UnknownHostException} means
 * nothing was sent. The connector calls OkHttp synchronously, so the thread that sent the call is
 * the one that reads the note ({@link ExchangeCalls#classify}).
 */
final class LookupTap implements Interceptor {

  private static final ThreadLocal<Boolean> FAILED = ThreadLocal.withInitial(() -> false);

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (UnknownHostException e) {
      FAILED.set(true);
      throw e;
    }
  }

  /** Forgets the note of an earlier call on this thread. */
  static void clear() {
    FAILED.set(false);
  }

  /** Whether the last call on this thread failed for want of an address. */
  static boolean failedOnThisThread() {
    return FAILED.get();
  }
}
