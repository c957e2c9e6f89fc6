package io.mmbot.chaos.exchange.server;

/** A small JSON writer: just what the exchange's answers and stream events need. */
final class Json {
  private final StringBuilder sb;
  private boolean first = true;

  Json(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  /** Opens an object: {@code {}. */
  Json open() {
    sb.append('{');
    first = true;
    return this;
  }

  /** Closes an object: {@code }}. */
  Json close() {
    sb.append('}');
    first = false;
    return this;
  }

  Json openArray(String key) {
    key(key);
    sb.append('[');
    first = true;
    return this;
  }

  Json openArray() {
    comma();
    sb.append('[');
    first = true;
    return this;
  }

  Json closeArray() {
    sb.append(']');
    first = false;
    return this;
  }

  Json openObject(String key) {
    key(key);
    sb.append('{');
    first = true;
    return this;
  }

  /** An element of an array that is an object. */
  Json element() {
    comma();
    sb.append('{');
    first = true;
    return this;
  }

  Json str(String key, String value) {
    key(key);
    if (value == null) {
      sb.append("null");
    } else {
      quote(sb, value);
    }
    return this;
  }

  Json num(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  Json bool(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  Json nul(String key) {
    key(key);
    sb.append("null");
    return this;
  }

  /** An array element that is a string. */
  Json value(String value) {
    comma();
    quote(sb, value);
    return this;
  }

  /** Raw JSON as the value of {@code key}. */
  Json raw(String key, String json) {
    key(key);
    sb.append(json);
    return this;
  }

  private void key(String key) {
    comma();
    quote(sb, key);
    sb.append(':');
  }

  private void comma() {
    if (!first) {
      sb.append(',');
    }
    first = false;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
