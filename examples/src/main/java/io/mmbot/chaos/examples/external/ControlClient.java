package io.mmbot.chaos.examples.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client of a bot's {@code ChaosControlServer}: switches the bot's own injector on and off and
 * sets scenario intensities, with {@code Authorization: Bearer <token>}.
 *
 * <p>Every call is bounded by the timeout given (see {@link BoundedHttp}). A call that does not
 * succeed throws {@link ControlException}: on 401 with the reason {@code "control endpoint refused
 * the token"}, on any other status outside 2xx with the method, path, status and body, and on a
 * connection failure or timeout with what happened. A connection lost before any answer is tried
 * once more (every call sets a state, so sending it twice is harmless); a timeout is not. Safe for
 * concurrent use.
 */
public final class ControlClient {

  /** The reason given when the endpoint answers 401. */
  public static final String REFUSED_TOKEN = "control endpoint refused the token";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final Duration timeout;

  /**
   * A client of the endpoint at {@code base} (e.g. {@code http://127.0.0.1:9464}).
   *
   * @throws IllegalArgumentException if the timeout is not positive or the token is empty or has
   *     spaces or characters outside printable ASCII
   */
  public ControlClient(URI base, String token, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    Objects.requireNonNull(token, "token");
    if (token.isBlank() || !token.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new IllegalArgumentException(
          "token must be printable ASCII without spaces (it goes into a header)");
    }
    this.token = token;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  /** {@code POST /chaos/enable}. */
  public void enable() {
    call("POST", "/chaos/enable", null);
  }

  /** {@code POST /chaos/disable} with {@code reason} (none, so {@code REMOTE}, if null). */
  public void disable(String reason) {
    call("POST", "/chaos/disable", reason == null ? null : json(Map.of("reason", reason)));
  }

  /** {@code POST /chaos/scenarios/{key}} with {@code {"intensity": x}}; 0 is a point rollback. */
  public void setIntensity(Scenario s, double intensity) {
    if (!Double.isFinite(intensity)) {
      throw new IllegalArgumentException("intensity must be a finite number, was " + intensity);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("intensity", intensity);
    call("POST", "/chaos/scenarios/" + s.key(), json(body));
  }

  /** The raw JSON of {@code GET /chaos/status}. */
  public String status() {
    return call("GET", "/chaos/status", null);
  }

  /**
   * The injections the bot's injector counts for {@code s}, from its status.
   *
   * @throws ControlException also when the status is not JSON or has no such count
   */
  public long injections(Scenario s) {
    String status = status();
    JsonNode count;
    try {
      count = JSON.readTree(status).path("scenarios").path(s.key()).path("injections");
    } catch (JsonProcessingException e) {
      throw new ControlException("control endpoint status is not JSON: " + excerpt(status), e);
    }
    if (!count.canConvertToLong() || !count.isIntegralNumber()) {
      throw new ControlException(
          "control endpoint status has no injection count for scenario " + s.key());
    }
    return count.asLong();
  }

  private BoundedHttp.Response send(String method, URI uri, String body) throws IOException {
    return method.equals("GET")
        ? BoundedHttp.get(uri, token, timeout)
        : BoundedHttp.post(uri, token, body, timeout);
  }

  private String call(String method, String path, String body) {
    URI uri = base.resolve(path);
    BoundedHttp.Response r;
    try {
      r = send(method, uri, body);
    } catch (SocketTimeoutException e) {
      throw new ControlException(
          "control endpoint " + base + " did not answer " + method + " " + path + ": " + e, e);
    } catch (IOException first) {
      // A connection lost before any answer (a reset, a refused connect) is tried once more: every
      // call is idempotent (a state is set, not toggled), and one lost loopback connection should
      // not fail a run. A timeout is not retried, so the call stays within its bound.
      try {
        r = send(method, uri, body);
      } catch (IOException e) {
        e.addSuppressed(first);
        throw new ControlException(
            "control endpoint " + base + " did not answer " + method + " " + path + ": " + e, e);
      }
    }
    if (r.status() == 401) {
      throw new ControlException(REFUSED_TOKEN);
    }
    if (r.status() < 200 || r.status() > 299) {
      throw new ControlException(
          "control endpoint answered "
              + method
              + " "
              + path
              + " with HTTP "
              + r.status()
              + ": "
              + excerpt(r.body()));
    }
    return r.body();
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body, e);
    }
  }

  private static String excerpt(String body) {
    String oneLine = body.strip().replace('\n', ' ');
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  /** The endpoint's base URI (the token is not shown). */
  @Override
  public String toString() {
    return "ControlClient[" + base + "]";
  }
}
