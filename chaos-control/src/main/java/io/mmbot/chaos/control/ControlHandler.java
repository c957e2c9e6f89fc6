package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.Exchanges.allow;
import static io.mmbot.chaos.control.Exchanges.error;
import static io.mmbot.chaos.control.Exchanges.fields;
import static io.mmbot.chaos.control.Exchanges.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves every request of the control endpoint: authenticates it, routes it, checks its body and
 * answers in JSON. Requests are handled one at a time (one server thread), so a state change and
 * the status that reports it never interleave with another request's.
 */
final class ControlHandler implements HttpHandler, ChaosListener {

  private static final Pattern CODE = AlertmanagerWebhook.CODE;
  private static final String SCENARIOS = "/chaos/scenarios/";

  private final ChaosInjector injector;
  private final RollbackGuard guard;
  private final BearerToken token;
  private final Exchanges exchanges = new Exchanges();
  private final AtomicLong disables = new AtomicLong();
  private volatile String lastRollbackReason;
  private volatile Instant lastRollbackAt;

  ControlHandler(ChaosInjector injector, RollbackGuard guard, String token) {
    this.injector = injector;
    this.guard = guard;
    this.token = new BearerToken(token);
    String before = injector.lastDisableReason();
    this.lastRollbackReason = before.isEmpty() ? null : before;
    injector.addListener(this);
  }

  void close() {
    injector.removeListener(this);
  }

  @Override
  public void onStateChange(StateChange change) {
    if (change.change() == Change.DISABLED) {
      lastRollbackAt = Instant.now();
      lastRollbackReason = change.reason();
      disables.incrementAndGet();
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      try {
        if (!token.authorizes(exchange)) {
          exchange.getResponseHeaders().set("WWW-Authenticate", BearerToken.challenge(exchange));
          log(System.Logger.Level.WARNING, exchange, 401, "refused: missing or wrong bearer token");
          exchanges.send(
              exchange, 401, error(null, "a valid Authorization: Bearer token is required"));
          return;
        }
        route(exchange, method, path);
      } catch (BadRequest e) {
        if (e.status == 405) {
          exchange.getResponseHeaders().set("Allow", e.field);
          log(System.Logger.Level.WARNING, exchange, 405, "refused: " + e.getMessage());
          exchanges.send(exchange, 405, error(null, e.getMessage()));
        } else {
          log(System.Logger.Level.WARNING, exchange, e.status, "refused: " + e.getMessage());
          exchanges.send(exchange, e.status, error(e.field, e.getMessage()));
        }
      } catch (RuntimeException e) {
        log(System.Logger.Level.WARNING, exchange, 500, "failed: " + e);
        exchanges.send(
            exchange, 500, error(null, "internal error: " + e.getClass().getSimpleName()));
      }
    }
  }

  private void route(HttpExchange ex, String method, String path) throws IOException, BadRequest {
    switch (path) {
      case "/chaos/status":
        allow(method, "GET");
        exchanges.send(ex, 200, StatusJson.of(injector, guard, lastRollbackReason, lastRollbackAt));
        return;
      case "/chaos/disable":
        allow(method, "POST");
        disable(ex, exchanges.body(ex));
        return;
      case "/chaos/enable":
        allow(method, "POST");
        enable(ex, exchanges.body(ex));
        return;
      case "/chaos/alertmanager":
        allow(method, "POST");
        alertmanager(ex, exchanges.body(ex));
        return;
      default:
        if (path.startsWith(SCENARIOS) && path.indexOf('/', SCENARIOS.length()) < 0) {
          allow(method, "POST");
          scenario(ex, path.substring(SCENARIOS.length()), exchanges.body(ex));
          return;
        }
        log(System.Logger.Level.INFO, ex, 404, "no such path");
        exchanges.send(ex, 404, error(null, "no such path: " + path));
    }
  }

  // ---------------------------------------------------------------- actions

  private void disable(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    fields(body, Set.of("reason"));
    String reason = ChaosReasons.REMOTE;
    JsonNode r = body == null ? null : body.get("reason");
    if (r != null && !r.isNull()) {
      if (!r.isTextual() || !CODE.matcher(r.asText()).matches()) {
        throw BadRequest.field(
            "reason", "reason must be a code matching " + CODE.pattern() + ", such as REMOTE");
      }
      reason = r.asText();
    }
    boolean wasOn = injector.enabled();
    injector.disable(reason);
    String result = wasOn ? "disabled, reason " + reason : "already disabled";
    log(System.Logger.Level.WARNING, ex, 200, result);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", wasOn);
    out.put("reason", wasOn ? reason : injector.lastDisableReason());
    exchanges.send(ex, 200, out);
  }

  private void enable(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    fields(body, Set.of());
    ChaosConfig current = injector.config();
    boolean wasOn = current.enabled();
    if (!wasOn) {
      injector.update(current.withEnabled(true));
    }
    log(System.Logger.Level.WARNING, ex, 200, wasOn ? "already enabled" : "enabled");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", !wasOn);
    exchanges.send(ex, 200, out);
  }

  private void scenario(HttpExchange ex, String key, JsonNode body) throws IOException, BadRequest {
    Scenario s;
    try {
      s = Scenario.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw BadRequest.field("scenario", e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw BadRequest.field("intensity", "body must be a JSON object such as {\"intensity\": 0}");
    }
    fields(body, Set.of("intensity"));
    JsonNode n = body.get("intensity");
    if (n == null || !n.isNumber()) {
      throw BadRequest.field("intensity", "intensity must be a number");
    }
    double x = n.asDouble();
    long disablesBefore = disables.get();
    ChaosConfig current = injector.config();
    ChaosConfig next;
    try {
      next = Intensities.with(current, s, x);
    } catch (IllegalArgumentException e) {
      throw BadRequest.field("intensity", e.getMessage());
    }
    injector.update(next);
    if (disables.get() != disablesBefore && next.enabled()) {
      // A rollback raced with this request: it wins.
      injector.disable(lastRollbackReason);
    }
    String result = s.key() + " intensity " + current.intensity(s) + " -> " + x;
    log(System.Logger.Level.WARNING, ex, 200, result);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scenario", s.key());
    out.put("intensity", injector.config().intensity(s));
    out.put("previous_intensity", current.intensity(s));
    out.put("enabled", injector.enabled());
    exchanges.send(ex, 200, out);
  }

  private void alertmanager(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    AlertmanagerWebhook payload = AlertmanagerWebhook.read(body);
    String reason = payload.reason;
    int firing = payload.firing;
    int ignored = payload.ignored;
    boolean wasOn = injector.enabled();
    if (reason != null) {
      injector.disable(reason);
    }
    boolean changed = reason != null && wasOn;
    String result =
        reason == null
            ? "no firing rollback alert (" + ignored + " ignored)"
            : changed ? "disabled, reason " + reason : "already disabled";
    log(reason == null ? System.Logger.Level.INFO : System.Logger.Level.WARNING, ex, 200, result);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", changed);
    out.put("reason", reason);
    out.put("firing_rollback_alerts", firing);
    out.put("ignored_alerts", ignored);
    exchanges.send(ex, 200, out);
  }
}
