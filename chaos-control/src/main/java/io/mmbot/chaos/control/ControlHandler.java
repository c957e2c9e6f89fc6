package io.mmbot.chaos.control;

import static io.mmbot.chaos.control.ControlHttp.allow;
import static io.mmbot.chaos.control.ControlHttp.error;
import static io.mmbot.chaos.control.ControlHttp.fields;
import static io.mmbot.chaos.control.ControlHttp.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.EnableRefusedException;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves every request of the control endpoint: authenticates it, routes it, checks its body and
 * answers in JSON. Requests run on the server's {@link ExchangeWorkers}, several at once; each
 * change of the injector's state runs whole ({@link ExchangeWorkers#critical}), and the injector's
 * own operations are atomic.
 */
final class ControlHandler implements HttpHandler, ChaosListener {

  private static final Pattern CODE = AlertmanagerWebhook.CODE;
  private static final String SCENARIOS = "/chaos/scenarios/";

  private final ChaosInjector injector;
  private final RollbackGuard guard;
  private final BearerToken token;
  private final ControlHttp exchanges = new ControlHttp();
  private final AtomicLong disables = new AtomicLong();

  /**
   * Held by the read-modify-write requests (enable, scenario) so that two of them do not lose one
   * another's change. Never by a disable or the webhook: the kill switch waits for no one, and a
   * rollback that races with a change wins (see {@link #scenario}).
   */
  private final Object changes = new Object();

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
        ExchangeWorkers.authenticated();
        if (!ControlHttp.declaresBody(exchange)) {
          ExchangeWorkers.arrived();
        }
        route(exchange, method, path);
      } catch (BadRequest e) {
        if (e.status == 405) {
          exchange.getResponseHeaders().set("Allow", e.field);
          log(System.Logger.Level.WARNING, exchange, 405, "refused: " + e.getMessage());
          exchanges.send(exchange, 405, error(null, e.getMessage()));
        } else {
          log(System.Logger.Level.WARNING, exchange, e.status, "refused: " + e.getMessage());
          Map<String, Object> out = error(e.field, e.getMessage());
          if (e.status == 409) {
            out.put("enabled", injector.enabled());
          }
          exchanges.send(exchange, e.status, out);
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
        disable(ex);
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

  /**
   * The kill switch: chaos goes off whatever the body holds. A body that cannot be read or used
   * (not JSON, too large, an unknown field, a reason that is not a code) only costs its reason,
   * which is then {@code REMOTE}; what was wrong is answered as {@code warnings} after the disable.
   */
  private void disable(HttpExchange ex) throws IOException {
    List<Warning> warnings = new ArrayList<>();
    JsonNode body = null;
    IOException unreadable = null;
    try {
      body = exchanges.body(ex);
    } catch (BadRequest e) {
      warnings.add(new Warning(e.field, e.getMessage() + "; chaos disabled all the same"));
    } catch (IOException e) {
      unreadable = e;
      warnings.add(new Warning("body", "body could not be read: " + e));
    }
    String reason = reasonOf(body, warnings);
    boolean wasOn =
        ExchangeWorkers.critical(
            () -> {
              boolean on = injector.enabled();
              injector.disable(reason);
              return on;
            });
    String result = wasOn ? "disabled, reason " + reason : "already disabled";
    if (!warnings.isEmpty()) {
      result += " (request had problems: " + Warning.line(warnings) + ")";
    }
    log(System.Logger.Level.WARNING, ex, 200, result);
    if (unreadable != null) {
      throw unreadable; // chaos is off; the client is gone or too slow to be answered
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", wasOn);
    out.put("reason", wasOn ? reason : injector.lastDisableReason());
    if (!warnings.isEmpty()) {
      out.put("warnings", Warning.json(warnings));
    }
    exchanges.send(ex, 200, out);
  }

  /**
   * The reason code a disable body asks for, or {@code REMOTE}; problems go to {@code warnings}.
   */
  private static String reasonOf(JsonNode body, List<Warning> warnings) {
    if (body == null) {
      return ChaosReasons.REMOTE;
    }
    if (!body.isObject()) {
      warnings.add(
          new Warning("body", "body must be a JSON object such as {\"reason\": \"MANUAL\"}"));
      return ChaosReasons.REMOTE;
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("reason")) {
        warnings.add(new Warning(f, "unknown field \"" + f + "\"; expected [reason]"));
      }
    }
    JsonNode r = body.get("reason");
    if (r == null || r.isNull()) {
      return ChaosReasons.REMOTE;
    }
    if (!r.isTextual() || !CODE.matcher(r.asText()).matches()) {
      warnings.add(
          new Warning(
              "reason",
              "reason must be a code matching "
                  + CODE.pattern()
                  + ", such as REMOTE; REMOTE used"));
      return ChaosReasons.REMOTE;
    }
    return r.asText();
  }

  /**
   * Switches chaos back on with the current settings, unless something keeps it off: then 409 with
   * the reason ({@link ChaosInjector#enableRefusal()}: the watched config file says off or cannot
   * be used, or this is the permanently-off default of {@code GlobalChaos}).
   */
  private void enable(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    fields(body, Set.of());
    boolean wasOn;
    synchronized (changes) {
      ChaosConfig current = injector.config();
      wasOn = current.enabled();
      if (!wasOn) {
        String refusal = injector.enableRefusal();
        if (refusal != null) {
          throw new BadRequest(409, null, refusal);
        }
        updateOrConflict(current.withEnabled(true));
      }
    }
    log(System.Logger.Level.WARNING, ex, 200, wasOn ? "already enabled" : "enabled");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", !wasOn);
    exchanges.send(ex, 200, out);
  }

  /** Applies {@code next}; a refused enable is a 409 with its reason. */
  private void updateOrConflict(ChaosConfig next) throws BadRequest {
    try {
      ExchangeWorkers.critical(
          () -> {
            injector.update(next);
            return null;
          });
    } catch (EnableRefusedException e) {
      throw new BadRequest(409, null, e.getMessage());
    }
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
    ChaosConfig current;
    synchronized (changes) {
      long disablesBefore = disables.get();
      current = injector.config();
      ChaosConfig next;
      try {
        next = Intensities.with(current, s, x);
      } catch (IllegalArgumentException e) {
        throw BadRequest.field("intensity", e.getMessage());
      }
      updateOrConflict(next);
      if (disables.get() != disablesBefore && next.enabled()) {
        // A rollback raced with this request: it wins.
        injector.disable(lastRollbackReason);
      }
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

  /**
   * The Alertmanager webhook: a firing rollback alert disables chaos even beside malformed alerts
   * or under another {@code version} (Alertmanager does not retry a 4xx); what was wrong is
   * answered as {@code warnings}. Only a payload with no {@code alerts} array is a 400.
   */
  private void alertmanager(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    AlertmanagerWebhook payload = AlertmanagerWebhook.read(body);
    String reason = payload.reason;
    boolean wasOn =
        ExchangeWorkers.critical(
            () -> {
              boolean on = injector.enabled();
              if (reason != null) {
                injector.disable(reason);
              }
              return on;
            });
    boolean changed = reason != null && wasOn;
    String result =
        reason == null
            ? "no firing rollback alert (" + payload.ignored + " ignored)"
            : changed ? "disabled, reason " + reason : "already disabled";
    if (!payload.warnings.isEmpty()) {
      result += " (payload had problems: " + Warning.line(payload.warnings) + ")";
    }
    log(reason == null ? System.Logger.Level.INFO : System.Logger.Level.WARNING, ex, 200, result);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", injector.enabled());
    out.put("changed", changed);
    out.put("reason", reason);
    out.put("firing_rollback_alerts", payload.firing);
    out.put("ignored_alerts", payload.ignored);
    if (!payload.warnings.isEmpty()) {
      out.put("warnings", Warning.json(payload.warnings));
    }
    exchanges.send(ex, 200, out);
  }
}
