package io.mmbot.chaos.exchange.server;

/**
 * A request the exchange refuses with a Binance error: an HTTP status and a body {@code
 * {"code":…,"msg":…}}. Thrown while a request is parsed or checked, before anything executes.
 */
final class ApiError extends Exception {
  private static final long serialVersionUID = 1L;

  final int status;
  final int code;

  ApiError(int status, int code, String msg) {
    super(msg, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError mandatory(String param) {
    return new ApiError(
        400,
        -1102,
        "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
  }

  static ApiError badSymbol() {
    return new ApiError(400, -1121, "Invalid symbol.");
  }

  String body() {
    Json j = new Json(64).open().num("code", code).str("msg", getMessage()).close();
    return j.toString();
  }
}
