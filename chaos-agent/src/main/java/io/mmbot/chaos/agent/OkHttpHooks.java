package io.mmbot.chaos.agent;

import io.mmbot.chaos.okhttp.ChaosOkHttp;
import io.mmbot.chaos.okhttp.OkHttpVersionCheck;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocketListener;

/**
 * Where the code woven into OkHttp lands: every {@code OkHttpClient} under construction has its
 * builder decorated by the agent's one {@link ChaosOkHttp} (so a private static singleton built
 * anywhere gets chaos, and so do clients derived from it with {@code newBuilder()}), a client built
 * before the agent was attached is replaced call by call with a decorated copy, and every WebSocket
 * listener is wrapped. Public only because woven code calls it; not an API.
 *
 * <p>Fail-safe: whatever goes wrong here is logged once and the client is used as it is.
 */
public final class OkHttpHooks {

  private static final ThreadLocal<Boolean> DECORATING = new ThreadLocal<>();
  private static final java.util.Map<OkHttpClient, OkHttpClient> LATE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
  private static volatile ChaosOkHttp chaos;

  /**
   * The client whose last {@code newCall} was found decorated: a program's calls mostly go through
   * one client, so the common case costs one read and one comparison.
   */
  private static volatile Object lastDecorated;

  private OkHttpHooks() {}

  private static ChaosOkHttp chaos(AgentRuntime rt) {
    ChaosOkHttp c = chaos;
    if (c == null) {
      synchronized (OkHttpHooks.class) {
        c = chaos;
        if (c == null) {
          OkHttpVersionCheck.warnIfUnsupported();
          c = ChaosOkHttp.builder(rt.injector).gapListener(rt::recordWsGapMs).build();
          chaos = c;
        }
      }
    }
    return c;
  }

  /** Called with the builder of every {@code OkHttpClient} before the client copies it. */
  public static void onNewClient(Object builder) {
    AgentRuntime rt = AgentRuntime.current;
    if (rt == null || DECORATING.get() != null || !(builder instanceof OkHttpClient.Builder)) {
      return;
    }
    DECORATING.set(Boolean.TRUE);
    try {
      OkHttpClient.Builder b = (OkHttpClient.Builder) builder;
      ChaosOkHttp c = chaos(rt);
      if (!b.interceptors().contains(c.applicationInterceptor())) {
        c.decorate(b);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentRuntime.couldNotDecorate("an OkHttp client", e);
    } finally {
      DECORATING.remove();
    }
  }

  /**
   * Called after {@code client.newCall(request)}: the call itself for a decorated client, else a
   * call of a decorated copy of the client (one copy per client, sharing its pool and executor).
   */
  public static Object onNewCall(Object client, Object request, Object call) {
    if (client == lastDecorated) {
      return call;
    }
    AgentRuntime rt = AgentRuntime.current;
    if (rt == null || DECORATING.get() != null) {
      return call;
    }
    try {
      OkHttpClient c = (OkHttpClient) client;
      Interceptor mark = chaos(rt).applicationInterceptor();
      for (Interceptor i : c.interceptors()) {
        if (i == mark) {
          lastDecorated = c;
          return call;
        }
      }
      OkHttpClient copy;
      synchronized (LATE) {
        copy = LATE.get(c);
        if (copy == null) {
          copy = c.newBuilder().build(); // decorated by onNewClient
          LATE.put(c, copy);
        }
      }
      return copy.newCall((Request) request);
    } catch (RuntimeException | LinkageError e) {
      AgentRuntime.couldNotDecorate("an OkHttp client built before the agent started", e);
      return call;
    }
  }

  /** Called with the listener of every OkHttp WebSocket about to open. */
  public static Object wrapListener(Object listener) {
    AgentRuntime rt = AgentRuntime.current;
    if (rt == null || !(listener instanceof WebSocketListener) || isWrapped(listener)) {
      return listener;
    }
    try {
      return chaos(rt).webSocketListener((WebSocketListener) listener);
    } catch (RuntimeException | LinkageError e) {
      AgentRuntime.couldNotDecorate("an OkHttp WebSocket listener", e);
      return listener;
    }
  }

  private static boolean isWrapped(Object listener) {
    return listener.getClass().getName().equals("io.mmbot.chaos.okhttp.ChaosWebSocketListener");
  }
}
