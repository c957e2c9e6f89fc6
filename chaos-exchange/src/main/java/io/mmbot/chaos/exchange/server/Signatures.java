package io.mmbot.chaos.exchange.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange's one API key and its secret: checks the {@code X-MBX-APIKEY} header ({@code -2014}
 * when missing or malformed, {@code -2015} when unknown, both HTTP 401) and the HMAC-SHA256 {@code
 * signature} of a signed request ({@code -1022}, not case sensitive, HTTP 400).
 */
final class Signatures {
  private final String apiKey;
  private final SecretKeySpec secret;
  private final ThreadLocal<Mac> macs;

  Signatures(String apiKey, String secret) {
    this.apiKey = apiKey;
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(this.secret);
                return m;
              } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
              }
            });
  }

  void checkKey(String key) throws ApiError {
    if (key == null || key.isEmpty() || key.length() > 256 || !printable(key)) {
      throw new ApiError(401, -2014, "API-key format invalid.");
    }
    if (!MessageDigest.isEqual(
        key.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
  }

  void checkSignature(Params p) throws ApiError {
    String sig = p.signature();
    if (sig == null || sig.isEmpty()) {
      throw ApiError.mandatory("signature");
    }
    if (p.get("timestamp") == null) {
      throw ApiError.mandatory("timestamp");
    }
    String expected = sign(p.signedText());
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        sig.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiError(400, -1022, "Signature for this request is not valid.");
    }
  }

  /** HMAC-SHA256 of {@code text} with the secret, as lowercase hex. */
  String sign(String text) {
    byte[] h = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[h.length * 2];
    for (int i = 0; i < h.length; i++) {
      out[2 * i] = Character.forDigit((h[i] >> 4) & 0xf, 16);
      out[2 * i + 1] = Character.forDigit(h[i] & 0xf, 16);
    }
    return new String(out);
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
