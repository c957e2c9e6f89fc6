package io.mmbot.chaos.control;

/** A request the endpoint refuses: its HTTP status, a message, and the field at fault (or null). */
final class BadRequest extends Exception {
  private static final long serialVersionUID = 1L;

  final int status;
  final String field;

  BadRequest(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  static BadRequest field(String field, String message) {
    return new BadRequest(400, field, message);
  }
}
