package io.mmbot.chaos.agent;

import io.mmbot.chaos.xchange.ChaosRescuInterceptor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import si.mazi.rescu.Interceptor;

/**
 * The rescu interceptor the agent registers for XChange's {@link java.util.ServiceLoader}: {@link
 * ChaosRescuInterceptor} (injector per exchange base URI, else the agent's global one), marking the
 * thread meanwhile so that the {@code HttpURLConnection} hook does not strike the same call again.
 * Public with a no-argument constructor for the ServiceLoader; not an API.
 */
public final class AgentRescuInterceptor implements Interceptor {

  private final ChaosRescuInterceptor delegate = new ChaosRescuInterceptor();

  /** The instance the ServiceLoader makes. */
  public AgentRescuInterceptor() {}

  @Override
  public Object aroundInvoke(InvocationHandler next, Object proxy, Method method, Object[] args)
      throws Throwable {
    if (UrlConnectionHooks.IN_RESCU.get() != null) {
      return next.invoke(proxy, method, args);
    }
    UrlConnectionHooks.IN_RESCU.set(Boolean.TRUE);
    try {
      return delegate.aroundInvoke(next, proxy, method, args);
    } finally {
      UrlConnectionHooks.IN_RESCU.remove();
    }
  }
}
