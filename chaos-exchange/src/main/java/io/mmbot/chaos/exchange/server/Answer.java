package io.mmbot.chaos.exchange.server;

import java.nio.charset.StandardCharsets;

/**
 * One REST answer before it goes on the wire: status, JSON body and the values of Binance's
 * headers.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param retryAfterSec {@code Retry-After} in seconds, 0 for none
 * @param usedWeight {@code X-MBX-USED-WEIGHT-1M}, or -1 to leave the header out
 * @param orderCount10s {@code X-MBX-ORDER-COUNT-10S}, or -1 to leave the header out
 */
record Answer(int status, String body, long retryAfterSec, int usedWeight, int orderCount10s) {

  static Answer ok(String body, int usedWeight) {
    return new Answer(200, body, 0, usedWeight, -1);
  }

  static Answer error(ApiError e, int usedWeight) {
    return new Answer(e.status, e.body(), 0, usedWeight, -1);
  }

  /** The whole HTTP/1.1 response, status line to body. */
  byte[] bytes(boolean keepAlive) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    h.append("Content-Type: application/json;charset=UTF-8\r\n");
    h.append("Content-Length: ").append(b.length).append("\r\n");
    if (usedWeight >= 0) {
      h.append("X-MBX-USED-WEIGHT-1M: ").append(usedWeight).append("\r\n");
    }
    if (orderCount10s >= 0) {
      h.append("X-MBX-ORDER-COUNT-10S: ").append(orderCount10s).append("\r\n");
    }
    if (retryAfterSec > 0) {
      h.append("Retry-After: ").append(retryAfterSec).append("\r\n");
    }
    if (!keepAlive) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return all;
  }

  static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 418:
        return "I'm a teapot";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "Status";
    }
  }
}
