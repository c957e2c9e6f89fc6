package io.mmbot.chaos.control;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The endpoint's bearer token, kept only as its SHA-256 digest: a request is authorized when its
 * {@code Authorization: Bearer} token has the same digest, compared in constant time.
 */
final class BearerToken {

  private static final String CHALLENGE = "Bearer realm=\"mm-chaos\"";

  private final byte[] tokenHash;

  BearerToken(String token) {
    this.tokenHash = sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  boolean authorizes(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = sha256(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    // Both sides are SHA-256 digests of equal length; isEqual compares them in constant time.
    return MessageDigest.isEqual(tokenHash, given);
  }

  /** The {@code WWW-Authenticate} value of a 401: {@code invalid_token} if a token was given. */
  static String challenge(HttpExchange ex) {
    return ex.getRequestHeaders().containsKey("Authorization")
        ? CHALLENGE + ", error=\"invalid_token\""
        : CHALLENGE;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
