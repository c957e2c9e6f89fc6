package io.mmbot.chaos.okhttp.testing;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.WebSocketListener;

/**
 * {@link LoopbackServer} on a real MockWebServer, for the tests on OkHttp 4.12 and on OkHttp 5
 * alike. The script (the default answer, the queued special answers, the targets received) is kept
 * here once, in {@link Scripted}; what differs between mockwebserver 4.12 (package {@code
 * okhttp3.mockwebserver}) and mockwebserver3 5.x is only how a server starts and stops and how an
 * answer is built, which a subclass of {@link Scripted} supplies. The 4.12 one is {@code
 * MockWebServer4}; chaos-okhttp5-tests registers its mockwebserver3 one as a {@link Binding}
 * service, which is used when present (chaos-okhttp's test-jar leaves {@code MockWebServer4} out).
 */
public final class MockServers {
  private MockServers() {}

  /** Starts servers of one mockwebserver version; found through {@link ServiceLoader}. */
  public interface Binding {
    /** A started server; HTTP/2 over cleartext only when {@code h2PriorKnowledge}. */
    LoopbackServer start(boolean h2PriorKnowledge);
  }

  static LoopbackServer start(boolean h2PriorKnowledge) {
    Optional<Binding> registered =
        ServiceLoader.load(Binding.class, MockServers.class.getClassLoader()).findFirst();
    // No method reference to MockWebServer4 here: linking one would load the class, which
    // chaos-okhttp5-tests does not have.
    return registered.isPresent()
        ? registered.get().start(h2PriorKnowledge)
        : startMockWebServer4(h2PriorKnowledge);
  }

  private static LoopbackServer startMockWebServer4(boolean h2PriorKnowledge) {
    return new MockWebServer4(h2PriorKnowledge);
  }

  /**
   * The script of a loopback server: every request is answered with {@link #ok()} unless a special
   * answer was queued, and special answers are used once each, in order.
   *
   * @param <R> the answer type of the mockwebserver version
   */
  public abstract static class Scripted<R> implements LoopbackServer {
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Supplier<R>> next = new ConcurrentLinkedQueue<>();

    /** The answer to a request for {@code target} (path and query); records the target. */
    protected final R answer(String target) {
      paths.add(target);
      Supplier<R> special = next.poll();
      return special != null ? special.get() : ok();
    }

    /** 200, {@code Content-Type: application/json}, {@link #BODY}. */
    protected abstract R ok();

    /** {@link #ok()} with {@code name: value} set. */
    protected abstract R okWithHeader(String name, String value);

    /** The request is read, then its connection closed without an answer. */
    protected abstract R disconnectAfterRequest();

    /** 302 to {@code location}. */
    protected abstract R redirect(String location);

    /** A WebSocket upgrade served by {@code serverListener}. */
    protected abstract R webSocketUpgrade(WebSocketListener serverListener);

    @Override
    public final List<String> paths() {
      return List.copyOf(paths);
    }

    @Override
    public final void dropConnectionAfterNextRequest() {
      next.add(this::disconnectAfterRequest);
    }

    @Override
    public final void redirectNext(String location) {
      next.add(() -> redirect(location));
    }

    @Override
    public final void nextWithHeader(String headerName, String headerValue) {
      next.add(() -> okWithHeader(headerName, headerValue));
    }

    @Override
    public final void acceptWebSocket(WebSocketListener serverListener) {
      next.add(() -> webSocketUpgrade(serverListener));
    }
  }
}
