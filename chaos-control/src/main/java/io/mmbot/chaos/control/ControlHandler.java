package io.mmbot.chaos.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.ChaosListener;
import io.mmbot.chaos.ChaosReasons;
import io.mmbot.chaos.RollbackGuard;
import io.mmbot.chaos.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
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

  private static final System.Logger LOG = System.getLogger(ChaosControlServer.class.getName());
  private static final String JSON = "application/json; charset=utf-8";
  private static final String CHALLENGE = "Bearer realm=\"mm-chaos\"";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");
  private static final String SCENARIOS = "/chaos/scenarios/";
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(start marker at \\[Source.*$|\\s*\\(bound as .*?\\)", Pattern.DOTALL);

  private final ChaosInjector injector;
  private final RollbackGuard guard;
  private final byte[] tokenHash;
  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private final AtomicLong disables = new AtomicLong();
  private volatile String lastRollbackReason;
  private volatile Instant lastRollbackAt;

  ControlHandler(ChaosInjector injector, RollbackGuard guard, String token) {
    this.injector = injector;
    this.guard = guard;
    this.tokenHash = sha256(token.getBytes(StandardCharsets.UTF_8));
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
        if (!authorized(exchange)) {
          exchange.getResponseHeaders().set("WWW-Authenticate", challenge(exchange));
          log(System.Logger.Level.WARNING, exchange, 401, "refused: missing or wrong bearer token");
          send(exchange, 401, error(null, "a valid Authorization: Bearer token is required"));
          return;
        }
        route(exchange, method, path);
      } catch (BadRequest e) {
        if (e.status == 405) {
          exchange.getResponseHeaders().set("Allow", e.field);
          log(System.Logger.Level.WARNING, exchange, 405, "refused: " + e.getMessage());
          send(exchange, 405, error(null, e.getMessage()));
        } else {
          log(System.Logger.Level.WARNING, exchange, e.status, "refused: " + e.getMessage());
          send(exchange, e.status, error(e.field, e.getMessage()));
        }
      } catch (RuntimeException e) {
        log(System.Logger.Level.WARNING, exchange, 500, "failed: " + e);
        send(exchange, 500, error(null, "internal error: " + e.getClass().getSimpleName()));
      }
    }
  }

  private void route(HttpExchange ex, String method, String path) throws IOException, BadRequest {
    switch (path) {
      case "/chaos/status":
        allow(method, "GET");
        send(ex, 200, StatusJson.of(injector, guard, lastRollbackReason, lastRollbackAt));
        return;
      case "/chaos/disable":
        allow(method, "POST");
        disable(ex, body(ex));
        return;
      case "/chaos/enable":
        allow(method, "POST");
        enable(ex, body(ex));
        return;
      case "/chaos/alertmanager":
        allow(method, "POST");
        alertmanager(ex, body(ex));
        return;
      default:
        if (path.startsWith(SCENARIOS) && path.indexOf('/', SCENARIOS.length()) < 0) {
          allow(method, "POST");
          scenario(ex, path.substring(SCENARIOS.length()), body(ex));
          return;
        }
        log(System.Logger.Level.INFO, ex, 404, "no such path");
        send(ex, 404, error(null, "no such path: " + path));
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
    send(ex, 200, out);
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
    send(ex, 200, out);
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
    send(ex, 200, out);
  }

  private void alertmanager(HttpExchange ex, JsonNode body) throws IOException, BadRequest {
    if (body == null || !body.isObject()) {
      throw BadRequest.field("body", "body must be an Alertmanager webhook payload (JSON object)");
    }
    JsonNode version = body.get("version");
    if (version == null || !"4".equals(version.asText()) || !version.isTextual()) {
      throw BadRequest.field("version", "version must be \"4\" (Alertmanager webhook payload)");
    }
    JsonNode alerts = body.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw BadRequest.field("alerts", "alerts must be an array");
    }
    String reason = null;
    int firing = 0;
    int ignored = 0;
    for (int i = 0; i < alerts.size(); i++) {
      JsonNode a = alerts.get(i);
      JsonNode status = a.get("status");
      JsonNode labels = a.get("labels");
      if (status == null || !status.isTextual()) {
        throw BadRequest.field("alerts[" + i + "].status", "status must be a string");
      }
      if (labels == null || !labels.isObject()) {
        throw BadRequest.field("alerts[" + i + "].labels", "labels must be an object");
      }
      boolean rollback = "true".equals(labels.path("chaos_rollback").asText(null));
      if (!rollback || !"firing".equals(status.asText())) {
        ignored++;
        continue;
      }
      firing++;
      if (reason == null) {
        String label = labels.path("reason").asText("");
        reason = CODE.matcher(label).matches() ? label : ChaosReasons.REMOTE;
      }
    }
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
    send(ex, 200, out);
  }

  // ---------------------------------------------------------------- plumbing

  private boolean authorized(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = sha256(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    // Both sides are SHA-256 digests of equal length; isEqual compares them in constant time.
    return MessageDigest.isEqual(tokenHash, given);
  }

  private static String challenge(HttpExchange ex) {
    return ex.getRequestHeaders().containsKey("Authorization")
        ? CHALLENGE + ", error=\"invalid_token\""
        : CHALLENGE;
  }

  private static void allow(String method, String allowed) throws BadRequest {
    if (!allowed.equals(method)) {
      throw new BadRequest(405, allowed, "method " + method + " not allowed; use " + allowed);
    }
  }

  /** The JSON body, or null when it is empty; 413 beyond the limit, 400 when malformed. */
  private JsonNode body(HttpExchange ex) throws IOException, BadRequest {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "Content-Length", "Content-Length is not a number");
      }
      if (n > ChaosControlServer.MAX_BODY_BYTES) {
        throw tooLarge();
      }
    }
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readNBytes(ChaosControlServer.MAX_BODY_BYTES + 1);
    }
    if (bytes.length > ChaosControlServer.MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (isBlank(bytes)) {
      return null;
    }
    try {
      return json.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      String why = SOURCE.matcher(e.getOriginalMessage()).replaceAll("");
      throw BadRequest.field("body", "malformed JSON" + where + ": " + why);
    }
  }

  private static BadRequest tooLarge() {
    return new BadRequest(
        413, "body", "body larger than " + ChaosControlServer.MAX_BODY_BYTES + " bytes");
  }

  private static void fields(JsonNode body, Set<String> allowed) throws BadRequest {
    if (body == null) {
      return;
    }
    if (!body.isObject()) {
      throw BadRequest.field("body", "body must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw BadRequest.field(
            f, "unknown field \"" + f + "\"" + (allowed.isEmpty() ? "" : "; expected " + allowed));
      }
    }
  }

  private static boolean isBlank(byte[] b) {
    for (byte c : b) {
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    if (field != null) {
      m.put("field", field);
    }
    return m;
  }

  private void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", JSON);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void log(System.Logger.Level level, HttpExchange ex, int status, String result) {
    InetSocketAddress from = ex.getRemoteAddress();
    String source = from == null ? "?" : from.getAddress().getHostAddress() + ":" + from.getPort();
    try {
      LOG.log(
          level,
          "mm-chaos control: "
              + ex.getRequestMethod()
              + " "
              + ex.getRequestURI().getRawPath()
              + " from "
              + source
              + " -> "
              + status
              + " "
              + result);
    } catch (RuntimeException ignored) {
      // the request has been handled; a failing logger changes nothing
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
