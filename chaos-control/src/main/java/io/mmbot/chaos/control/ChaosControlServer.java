package io.mmbot.chaos.control;

import com.sun.net.httpserver.HttpServer;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.RollbackGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A token-protected HTTP control endpoint for one injector, on the JDK HTTP server:
 *
 * <pre>
 * GET  /chaos/status              enabled, dry_run, burst_active, scenarios, last rollback, guard
 * POST /chaos/disable             optional {"reason": "CODE"}; default REMOTE
 * POST /chaos/enable              the current configuration with enabled: true
 * POST /chaos/scenarios/{key}     {"intensity": x}; 0 is a point rollback
 * POST /chaos/alertmanager        Alertmanager webhook (version 4): a firing alert labelled
 *                                 chaos_rollback="true" disables chaos with its reason label
 * </pre>
 *
 * <pre>
 * ChaosControlServer server = ChaosControlServer.builder(injector)
 *     .tokenFromEnv("MM_CHAOS_TOKEN")
 *     .port(9464)
 *     .guard(guard)
 *     .start();
 * </pre>
 *
 * <p><b>Security.</b> The server binds 127.0.0.1 unless {@link Builder#bind} says otherwise, and
 * refuses to start without a token of at least {@value #MIN_TOKEN_LENGTH} characters. Every request
 * must carry {@code Authorization: Bearer <token>}; the token is compared in constant time. A
 * request without it, or with another token, gets 401 with {@code WWW-Authenticate: Bearer} and
 * changes nothing; its body is not read and its connection is closed (see below). A body over
 * {@value #MAX_BODY_BYTES} bytes gets 413 without being read whole (a disable excepted, see below).
 * Malformed JSON, an unknown scenario or an out-of-range value gets 400 naming the field; a wrong
 * method 405; an unknown path 404. Responses are JSON ({@code application/json}) and carry no CORS
 * header, so no web page can drive the endpoint from a browser. Every request that changes state
 * (and every refused one) is logged with its source address and the result.
 *
 * <p><b>The kill switch waits for no one.</b> Requests are served by up to 32 daemon threads
 * ({@code mm-chaos-control}); a request must arrive whole within 1 s of its first byte or its
 * connection is closed; when every thread is busy, the requests that have been reading longest
 * (unauthenticated ones first) are closed to make room; an answer to a request whose body was not
 * read (every 401 among them) closes the connection after giving the rest of the body at most 200
 * ms to arrive, instead of waiting for it. So no stalled, slow or unauthenticated client can hold
 * up an authorised {@code POST /chaos/disable}. A disable switches chaos off whatever its body
 * holds: a body that cannot be used only costs its reason ({@code REMOTE} then) and is reported as
 * {@code warnings} in the 200 answer. The Alertmanager webhook disables on a firing rollback alert
 * even beside malformed alerts, with warnings too. An enable that something forbids (a watched
 * config file that says off, the permanently-off {@code GlobalChaos} default) is a 409 with the
 * reason. Request lines are logged with control and non-ASCII characters escaped. A bind to any
 * address but loopback logs a warning.
 *
 * <p>{@link #close()} stops the server; it leaves the injector as it is.
 */
public final class ChaosControlServer implements AutoCloseable {

  /** Shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Largest request body accepted, in bytes (64 KiB). */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final System.Logger LOG = System.getLogger(ChaosControlServer.class.getName());

  private final HttpServer server;
  private final ExchangeWorkers executor;
  private final ControlHandler handler;

  private ChaosControlServer(HttpServer server, ExchangeWorkers executor, ControlHandler handler) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
  }

  /** A builder for a server controlling {@code injector}. */
  public static Builder builder(ChaosInjector injector) {
    return new Builder(Objects.requireNonNull(injector, "injector"));
  }

  /** The port the server listens on (the one chosen, if the builder asked for 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops the server at once and removes its listener from the injector. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    handler.close();
  }

  /**
   * The warning for listening on {@code address}, or null for a loopback address: any other address
   * exposes the endpoint (and its token, sent in clear) to the network.
   */
  static String exposureWarning(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return null;
    }
    String where =
        address.isAnyLocalAddress()
            ? "every interface (" + address.getHostAddress() + ")"
            : address.getHostAddress() + ", which is not a loopback address";
    return "mm-chaos control endpoint listens on "
        + where
        + ": anyone who can reach it may try the token, which travels in clear over HTTP; bind"
        + " 127.0.0.1 and put a TLS-terminating reverse proxy in front (see docs/rollback.md)";
  }

  /** Logs {@link #exposureWarning} at WARNING, if there is one; a failing logger is ignored. */
  static void warnIfExposed(InetAddress address, int port) {
    String warning = exposureWarning(address);
    if (warning == null) {
      return;
    }
    try {
      LOG.log(System.Logger.Level.WARNING, warning + " [port " + port + "]");
    } catch (RuntimeException ignored) {
      // starting does not depend on the log
    }
  }

  /** Builds and starts a {@link ChaosControlServer}. Not thread-safe. */
  public static final class Builder {
    private final ChaosInjector injector;
    private String token;
    private int port = 0;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private RollbackGuard guard;
    private UnaryOperator<String> env = System::getenv;
    private Duration readTimeout = Duration.ofMillis(ExchangeWorkers.DEFAULT_READ_TIMEOUT_MILLIS);

    private Builder(ChaosInjector injector) {
      this.injector = injector;
    }

    /**
     * The bearer token every request must carry: at least {@value #MIN_TOKEN_LENGTH} characters of
     * visible ASCII ({@code !} to {@code ~}; no whitespace, controls or non-ASCII, which no HTTP
     * client sends reliably in a header).
     *
     * @throws IllegalArgumentException if the token is shorter or has another character
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.length() < MIN_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            "token is "
                + token.length()
                + " characters long: must be at least "
                + MIN_TOKEN_LENGTH
                + " (for example 32 random bytes in hex)");
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c > 0x7e) {
          // The server reads header bytes as ISO-8859-1, clients send UTF-8 or worse: such a
          // token could never match, so it is refused here rather than failing every request.
          throw new IllegalArgumentException(
              "token must be visible ASCII (characters ! to ~): character "
                  + (i + 1)
                  + " is U+"
                  + String.format("%04X", (int) c)
                  + ", which clients cannot send reliably in an HTTP header");
        }
        if (c <= 0x20) {
          throw new IllegalArgumentException(
              "token must be visible ASCII (characters ! to ~): no whitespace or controls");
        }
      }
      this.token = token;
      return this;
    }

    /**
     * The token from the environment variable {@code name} (for example {@code MM_CHAOS_TOKEN}).
     *
     * @throws IllegalStateException if the variable is not set or empty
     * @throws IllegalArgumentException if its value is not a valid token (see {@link #token})
     */
    public Builder tokenFromEnv(String name) {
      Objects.requireNonNull(name, "name");
      String value = env.apply(name);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException(
            "environment variable " + name + " is not set: the control endpoint needs a token");
      }
      return token(value.strip());
    }

    /** Where environment variables are read from; tests replace it. */
    Builder environment(UnaryOperator<String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    /** How long a request may take to arrive whole, from its first byte; tests shorten it. */
    Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /** The TCP port, 0 (the default) for any free one; see {@link ChaosControlServer#port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(
            "port = " + port + " is out of range: must be in [0, 65535]");
      }
      this.port = port;
      return this;
    }

    /**
     * The address to listen on (default 127.0.0.1, the loopback address). Anything else exposes the
     * endpoint to the network; put it behind a TLS-terminating reverse proxy instead (see {@code
     * docs/rollback.md}).
     */
    public Builder bind(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The address to listen on, as a literal IP address or host name. */
    public Builder bind(String address) {
      Objects.requireNonNull(address, "address");
      try {
        return bind(InetAddress.getByName(address));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("bind address " + address + " cannot be resolved", e);
      }
    }

    /** A rollback guard whose triggers the status shows. */
    public Builder guard(RollbackGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws IllegalStateException if no token was given
     * @throws UncheckedIOException if the address cannot be bound
     */
    public ChaosControlServer start() {
      if (token == null) {
        throw new IllegalStateException(
            "the control endpoint refuses to start without a token: call token(...) or"
                + " tokenFromEnv(\"MM_CHAOS_TOKEN\")");
      }
      ControlHandler handler = new ControlHandler(injector, guard, token);
      ExchangeWorkers executor =
          new ExchangeWorkers(readTimeout.toNanos(), System::nanoTime, false);
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        warnIfExposed(address, server.getAddress().getPort());
        return new ChaosControlServer(server, executor, handler);
      } catch (IOException e) {
        executor.shutdown();
        handler.close();
        throw new UncheckedIOException(
            "control endpoint cannot listen on " + address.getHostAddress() + ":" + port, e);
      }
    }
  }
}
