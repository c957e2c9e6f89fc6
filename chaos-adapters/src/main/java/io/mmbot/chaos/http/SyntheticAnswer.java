package io.mmbot.chaos.http;

import io.mmbot.chaos.http.internal.ExchangeAnswers;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The synthetic exchange answer a {@link FaultPlan} calls for, for a transport of one's own (a
 * third HTTP client, a simulated exchange): status, HTTP/1.1 reason phrase, headers in the order a
 * server sends them, and the JSON body, exactly as {@link ChaosHttpClient} and the OkHttp adapter
 * answer. Everything else a transport needs to apply a plan is on the plan itself: {@link
 * FaultPlan#delayMs()}, {@link FaultPlan#isLoss()}, {@link FaultPlan#reachesServer()} and {@link
 * FaultPlan#outcome()}.
 *
 * <pre>{@code
 * FaultPlan plan = faults.next();
 * SyntheticAnswer answer = SyntheticAnswer.of(plan);   // null: no status to answer
 * if (answer != null) {
 *   respond(answer.status(), answer.reason(), answer.headers(), answer.bodyBytes());
 * }
 * }</pre>
 *
 * <p>Immutable and safe to share.
 */
public final class SyntheticAnswer {

  /** The media type of every synthetic body: {@value}. */
  public static final String CONTENT_TYPE = ExchangeAnswers.CONTENT_TYPE;

  private final int status;
  private final Map<String, String> headers;
  private final String body;

  private SyntheticAnswer(int status, long retryAfterSeconds) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(ExchangeAnswers.headers(status, retryAfterSeconds));
    this.body = ExchangeAnswers.body(status, retryAfterSeconds);
  }

  /**
   * The answer {@code plan} calls for, or null when it has no status to answer with (no fault, a
   * delay only, or a loss).
   */
  public static SyntheticAnswer of(FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return plan.status() == 0 ? null : new SyntheticAnswer(plan.status(), plan.retryAfterSeconds());
  }

  /** The HTTP status: 429, 418, 500, 502, 503 or 504. */
  public int status() {
    return status;
  }

  /** The HTTP/1.1 reason phrase, as {@code "Too Many Requests"}. */
  public String reason() {
    return ExchangeAnswers.reason(status);
  }

  /**
   * The response headers in the order a server sends them: {@code Content-Type}, and for 429 and
   * 418 {@code Retry-After} (whole seconds) and {@code X-MBX-USED-WEIGHT-1M}. Unmodifiable.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** The JSON body, as {@code {"code":-1003,"msg":"Request rate limit exceeded; …"}}. */
  public String body() {
    return body;
  }

  /** {@link #body()} in UTF-8, the charset of {@link #CONTENT_TYPE}. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SyntheticAnswer{" + status + ' ' + reason() + ", " + headers + ", " + body + '}';
  }
}
