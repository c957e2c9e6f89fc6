package io.mmbot.chaos.examples.binance;

import com.binance.connector.client.utils.httpclient.HttpClientSingleton;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.okhttp.ChaosOkHttp;
import java.lang.reflect.Field;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one place the bot reaches into binance-connector-java: its REST calls go through a private
 * static {@code OkHttpClient} ({@code HttpClientSingleton.httpClient}) with no setter. The bot
 * replaces it once, at start-up, with a copy built from it ({@code newBuilder()}, so the chaos
 * agent's interceptors, when the agent is attached, stay in it) that adds what the bot needs:
 *
 * <ul>
 *   <li>the {@link RetryAfterTap} as the outermost interceptor (resilient build);
 *   <li>a call timeout, so that a silent exchange cannot hold a worker thread for OkHttp's 10 s
 *       read timeout over and over (resilient build);
 *   <li>without the agent, mm-chaos's OkHttp adapter ({@link ChaosOkHttp}) on the bot's own
 *       injector, so REST faults still reach the connector (its WebSocket client is {@code static
 *       final} and stays without chaos: that needs the agent).
 * </ul>
 */
final class ConnectorHttp {

  private ConnectorHttp() {}

  /**
   * Replaces the connector's client. {@code tap} may be null (no tap, no call timeout); {@code
   * ownChaos} null when the agent already decorates the client.
   */
  static void install(RetryAfterTap tap, Duration callTimeout, ChaosInjector ownChaos) {
    OkHttpClient current = HttpClientSingleton.getHttpClient();
    OkHttpClient.Builder b = current.newBuilder();
    if (tap != null) {
      b.interceptors().add(0, tap);
      b.interceptors().add(1, new LookupTap());
      b.callTimeout(callTimeout);
    }
    if (ownChaos != null) {
      ChaosOkHttp.decorate(b, ownChaos);
    }
    replace(b.build());
  }

  /** Puts {@code client} in the connector's singleton (tests put the original back with it). */
  static void replace(OkHttpClient client) {
    try {
      Field f = HttpClientSingleton.class.getDeclaredField("httpClient");
      f.setAccessible(true);
      f.set(null, client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot replace binance-connector-java's HTTP client (HttpClientSingleton.httpClient)",
          e);
    }
  }
}
