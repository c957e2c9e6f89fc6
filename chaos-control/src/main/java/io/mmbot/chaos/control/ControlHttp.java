package io.mmbot.chaos.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP side of one control request: its method and body checked (405, 413, 400 with the field
 * at fault), the JSON answer sent, and the one log line that records it.
 */
final class ControlHttp {

  private static final System.Logger LOG = System.getLogger(ChaosControlServer.class.getName());
  private static final String JSON = "application/json; charset=utf-8";
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(start marker at \\[Source.*$|\\s*\\(bound as .*?\\)", Pattern.DOTALL);

  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static void allow(String method, String allowed) throws BadRequest {
    if (!allowed.equals(method)) {
      throw new BadRequest(405, allowed, "method " + method + " not allowed; use " + allowed);
    }
  }

  /** The JSON body, or null when it is empty; 413 beyond the limit, 400 when malformed. */
  JsonNode body(HttpExchange ex) throws IOException, BadRequest {
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
    // Read without closing: closing would drain what is left of a body over the limit.
    InputStream in = ex.getRequestBody();
    byte[] bytes = in.readNBytes(ChaosControlServer.MAX_BODY_BYTES + 1);
    if (bytes.length > ChaosControlServer.MAX_BODY_BYTES) {
      throw tooLarge();
    }
    ExchangeWorkers.bodyRead();
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

  /** Refuses a body that is not an object or has a field outside {@code allowed}. */
  static void fields(JsonNode body, Set<String> allowed) throws BadRequest {
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

  /** The JSON of an error answer: the message, and the field at fault unless null. */
  static Map<String, Object> error(String field, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    if (field != null) {
      m.put("field", field);
    }
    return m;
  }

  /**
   * Sends the JSON answer. A request whose body was not read to its end (a 401, a 413, a route that
   * takes no body), and every 401, gets {@code Connection: close}; what is left of the body may
   * take a moment more to arrive ({@link ExchangeWorkers#drainBriefly()}), after which the
   * connection is closed whether it has or not: the client is never waited for.
   */
  void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    boolean close = status == 401 || (declaresBody(ex) && !ExchangeWorkers.wasBodyRead());
    ex.getResponseHeaders().set("Content-Type", JSON);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (close) {
      ex.getResponseHeaders().set("Connection", "close");
    }
    ex.sendResponseHeaders(status, bytes.length);
    OutputStream out = ex.getResponseBody();
    out.write(bytes);
    out.flush();
    if (!close) {
      out.close();
      return;
    }
    ExchangeWorkers.drainBriefly();
    try {
      out.close(); // the server discards the rest of the body here, within the grace
    } catch (IOException cutOff) {
      // The client did not send it in time; the connection is closed: that is the point.
    }
  }

  /** Whether the request declares a body (a length above 0, or a transfer encoding). */
  static boolean declaresBody(HttpExchange ex) {
    if (ex.getRequestHeaders().containsKey("Transfer-Encoding")) {
      return true;
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    return length != null && !length.strip().equals("0");
  }

  /**
   * Logs one line for a request: method, path, source address, status and result, the client's text
   * in it escaped (see {@link LogText}).
   */
  static void log(System.Logger.Level level, HttpExchange ex, int status, String result) {
    InetSocketAddress from = ex.getRemoteAddress();
    String source = from == null ? "?" : from.getAddress().getHostAddress() + ":" + from.getPort();
    try {
      LOG.log(
          level,
          "mm-chaos control: "
              + LogText.escape(ex.getRequestMethod())
              + " "
              + LogText.escape(ex.getRequestURI().getRawPath())
              + " from "
              + source
              + " -> "
              + status
              + " "
              + LogText.escape(result, 1_000));
    } catch (RuntimeException ignored) {
      // the request has been handled; a failing logger changes nothing
    }
  }
}
